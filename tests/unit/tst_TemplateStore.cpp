// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/templates/TemplateStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeRaw(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

const QDateTime kT0(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);

Template richTemplate()
{
    Template t;
    t.name = QStringLiteral("Approve invoice «big»");
    t.description = QStringLiteral("Approve with the full amount");
    t.jobType = QStringLiteral("invoice-approval");
    // Numbers beyond 64 bits and beyond double precision, odd spacing and key order.
    t.variables
        = QStringLiteral("{ \"z\": 1,\n  \"amount\": 1234567890123456789012345678901234567890,"
                         "\n  \"rate\": 0.10000000000000000000001, \"a\": [ ] }");
    t.denied = true;
    t.deniedReason = QStringLiteral("Missing \"PO\" number");
    t.corrections.assignee = QString(); // clears the assignee: set, but empty
    t.corrections.candidateGroups
        = QStringList {QStringLiteral("finance"), QStringLiteral("audit")};
    t.corrections.priority = 80;
    t.corrections.dueDate = QStringLiteral("2026-02-01T10:00:00Z");
    return t;
}

} // namespace

class TestTemplateStore final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<TemplateStore>(m_dir->filePath(QStringLiteral("templates")));
        m_now = kT0;
        m_store->setClock([this] { return m_now; });
    }

    void defaultDirectoryIsInAppData()
    {
        QCOMPARE(TemplateStore::defaultDirectory(),
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                + QStringLiteral("/templates"));
    }

    void missingFolderIsEmpty()
    {
        QVERIFY(m_store->reload());
        QVERIFY(m_store->templates().isEmpty());
        QVERIFY(m_store->brokenFiles().isEmpty());
    }

    void fileNames_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("case") << QStringLiteral("Approve") << QStringLiteral("APPROVE") << true;
        QTest::newRow("non-ASCII case")
            << QStringLiteral("Ärger") << QStringLiteral("äRGER") << true;
        QTest::newRow("different")
            << QStringLiteral("Approve") << QStringLiteral("Approve 2") << false;
        QTest::newRow("punctuation matters")
            << QStringLiteral("a/b") << QStringLiteral("a b") << false;
    }

    void fileNames()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(TemplateStore::fileNameFor(a) == TemplateStore::fileNameFor(b), same);
        for (const QString &name : {a, b}) {
            const QString file = TemplateStore::fileNameFor(name);
            QVERIFY(file.endsWith(QLatin1String(".json")));
            QVERIFY(!file.contains(u'/'));
            QVERIFY(!file.startsWith(u'.'));
            for (const QChar c : file)
                QVERIFY2(c.unicode() < 128, qPrintable(file));
        }
        QVERIFY(TemplateStore::fileNameFor(QStringLiteral("../../etc/passwd"))
                    .startsWith(QLatin1String("etc-passwd-")));
        QVERIFY(TemplateStore::fileNameFor(QString(300, u'x')).size() < 70);
    }

    void addFindAndFileContent()
    {
        const Template t = richTemplate();
        QVERIFY2(m_store->add(t), qPrintable(m_store->error()));
        QCOMPARE(m_store->templates().size(), 1);
        const auto found = m_store->find(QStringLiteral("approve INVOICE «BIG»"));
        QVERIFY(found);
        QCOMPARE(found->variables, t.variables);
        QCOMPARE(found->created, kT0);
        QCOMPARE(found->updated, kT0);
        Template expected = t;
        expected.created = expected.updated = kT0;
        QCOMPARE(*found, expected);

        // One file, named after the name, holding the variables as a string.
        const QString path = m_store->directory() + u'/' + TemplateStore::fileNameFor(t.name);
        const QJsonObject json = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(
            json.value(QLatin1String("format")).toString(), QStringLiteral("jobdesk-template"));
        QCOMPARE(json.value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(json.value(QLatin1String("variables")).toString(), t.variables);
        QCOMPARE(json.value(QLatin1String("created")).toString(),
            QStringLiteral("2026-01-02T03:04:05.678Z"));
        QVERIFY(readAll(path).contains("1234567890123456789012345678901234567890"));
    }

    void namesAreUniqueCaseInsensitively()
    {
        Template t;
        t.name = QStringLiteral("Approve");
        QVERIFY(m_store->add(t));
        t.name = QStringLiteral("APPROVE");
        QVERIFY(!m_store->add(t));
        QVERIFY(m_store->error().contains(QLatin1String("already exists")));
        QCOMPARE(m_store->templates().size(), 1);
        QCOMPARE(m_store->uniqueName(QStringLiteral("approve")), QStringLiteral("approve (2)"));
        t.name = QStringLiteral(" padded");
        QVERIFY(!m_store->add(t));
        t.name = QString();
        QVERIFY(!m_store->add(t));
    }

    void updateRenameDuplicateRemove()
    {
        Template t;
        t.name = QStringLiteral("Skip address check");
        t.variables = QStringLiteral("{\"addressValid\":true}");
        QVERIFY(m_store->add(t));
        m_now = kT0.addSecs(60);

        t.variables = QStringLiteral("{\"addressValid\": true, \"n\": 1}");
        QVERIFY2(m_store->update(t.name, t), qPrintable(m_store->error()));
        auto found = m_store->find(t.name);
        QCOMPARE(found->variables, t.variables);
        QCOMPARE(found->created, kT0);
        QCOMPARE(found->updated, kT0.addSecs(60));

        Template other;
        other.name = QStringLiteral("Other");
        QVERIFY(m_store->add(other));
        QVERIFY(!m_store->rename(QStringLiteral("Other"), QStringLiteral("skip ADDRESS check")));
        QVERIFY(m_store->find(QStringLiteral("Other")));

        QVERIFY2(
            m_store->rename(t.name, QStringLiteral("Skip check")), qPrintable(m_store->error()));
        QVERIFY(!m_store->find(t.name));
        found = m_store->find(QStringLiteral("Skip check"));
        QVERIFY(found);
        QCOMPARE(found->variables, t.variables);
        QCOMPARE(found->created, kT0);
        QCOMPARE(QDir(m_store->directory()).entryList(QDir::Files).size(), 2);

        // Case-only rename stays in the same file.
        QVERIFY(m_store->rename(QStringLiteral("Skip check"), QStringLiteral("SKIP CHECK")));
        QCOMPARE(m_store->find(QStringLiteral("skip check"))->name, QStringLiteral("SKIP CHECK"));
        QCOMPARE(QDir(m_store->directory()).entryList(QDir::Files).size(), 2);

        m_now = kT0.addSecs(120);
        const QString copy = m_store->duplicate(QStringLiteral("SKIP CHECK")).value_or(QString());
        QCOMPARE(copy, QStringLiteral("SKIP CHECK (2)"));
        QCOMPARE(m_store->find(copy)->variables, t.variables);
        QCOMPARE(m_store->find(copy)->created, kT0.addSecs(120));
        QCOMPARE(m_store->duplicate(QStringLiteral("SKIP CHECK"), QStringLiteral("Named copy")),
            std::optional<QString>(QStringLiteral("Named copy")));
        QVERIFY(!m_store->duplicate(QStringLiteral("nope")));
        QCOMPARE(m_store->templates().size(), 4);

        QVERIFY(m_store->remove(QStringLiteral("skip check")));
        QVERIFY(!m_store->remove(QStringLiteral("skip check")));
        QCOMPARE(m_store->templates().size(), 3);
        QCOMPARE(QDir(m_store->directory()).entryList(QDir::Files).size(), 3);
        // Sorted by name, case-insensitively.
        QStringList names;
        for (const auto &x : m_store->templates())
            names.append(x.name);
        QCOMPARE(names,
            QStringList({QStringLiteral("Named copy"), QStringLiteral("Other"),
                QStringLiteral("SKIP CHECK (2)")}));
    }

    void brokenFilesAreListedAndLeftUntouched_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("not json") << QStringLiteral("a.json")
                                  << QByteArray("{\"format\": \"jobdesk-templ")
                                  << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QStringLiteral("b.json") << QByteArray("[1,2]")
                               << QStringLiteral("not a JSON object");
        QTest::newRow("foreign json") << QStringLiteral("c.json") << QByteArray("{\"name\":\"x\"}")
                                      << QStringLiteral("no \"format\"");
        QTest::newRow("other format")
            << QStringLiteral("d.json") << QByteArray("{\"format\":\"postman\",\"version\":1}")
            << QStringLiteral("postman");
        QTest::newRow("newer")
            << QStringLiteral("e.json")
            << QByteArray("{\"format\":\"jobdesk-template\",\"version\":7,\"name\":\"x\"}")
            << QStringLiteral("newer");
        QTest::newRow("variables object")
            << QStringLiteral("f.json")
            << QByteArray("{\"format\":\"jobdesk-template\",\"version\":1,\"name\":\"x\","
                          "\"variables\":{}}")
            << QStringLiteral("variables");
        QTest::newRow("no name") << QStringLiteral("g.json")
                                 << QByteArray("{\"format\":\"jobdesk-template\",\"version\":1}")
                                 << QStringLiteral("name");
        QTest::newRow("not .json")
            << QStringLiteral("notes.txt") << QByteArray("hello") << QStringLiteral(".json");
    }

    void brokenFilesAreListedAndLeftUntouched()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(QString, reasonPart);
        Template good;
        good.name = QStringLiteral("Good");
        good.variables = QStringLiteral("{}");
        QVERIFY(m_store->add(good));
        const QString path = m_store->directory() + u'/' + fileName;
        writeRaw(path, content);
        QVERIFY(m_store->reload());
        QCOMPARE(m_store->templates().size(), 1);
        QCOMPARE(m_store->templates().at(0).name, QStringLiteral("Good"));
        QCOMPARE(m_store->brokenFiles().size(), 1);
        QCOMPARE(m_store->brokenFiles().at(0).filePath, QFileInfo(path).absoluteFilePath());
        QVERIFY2(m_store->brokenFiles().at(0).reason.contains(reasonPart),
            qPrintable(m_store->brokenFiles().at(0).reason));
        // Changes elsewhere leave it alone.
        Template more;
        more.name = QStringLiteral("More");
        QVERIFY(m_store->add(more));
        QVERIFY(m_store->remove(QStringLiteral("Good")));
        QCOMPARE(readAll(path), content);
    }

    void brokenFileInTheWayIsNotOverwritten()
    {
        const QString path
            = m_store->directory() + u'/' + TemplateStore::fileNameFor(QStringLiteral("Approve"));
        writeRaw(path, "garbage");
        Template t;
        t.name = QStringLiteral("Approve");
        QVERIFY(!m_store->add(t));
        QVERIFY(m_store->error().contains(QLatin1String("in the way")));
        QCOMPARE(readAll(path), QByteArray("garbage"));
    }

    void duplicateNamesAcrossFiles()
    {
        Template t;
        t.name = QStringLiteral("Approve");
        QVERIFY(m_store->add(t));
        const QString copyPath = m_store->directory() + QStringLiteral("/zz-copy.json");
        QVERIFY(QFile::copy(
            m_store->directory() + u'/' + TemplateStore::fileNameFor(t.name), copyPath));
        QVERIFY(m_store->reload());
        QCOMPARE(m_store->templates().size(), 1);
        QCOMPARE(m_store->brokenFiles().size(), 1);
        QVERIFY(m_store->brokenFiles().at(0).reason.contains(QLatin1String("already used")));
    }

    void roundTripThroughExportIntoFreshDataDir()
    {
        QList<Template> originals {richTemplate()};
        Template plain;
        plain.name = QStringLiteral("Plain");
        plain.variables
            = QStringLiteral("{\"id\":\"2251799813685249\",\"big\":99999999999999999999}");
        originals.append(plain);
        for (const Template &t : originals)
            QVERIFY(m_store->add(t));
        Template unrelated;
        unrelated.name = QStringLiteral("Not exported");
        QVERIFY(m_store->add(unrelated));
        const QString exportPath = m_dir->filePath(QStringLiteral("out/share.json"));
        QVERIFY2(m_store->exportTo(exportPath, {originals.at(0).name, QStringLiteral("plain")}),
            qPrintable(m_store->error()));
        const QJsonObject root = QJsonDocument::fromJson(readAll(exportPath)).object();
        QCOMPARE(
            root.value(QLatin1String("format")).toString(), QStringLiteral("jobdesk-templates"));
        QCOMPARE(root.value(QLatin1String("version")).toInt(), 1);
        QVERIFY(readAll(exportPath).contains("1234567890123456789012345678901234567890"));

        QTemporaryDir fresh;
        TemplateStore other(fresh.filePath(QStringLiteral("templates")));
        other.setClock([] { return kT0.addDays(30); });
        const auto result = other.importFrom(exportPath, TemplateStore::ClashPolicy::Fail);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.imported.size(), 2);
        QVERIFY(result.clashes.isEmpty());
        QCOMPARE(other.templates().size(), 2);
        for (const Template &t : m_store->templates()) {
            if (t.name == unrelated.name)
                continue;
            const auto imported = other.find(t.name);
            QVERIFY(imported);
            QCOMPARE(*imported, t); // everything, created/updated included
        }
        QCOMPARE(other.find(QStringLiteral("Plain"))->variables, plain.variables);
        QVERIFY(m_store->exportTo(m_dir->filePath(QStringLiteral("all.json"))));
        QCOMPARE(
            TemplateStore::parseExportDocument(readAll(m_dir->filePath(QStringLiteral("all.json"))))
                ->size(),
            3);
    }

    void importClashPolicies()
    {
        Template a;
        a.name = QStringLiteral("Approve");
        a.variables = QStringLiteral("{\"v\":1}");
        QVERIFY(m_store->add(a));
        Template incoming = a;
        incoming.name = QStringLiteral("APPROVE");
        incoming.variables = QStringLiteral("{\"v\":2}");
        Template fresh;
        fresh.name = QStringLiteral("Fresh");
        const QString path = m_dir->filePath(QStringLiteral("in.json"));
        writeRaw(path, TemplateStore::exportDocument({incoming, fresh}));

        auto result = m_store->importFrom(path, TemplateStore::ClashPolicy::Fail);
        QVERIFY(!result.ok);
        QCOMPARE(result.clashes, QStringList {QStringLiteral("APPROVE")});
        QVERIFY(result.imported.isEmpty());
        QCOMPARE(m_store->templates().size(), 1); // nothing imported, not even "Fresh"
        QCOMPARE(m_store->find(QStringLiteral("approve"))->variables, QStringLiteral("{\"v\":1}"));

        result = m_store->importFrom(path, TemplateStore::ClashPolicy::KeepBoth);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(
            result.imported, QStringList({QStringLiteral("APPROVE (2)"), QStringLiteral("Fresh")}));
        QCOMPARE(m_store->find(QStringLiteral("approve"))->variables, QStringLiteral("{\"v\":1}"));
        QCOMPARE(
            m_store->find(QStringLiteral("approve (2)"))->variables, QStringLiteral("{\"v\":2}"));

        result = m_store->importFrom(path, TemplateStore::ClashPolicy::Overwrite);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(m_store->find(QStringLiteral("approve"))->variables, QStringLiteral("{\"v\":2}"));
        QCOMPARE(m_store->templates().size(), 3);
    }

    void importRejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("garbage") << QByteArray("nope") << QStringLiteral("not valid JSON");
        QTest::newRow("foreign") << QByteArray("{\"info\":{}}")
                                 << QStringLiteral("not a JobDesk template");
        QTest::newRow("newer") << QByteArray(
            "{\"format\":\"jobdesk-templates\",\"version\":2,\"templates\":[]}")
                               << QStringLiteral("newer");
        QTest::newRow("dup names") << QByteArray(
            "{\"format\":\"jobdesk-templates\",\"version\":1,\"templates\":[{\"name\":\"a\"},{"
            "\"name\":\"A\"}]}") << QStringLiteral("twice");
        QTest::newRow("bad item") << QByteArray(
            "{\"format\":\"jobdesk-templates\",\"version\":1,\"templates\":[{\"name\":\"a\","
            "\"result\":{\"denied\":\"yes\"}}]}")
                                  << QStringLiteral("template 1");
    }

    void importRejectsBadFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reasonPart);
        const QString path = m_dir->filePath(QStringLiteral("bad.json"));
        writeRaw(path, content);
        const auto result = m_store->importFrom(path, TemplateStore::ClashPolicy::Overwrite);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(reasonPart), qPrintable(result.error));
        QVERIFY(m_store->templates().isEmpty());
        QVERIFY(!QDir(m_store->directory()).exists() || QDir(m_store->directory()).isEmpty());
    }

    void importSingleTemplateFile()
    {
        Template t = richTemplate();
        QVERIFY(m_store->add(t));
        const QString file = m_store->directory() + u'/' + TemplateStore::fileNameFor(t.name);
        QTemporaryDir fresh;
        TemplateStore other(fresh.path());
        const auto result = other.importFrom(file, TemplateStore::ClashPolicy::Fail);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(*other.find(t.name), *m_store->find(t.name));
    }

    void starterTemplatesAreValidAndNotWritten()
    {
        const auto starters = starterTemplates();
        QVERIFY(starters.size() >= 3);
        bool hasDeny = false;
        for (const Template &t : starters) {
            QVERIFY(Template::nameError(t.name).isEmpty());
            QVERIFY(!t.description.isEmpty());
            hasDeny = hasDeny || (t.denied && !t.deniedReason.isEmpty());
            if (!t.variables.isEmpty())
                QVERIFY2(
                    QJsonDocument::fromJson(t.variables.toUtf8()).isObject(), qPrintable(t.name));
            QVERIFY(m_store->add(t));
        }
        QVERIFY(hasDeny);
        QCOMPARE(m_store->templates().size(), starters.size());
        QVERIFY(!QDir(TemplateStore::defaultDirectory()).exists()
            || QDir(TemplateStore::defaultDirectory()).isEmpty());
    }

    void templatesForJobTypeComeFirst()
    {
        for (const auto &[name, type] :
            {std::pair {"A any", ""}, std::pair {"B invoice", "invoice"},
                std::pair {"C other", "shipping"}, std::pair {"D invoice", "invoice"}}) {
            Template t;
            t.name = QLatin1String(name);
            t.jobType = QLatin1String(type);
            QVERIFY(m_store->add(t));
        }
        auto names = [](const QList<Template> &list) {
            QStringList result;
            for (const Template &t : list)
                result.append(t.name);
            return result;
        };
        QCOMPARE(names(m_store->templatesForJobType(QStringLiteral("invoice"))),
            QStringList({QStringLiteral("B invoice"), QStringLiteral("D invoice"),
                QStringLiteral("A any"), QStringLiteral("C other")}));
        QCOMPARE(names(m_store->templatesForJobType(QString())), names(m_store->templates()));
        QCOMPARE(names(m_store->templatesForJobType(QStringLiteral("Invoice"))),
            names(m_store->templates()));
    }

    void resultMapsToCompletionRequest()
    {
        const Template t = richTemplate();
        QVERIFY(t.hasResult());
        const CompletionRequest::Result variant = t.result();
        const auto *result = std::get_if<UserTaskResult>(&variant);
        QVERIFY(result);
        QCOMPARE(result->denied, true);
        QCOMPARE(result->deniedReason, t.deniedReason);
        QCOMPARE(result->corrections.priority, std::optional<int>(80));
        QCOMPARE(result->corrections.assignee, std::optional<QString>(QString()));
        Template none;
        none.name = QStringLiteral("x");
        QVERIFY(!none.hasResult());
        QVERIFY(std::holds_alternative<std::monostate>(none.result()));
    }

    void adHocResultIsImportedAndSent()
    {
        // Issue 15: this import used to succeed with the result dropped, and a completion with
        // the template then sent {}.
        const QString path = m_dir->filePath(QStringLiteral("adhoc.json"));
        writeRaw(path,
            "{\"format\":\"jobdesk-templates\",\"version\":1,\"templates\":[{\"name\":\"Go on\","
            "\"result\":{\"type\":\"adHocSubProcess\",\"activateElements\":[{\"elementId\":"
            "\"A\"}]}}]}");
        const auto imported = m_store->importFrom(path, TemplateStore::ClashPolicy::Fail);
        QVERIFY2(imported.ok, qPrintable(imported.error));
        QVERIFY(m_store->reload());
        const std::optional<Template> t = m_store->find(QStringLiteral("Go on"));
        QVERIFY(t);
        QVERIFY(t->hasResult());
        CompletionRequest request;
        request.jobKey = *JobKey::parse(u"2251799813685249").key;
        request.variables = VariablesDocument::fromText(t->variables);
        request.result = t->result();
        QVERIFY2(request.validationError().isEmpty(), qPrintable(request.validationError()));
        QCOMPARE(request.body(),
            QByteArray("{\"result\":{\"type\":\"adHocSubProcess\",\"activateElements\":[{"
                       "\"elementId\":\"A\"}]}}"));
    }

    void adHocResultKeepsEveryDigit()
    {
        // Element variables as an object (digits beyond a double) and as text both arrive exactly.
        const QByteArray big
            = "{\"n\": 123456789012345678901234567890, \"r\": 0.1000000000000000000001}";
        const QString path = m_dir->filePath(QStringLiteral("adhoc-big.json"));
        writeRaw(path,
            "{\"format\":\"jobdesk-template\",\"version\":1,\"name\":\"Big\",\"result\":{"
            "\"type\":\"adHocSubProcess\",\"activateElements\":[{\"elementId\":\"A\","
            "\"variables\":"
                + big
                + "},{\"elementId\":\"B\",\"variables\":\"{\\\"x\\\": 1e400}\"}],"
                  "\"isCancelRemainingInstances\":true}}");
        const auto imported = m_store->importFrom(path, TemplateStore::ClashPolicy::Fail);
        QVERIFY2(imported.ok, qPrintable(imported.error));
        QVERIFY(m_store->reload()); // read back from the stored file
        const std::optional<Template> t = m_store->find(QStringLiteral("Big"));
        QVERIFY(t);
        QCOMPARE(t->adHoc.activateElements.size(), 2);
        QCOMPARE(t->adHoc.activateElements[0].variablesJson, big);
        QCOMPARE(t->adHoc.activateElements[1].variablesJson, QByteArray("{\"x\": 1e400}"));
        QVERIFY(t->adHoc.isCancelRemainingInstances);
        QVERIFY(!t->adHoc.isCompletionConditionFulfilled);

        // Export and import into another store: equal, digits and all.
        const QString exportPath = m_dir->filePath(QStringLiteral("out.json"));
        QVERIFY(m_store->exportTo(exportPath));
        QTemporaryDir fresh;
        TemplateStore other(fresh.path());
        const auto again = other.importFrom(exportPath, TemplateStore::ClashPolicy::Fail);
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(*other.find(QStringLiteral("Big")), *t);
        const auto adHoc
            = std::get<AdHocSubProcessResult>(other.find(QStringLiteral("Big"))->result());
        QCOMPARE(adHoc.activateElements[0].variablesJson, big);
    }

    void unknownResultMembersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("result");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("unknown ad-hoc member")
            << QByteArray("{\"type\":\"adHocSubProcess\",\"activate\":[{\"elementId\":\"A\"}]}")
            << QStringLiteral("\"activate\"");
        QTest::newRow("unknown user task member")
            << QByteArray("{\"denied\":true,\"reason\":\"x\"}") << QStringLiteral("\"reason\"");
        QTest::newRow("unknown correction")
            << QByteArray("{\"corrections\":{\"name\":\"x\"}}") << QStringLiteral("\"name\"");
        QTest::newRow("unknown element member") << QByteArray(
            "{\"type\":\"adHocSubProcess\",\"activateElements\":[{\"elementId\":"
            "\"A\",\"vars\":{}}]}") << QStringLiteral("\"vars\"");
        QTest::newRow("unsupported type")
            << QByteArray("{\"type\":\"decision\"}") << QStringLiteral("\"decision\"");
        QTest::newRow("element variables not an object") << QByteArray(
            "{\"type\":\"adHocSubProcess\",\"activateElements\":[{\"elementId\":"
            "\"A\",\"variables\":[1]}]}") << QStringLiteral("must be a JSON object");
        QTest::newRow("flag not a boolean")
            << QByteArray("{\"type\":\"adHocSubProcess\",\"isCompletionConditionFulfilled\":1}")
            << QStringLiteral("true or false");
    }

    void unknownResultMembersAreRefused()
    {
        QFETCH(QByteArray, result);
        QFETCH(QString, reasonPart);
        const QString path = m_dir->filePath(QStringLiteral("refused.json"));
        writeRaw(path,
            "{\"format\":\"jobdesk-templates\",\"version\":1,\"templates\":[{\"name\":\"x\","
            "\"result\":"
                + result + "}]}");
        const auto imported = m_store->importFrom(path, TemplateStore::ClashPolicy::Overwrite);
        QVERIFY(!imported.ok);
        QVERIFY2(imported.error.contains(reasonPart), qPrintable(imported.error));
        QVERIFY2(imported.error.contains(QLatin1String("template 1")), qPrintable(imported.error));
        QVERIFY(m_store->templates().isEmpty());
    }

    void adHocTemplateWrittenAsText()
    {
        Template t;
        t.name = QStringLiteral("Activate");
        AdHocSubProcessResult adHoc;
        adHoc.activateElements = {{QStringLiteral("A"), QByteArray("{\"k\": 9007199254740993}")}};
        adHoc.isCompletionConditionFulfilled = false;
        t.setResult(adHoc);
        QVERIFY(!t.denied);
        QVERIFY(m_store->add(t));
        const QString file = m_store->directory() + u'/' + TemplateStore::fileNameFor(t.name);
        const QByteArray written = readAll(file);
        // The element's variables are a string in the file, so nothing reads them as doubles.
        QVERIFY2(written.contains("\"variables\": \"{\\\"k\\\": 9007199254740993}\""),
            written.constData());
        QVERIFY(written.contains("\"type\": \"adHocSubProcess\""));
        QVERIFY(m_store->reload());
        QCOMPARE(m_store->find(t.name)->adHoc, adHoc);
        // A user-task result replaces the ad-hoc one, and the other way round.
        t.setResult(UserTaskResult {true, QStringLiteral("no"), {}});
        QVERIFY(t.adHoc.isEmpty());
        QVERIFY(std::holds_alternative<UserTaskResult>(t.result()));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TemplateStore> m_store;
    QDateTime m_now;
};

QTEST_GUILESS_MAIN(TestTemplateStore)
#include "tst_TemplateStore.moc"
