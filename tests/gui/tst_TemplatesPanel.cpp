// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/templates/TemplateStore.h"
#include "gui/Confirm.h"
#include "gui/SaveTemplateDialog.h"
#include "gui/TemplatesPanel.h"
#include "gui/WindowSettings.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
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
    void importClashCancelImportsNothing();
    void clashNamesCountOn();
    void searchBoxDownAndReturn();
    void fileDialogsRememberTheirFolder();
    void saveDialogShowsItsHintsWhole();
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
    QFile::remove(WindowSettings::path());
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

    const int asked = Confirm::askedCount();
    Confirm::setNextChoice(1); // keep both
    QVERIFY(m_panel->importFile(file));
    QCOMPARE(Confirm::askedCount(), asked + 1);
    QCOMPARE(m_store->find(QStringLiteral("Shared"))->variables, QStringLiteral("{\"mine\":1}"));
    QCOMPARE(
        m_store->find(QStringLiteral("Shared (2)"))->variables, QStringLiteral("{\"theirs\":1}"));
    QCOMPARE(m_store->templates().size(), 2);

    Confirm::setNextChoice(0); // replace
    QVERIFY(m_panel->importFile(file));
    QCOMPARE(m_store->find(QStringLiteral("Shared"))->variables, QStringLiteral("{\"theirs\":1}"));
}

void TestTemplatesPanel::importClashCancelImportsNothing()
{
    QVERIFY(m_store->add(make(QStringLiteral("Shared"), QStringLiteral("{\"mine\":1}"))));
    const QString file = m_dir->filePath(QStringLiteral("export.json"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(TemplateStore::exportDocument(
        {make(QStringLiteral("Shared"), QStringLiteral("{\"theirs\":1}")),
            make(QStringLiteral("New one"), QStringLiteral("{\"new\":1}"))}));
    out.close();
    m_panel->reload();
    QSignalSpy said(m_panel.get(), &TemplatesPanel::statusMessage);
    Confirm::setNextChoice(-1); // Cancel (or Escape)
    QVERIFY(!m_panel->importFile(file));
    m_store->reload();
    QCOMPARE(m_store->templates().size(), 1);
    QCOMPARE(m_store->find(QStringLiteral("Shared"))->variables, QStringLiteral("{\"mine\":1}"));
    QVERIFY(!m_store->contains(QStringLiteral("New one")));
    QCOMPARE(said.count(), 1);
    QVERIFY(said.at(0).at(0).toString().contains(QStringLiteral("nothing was imported")));
}

void TestTemplatesPanel::clashNamesCountOn()
{
    QVERIFY(m_store->add(make(QStringLiteral("Approve"), QStringLiteral("{}"))));
    const QString file = m_dir->filePath(QStringLiteral("export.json"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(TemplateStore::exportDocument({make(QStringLiteral("Approve"), QStringLiteral("{}")),
        make(QStringLiteral("Approve (2)"), QStringLiteral("{}"))}));
    out.close();
    m_panel->reload();
    Confirm::setNextChoice(1); // keep both
    QVERIFY(m_panel->importFile(file));
    // "Approve (2)" was free for the first; the second counts on, never "Approve (2) (2)".
    QCOMPARE(m_store->uniqueName(QStringLiteral("Approve (2)")), QStringLiteral("Approve (4)"));
    QStringList names;
    for (const Template &t : m_store->templates())
        names << t.name;
    names.sort();
    QCOMPARE(names,
        (QStringList {QStringLiteral("Approve"), QStringLiteral("Approve (2)"),
            QStringLiteral("Approve (3)")}));
    // The same file again: the next free numbers, in the file's order.
    Confirm::setNextChoice(1);
    QVERIFY(m_panel->importFile(file));
    QVERIFY(m_store->contains(QStringLiteral("Approve (4)")));
    QVERIFY(m_store->contains(QStringLiteral("Approve (5)")));
    for (const Template &t : m_store->templates())
        QVERIFY2(!t.name.contains(QStringLiteral(") (")), qPrintable(t.name));
}

void TestTemplatesPanel::searchBoxDownAndReturn()
{
    QVERIFY(m_store->add(make(QStringLiteral("Approve invoice"), QStringLiteral("{\"a\":1}"))));
    QVERIFY(m_store->add(make(QStringLiteral("Approve refund"), QStringLiteral("{\"r\":1}"))));
    QVERIFY(m_store->add(make(QStringLiteral("Skip check"), QStringLiteral("{}"))));
    m_panel->reload();
    auto *search = m_panel->findChild<QLineEdit *>(QStringLiteral("templateSearchLineEdit"));
    QSignalSpy applied(m_panel.get(), &TemplatesPanel::applyRequested);

    // Return applies the first match.
    m_panel->focusSearch();
    QTest::keyClicks(search, QStringLiteral("approve"));
    list()->clearSelection();
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.at(0).at(0).value<Template>().name, QStringLiteral("Approve invoice"));

    // Down moves into the list; Down again, then Return applies the one selected there.
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Down);
    QTRY_VERIFY(list()->hasFocus());
    QVERIFY(m_panel->selectedTemplate());
    QTest::keyClick(list(), Qt::Key_Down);
    QCOMPARE(m_panel->selectedTemplate()->name, QStringLiteral("Approve refund"));
    QTest::keyClick(list(), Qt::Key_Return);
    QCOMPARE(applied.count(), 2);
    QCOMPARE(applied.at(1).at(0).value<Template>().name, QStringLiteral("Approve refund"));

    // Return in the search box applies the selected match, not the first.
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(applied.count(), 3);
    QCOMPARE(applied.at(2).at(0).value<Template>().name, QStringLiteral("Approve refund"));

    // Nothing matches: Return does nothing.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("nothing like it"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(applied.count(), 3);
}

void TestTemplatesPanel::fileDialogsRememberTheirFolder()
{
    QVERIFY(m_store->add(make(QStringLiteral("One"), QStringLiteral("{}"))));
    m_panel->reload();
    QVERIFY(m_panel->selectTemplate(QStringLiteral("One")));
    const QString start = WindowSettings().folder(WindowSettings::Folder::Templates);
    QVERIFY(QDir(start) != QDir::current() || QDir::current() == QDir::home());

    m_panel->exportInteractive(true);
    auto *exportDialog
        = m_panel->findChild<QFileDialog *>(QStringLiteral("templatesExportFileDialog"));
    QVERIFY(exportDialog);
    QCOMPARE(QDir(exportDialog->directory()), QDir(start));
    QTemporaryDir elsewhere;
    const QString path = elsewhere.filePath(QStringLiteral("one.json"));
    exportDialog->selectFile(path);
    QMetaObject::invokeMethod(exportDialog, "accept"); // as the Save button does
    QTRY_VERIFY(QFile::exists(path));

    // Import opens where the export went (templates share one folder), and remembers its own.
    m_panel->importInteractive();
    auto *importDialog
        = m_panel->findChild<QFileDialog *>(QStringLiteral("templatesImportFileDialog"));
    QVERIFY(importDialog);
    QCOMPARE(QDir(importDialog->directory()), QDir(elsewhere.path()));
    importDialog->reject();
    // The history's exports keep theirs.
    QCOMPARE(WindowSettings().folder(WindowSettings::Folder::HistoryExport), start);
}

void TestTemplatesPanel::saveDialogShowsItsHintsWhole()
{
    SaveTemplateDialog dialog([](const QString &) { return false; });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    for (const char *name :
        {"templateNameLineEdit", "templateDescriptionLineEdit", "templateJobTypeLineEdit"}) {
        auto *edit = dialog.findChild<QLineEdit *>(QLatin1String(name));
        QVERIFY(edit);
        const int text = edit->fontMetrics().horizontalAdvance(edit->placeholderText());
        QVERIFY2(edit->width() > text + 8,
            qPrintable(QStringLiteral("%1: %2 px for a %3 px hint")
                           .arg(QLatin1String(name))
                           .arg(edit->width())
                           .arg(text)));
    }
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
