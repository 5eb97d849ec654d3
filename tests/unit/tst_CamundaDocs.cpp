// SPDX-License-Identifier: GPL-3.0-or-later
// docs/camunda.md against the one version table (apiFeatureTable()): the feature table names
// every feature with its version, and the completion and job endpoint tables say "yes" for a
// version exactly when the feature of the row is there (issue 15: the table matches the tests).
#include "core/camunda/CamundaVersion.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

namespace {

/// The names the document uses for the features (the enumerators').
const QHash<QString, ApiFeature> &featureNames()
{
    static const QHash<QString, ApiFeature> names {
        {QStringLiteral("CompletionResult"), ApiFeature::CompletionResult},
        {QStringLiteral("LeaseToken"), ApiFeature::LeaseToken},
        {QStringLiteral("BusinessId"), ApiFeature::BusinessId},
        {QStringLiteral("OperationReference"), ApiFeature::OperationReference},
        {QStringLiteral("JobPriority"), ApiFeature::JobPriority},
        {QStringLiteral("JobSearch"), ApiFeature::JobSearch},
        {QStringLiteral("JobSearchTimes"), ApiFeature::JobSearchTimes},
        {QStringLiteral("JobSearchCreationTimeSort"), ApiFeature::JobSearchCreationTimeSort},
        {QStringLiteral("IncidentSearch"), ApiFeature::IncidentSearch},
        {QStringLiteral("IncidentAdvancedFilter"), ApiFeature::IncidentAdvancedFilter},
        {QStringLiteral("ResolveIncident"), ApiFeature::ResolveIncident},
        {QStringLiteral("InstanceIncidentResolution"), ApiFeature::InstanceIncidentResolution},
        {QStringLiteral("SetVariables"), ApiFeature::SetVariables},
        {QStringLiteral("VariableSearch"), ApiFeature::VariableSearch},
        {QStringLiteral("ElementInstanceGet"), ApiFeature::ElementInstanceGet},
        {QStringLiteral("ProcessInstanceGet"), ApiFeature::ProcessInstanceGet},
        {QStringLiteral("AuthenticationMe"), ApiFeature::AuthenticationMe},
        {QStringLiteral("BatchOperations"), ApiFeature::BatchOperations},
        {QStringLiteral("CursorPaging"), ApiFeature::CursorPaging},
        {QStringLiteral("ProcessInstanceBusinessIdFilter"),
            ApiFeature::ProcessInstanceBusinessIdFilter},
        {QStringLiteral("BatchOperationItemTypeFilter"), ApiFeature::BatchOperationItemTypeFilter},
    };
    return names;
}

QStringList cells(const QString &line)
{
    QStringList parts = line.split(u'|');
    parts = parts.mid(1, parts.size() - 2);
    for (QString &part : parts)
        part = part.trimmed();
    return parts;
}

struct Table
{
    QStringList header;
    QList<QStringList> rows;
};

/// Every table of the document, in order.
QList<Table> tables(const QString &text)
{
    QList<Table> list;
    Table current;
    bool inTable = false;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        if (!line.startsWith(u'|')) {
            if (inTable)
                list.append(current);
            inTable = false;
            continue;
        }
        if (!inTable) {
            current = Table {cells(line), {}};
            inTable = true;
        } else if (!line.startsWith(QLatin1String("|---"))) {
            current.rows.append(cells(line));
        }
    }
    if (inTable)
        list.append(current);
    return list;
}

} // namespace

class TestCamundaDocs final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyFeatureHasItsVersion();
    void versionColumnsMatchTheTable();

private:
    QList<Table> m_tables;
};

void TestCamundaDocs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QFile file(TestPaths::testData(QStringLiteral("../../docs/camunda.md")));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    m_tables = tables(QString::fromUtf8(file.readAll()));
    QVERIFY(!m_tables.isEmpty());
}

void TestCamundaDocs::everyFeatureHasItsVersion()
{
    // Every feature of the table has a name here: a new one needs its row in the document.
    for (const ApiFeatureInfo &info : apiFeatureTable())
        QVERIFY2(std::any_of(featureNames().cbegin(), featureNames().cend(),
                     [&info](ApiFeature f) { return f == info.feature; }),
            qPrintable(info.what));

    const auto table = std::find_if(m_tables.cbegin(), m_tables.cend(),
        [](const Table &t) { return t.header.value(0).startsWith(QLatin1String("Feature")); });
    QVERIFY(table != m_tables.cend());
    static const QRegularExpression named(QStringLiteral("^`(\\w+)`:"));
    QHash<QString, QString> documented;
    for (const QStringList &row : table->rows) {
        const QRegularExpressionMatch match = named.match(row.value(0));
        QVERIFY2(match.hasMatch(), qPrintable(row.value(0)));
        QVERIFY2(!documented.contains(match.captured(1)), qPrintable(match.captured(1)));
        documented.insert(match.captured(1), row.value(1));
    }
    for (auto it = featureNames().cbegin(); it != featureNames().cend(); ++it) {
        QVERIFY2(documented.contains(it.key()),
            qPrintable(QStringLiteral("%1 has no row").arg(it.key())));
        const ApiFeatureInfo &info = apiFeatureInfo(it.value());
        QCOMPARE(documented.value(it.key()),
            QStringLiteral("%1.%2").arg(info.majorVersion).arg(info.minorVersion));
    }
    QCOMPARE(documented.size(), featureNames().size());
}

void TestCamundaDocs::versionColumnsMatchTheTable()
{
    const QStringList versions {QStringLiteral("8.7"), QStringLiteral("8.8"), QStringLiteral("8.9"),
        QStringLiteral("8.10")};
    int checkedTables = 0;
    int checkedRows = 0;
    for (const Table &table : std::as_const(m_tables)) {
        const qsizetype featureColumn = table.header.indexOf(QStringLiteral("Feature"));
        if (featureColumn < 0 || !table.header.contains(QStringLiteral("8.10")))
            continue;
        ++checkedTables;
        for (const QStringList &row : table.rows) {
            const QString feature = row.value(featureColumn).remove(u'`');
            const bool always = feature == QStringLiteral("–");
            QVERIFY2(always || featureNames().contains(feature),
                qPrintable(QStringLiteral("%1: unknown feature %2").arg(row.value(0), feature)));
            for (const QString &version : versions) {
                const QStringList parts = version.split(u'.');
                const CamundaVersion server
                    = CamundaVersion::of(parts[0].toInt(), parts[1].toInt());
                const bool expected = always || supports(server, featureNames().value(feature));
                const QString cell = row.value(table.header.indexOf(version));
                QVERIFY2(cell.startsWith(QLatin1String("yes")) == expected,
                    qPrintable(
                        QStringLiteral("%1 on %2: \"%3\"").arg(row.value(0), version, cell)));
            }
            ++checkedRows;
        }
    }
    QCOMPARE(checkedTables, 2); // the completion and the job endpoints
    QVERIFY(checkedRows >= 15);
}

QTEST_GUILESS_MAIN(TestCamundaDocs)
#include "tst_CamundaDocs.moc"
