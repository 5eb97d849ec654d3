// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/templates/TemplateStore.h"
#include "gui/Confirm.h"
#include "gui/TemplatesPanel.h"

#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

class TestTemplatesPanel final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void emptyStateOffersStarters();
    void searchFilters();
    void preferredJobTypeComesFirst();
    void enterAppliesTemplate();
    void saveRefusesExistingNameUnlessReplace();
    void renameInPlace();
    void renameToExistingNameIsRefused();
    void deleteAsksAndRespectsNo();
    void brokenFileListedAndUntouched();
    void importClashReplaceOrKeepBoth();
    void exportWritesSelectedTemplates();

private:
    Template make(const QString &name, const QString &variables, const QString &jobType = {});
    QListWidget *list() const
    {
        return m_panel->findChild<QListWidget *>(QStringLiteral("templatesListWidget"));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TemplateStore> m_store;
    std::unique_ptr<TemplatesPanel> m_panel;
};

Template TestTemplatesPanel::make(
    const QString &name, const QString &variables, const QString &jobType)
{
    Template t;
    t.name = name;
    t.variables = variables;
    t.jobType = jobType;
    return t;
}

void TestTemplatesPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<TemplateStore>(m_dir->filePath(QStringLiteral("templates")));
    m_panel = std::make_unique<TemplatesPanel>(m_store.get());
    // Shown, so its keyboard shortcuts (Delete, F2) work as they do in the window.
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestTemplatesPanel::cleanup()
{
    m_panel.reset();
    m_store.reset();
    m_dir.reset();
}

void TestTemplatesPanel::emptyStateOffersStarters()
{
    auto *starters = m_panel->findChild<QPushButton *>(QStringLiteral("addStartersPushButton"));
    QVERIFY(starters);
    QVERIFY(starters->isVisibleTo(m_panel.get()));
    QCOMPARE(list()->count(), 0);
    // Nothing is written until the person accepts.
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("templates"))));
    starters->click();
    QCOMPARE(m_store->templates().size(), starterTemplates().size());
    QCOMPARE(m_panel->visibleNames().size(), starterTemplates().size());
    QVERIFY(!starters->isVisibleTo(m_panel.get()));
}

void TestTemplatesPanel::searchFilters()
{
    QVERIFY(m_store->add(make(QStringLiteral("Approve invoice"), QStringLiteral("{\"ok\":true}"))));
    Template skip = make(QStringLiteral("Skip check"), QStringLiteral("{}"));
    skip.description = QStringLiteral("address validation is down");
    QVERIFY(m_store->add(skip));
    m_panel->reload();
    auto *search = m_panel->findChild<QLineEdit *>(QStringLiteral("templateSearchLineEdit"));
    QTest::keyClicks(search, QStringLiteral("ADDRESS"));
    QCOMPARE(m_panel->visibleNames(), QStringList {QStringLiteral("Skip check")});
    search->clear();
    QCOMPARE(m_panel->visibleNames().size(), 2);
}

void TestTemplatesPanel::preferredJobTypeComesFirst()
{
    QVERIFY(m_store->add(make(QStringLiteral("A generic"), QStringLiteral("{}"))));
    QVERIFY(m_store->add(make(
        QStringLiteral("Z payment"), QStringLiteral("{}"), QStringLiteral("payment-service"))));
    m_panel->reload();
    QCOMPARE(m_panel->visibleNames().first(), QStringLiteral("A generic"));
    m_panel->setPreferredJobType(QStringLiteral("payment-service"));
    QCOMPARE(m_panel->visibleNames(),
        (QStringList {QStringLiteral("Z payment"), QStringLiteral("A generic")}));
}

void TestTemplatesPanel::enterAppliesTemplate()
{
    const QString vars = QStringLiteral("{\"amount\": 123456789012345678901234567890}");
    QVERIFY(m_store->add(make(QStringLiteral("Big"), vars)));
    m_panel->reload();
    QSignalSpy applied(m_panel.get(), &TemplatesPanel::applyRequested);
    QVERIFY(m_panel->selectTemplate(QStringLiteral("Big")));
    list()->setFocus();
    QTest::keyClick(list(), Qt::Key_Return);
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.first().first().value<Template>().variables, vars);
}

void TestTemplatesPanel::saveRefusesExistingNameUnlessReplace()
{
    QVERIFY(m_panel->saveTemplate(make(QStringLiteral("One"), QStringLiteral("{\"v\":1}")), false));
    QString error;
    QVERIFY(!m_panel->saveTemplate(
        make(QStringLiteral("one"), QStringLiteral("{\"v\":2}")), false, &error));
    QVERIFY2(error.contains(QStringLiteral("exists")), qPrintable(error));
    QCOMPARE(m_store->find(QStringLiteral("One"))->variables, QStringLiteral("{\"v\":1}"));
    QVERIFY(m_panel->saveTemplate(make(QStringLiteral("One"), QStringLiteral("{\"v\":2}")), true));
    QCOMPARE(m_store->find(QStringLiteral("One"))->variables, QStringLiteral("{\"v\":2}"));
}

void TestTemplatesPanel::renameInPlace()
{
    QVERIFY(m_store->add(make(QStringLiteral("Old"), QStringLiteral("{}"))));
    m_panel->reload();
    QListWidgetItem *item = list()->item(0);
    item->setText(QStringLiteral("New name"));
    QTRY_VERIFY(m_store->contains(QStringLiteral("New name")));
    QVERIFY(!m_store->contains(QStringLiteral("Old")));
    QCOMPARE(m_panel->visibleNames(), QStringList {QStringLiteral("New name")});
}

void TestTemplatesPanel::renameToExistingNameIsRefused()
{
    QVERIFY(m_store->add(make(QStringLiteral("A"), QStringLiteral("{\"a\":1}"))));
    QVERIFY(m_store->add(make(QStringLiteral("B"), QStringLiteral("{\"b\":1}"))));
    m_panel->reload();
    QString error;
    QVERIFY(!m_panel->renameTemplate(QStringLiteral("A"), QStringLiteral("b"), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(m_store->find(QStringLiteral("A"))->variables, QStringLiteral("{\"a\":1}"));
    QCOMPARE(m_store->find(QStringLiteral("B"))->variables, QStringLiteral("{\"b\":1}"));
}

void TestTemplatesPanel::deleteAsksAndRespectsNo()
{
    QVERIFY(m_store->add(make(QStringLiteral("Keep me"), QStringLiteral("{}"))));
    m_panel->reload();
    QVERIFY(m_panel->selectTemplate(QStringLiteral("Keep me")));
    const int asked = Confirm::askedCount();
    Confirm::setNextAnswer(false);
    list()->setFocus();
    QTest::keyClick(list(), Qt::Key_Delete);
    QCOMPARE(Confirm::askedCount(), asked + 1);
    QVERIFY(m_store->contains(QStringLiteral("Keep me")));
    Confirm::setNextAnswer(true);
    QTest::keyClick(list(), Qt::Key_Delete);
    QVERIFY(!m_store->contains(QStringLiteral("Keep me")));
    QCOMPARE(list()->count(), 0);
}

void TestTemplatesPanel::brokenFileListedAndUntouched()
{
    QVERIFY(m_store->add(make(QStringLiteral("Good"), QStringLiteral("{}"))));
    const QString brokenPath = m_dir->filePath(QStringLiteral("templates/broken.json"));
    QFile broken(brokenPath);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    const QByteArray garbage("{ this is not json");
    broken.write(garbage);
    broken.close();
    m_panel->reload();
    QCOMPARE(m_panel->visibleNames(), QStringList {QStringLiteral("Good")});
    bool listed = false;
    for (int i = 0; i < list()->count(); ++i) {
        if (list()->item(i)->text().contains(QStringLiteral("broken.json"))) {
            listed = true;
            QVERIFY(!list()->item(i)->toolTip().isEmpty());
        }
    }
    QVERIFY(listed);
    QVERIFY(broken.open(QIODevice::ReadOnly));
    QCOMPARE(broken.readAll(), garbage);
}

void TestTemplatesPanel::importClashReplaceOrKeepBoth()
{
    QVERIFY(m_store->add(make(QStringLiteral("Shared"), QStringLiteral("{\"mine\":1}"))));
    const QString file = m_dir->filePath(QStringLiteral("export.json"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(TemplateStore::exportDocument(
        {make(QStringLiteral("Shared"), QStringLiteral("{\"theirs\":1}"))}));
    out.close();
    m_panel->reload();

    Confirm::setNextAnswer(false); // keep both
    QVERIFY(m_panel->importFile(file));
    QCOMPARE(m_store->find(QStringLiteral("Shared"))->variables, QStringLiteral("{\"mine\":1}"));
    QCOMPARE(m_store->templates().size(), 2);

    Confirm::setNextAnswer(true); // replace
    QVERIFY(m_panel->importFile(file));
    QCOMPARE(m_store->find(QStringLiteral("Shared"))->variables, QStringLiteral("{\"theirs\":1}"));
}

void TestTemplatesPanel::exportWritesSelectedTemplates()
{
    QVERIFY(m_store->add(
        make(QStringLiteral("One"), QStringLiteral("{\"n\": 1.000000000000000000001}"))));
    QVERIFY(m_store->add(make(QStringLiteral("Two"), QStringLiteral("{}"))));
    m_panel->reload();
    const QString file = m_dir->filePath(QStringLiteral("one.json"));
    QVERIFY(m_panel->exportFile(file, {QStringLiteral("One")}));
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const auto parsed = TemplateStore::parseExportDocument(in.readAll());
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
    QCOMPARE(parsed->first().variables, QStringLiteral("{\"n\": 1.000000000000000000001}"));
}

QTEST_MAIN(TestTemplatesPanel)
#include "tst_TemplatesPanel.moc"
