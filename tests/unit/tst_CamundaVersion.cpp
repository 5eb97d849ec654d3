// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/CamundaVersion.h"
#include "core/camunda/Searches.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

Q_DECLARE_METATYPE(JobDesk::ApiFeature)

class tst_CamundaVersion final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void parse_data();
    void parse();
    void atLeast();
    void everyFeatureHasOneRow();
    void table_data();
    void table();
    void problemSentence();
    void unknownAndNewerAreAllowed();
};

void tst_CamundaVersion::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("known");
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor");
    QTest::addColumn<int>("micro");
    QTest::addColumn<QString>("pre");
    QTest::newRow("release") << QStringLiteral("8.8.0") << true << 8 << 8 << 0 << QString();
    QTest::newRow("alpha") << QStringLiteral("8.9.0-alpha2") << true << 8 << 9 << 0
                           << QStringLiteral("alpha2");
    QTest::newRow("snapshot") << QStringLiteral("8.10.0-SNAPSHOT") << true << 8 << 10 << 0
                              << QStringLiteral("SNAPSHOT");
    QTest::newRow("patch") << QStringLiteral(" 8.7.21 ") << true << 8 << 7 << 21 << QString();
    QTest::newRow("two parts") << QStringLiteral("8.8") << true << 8 << 8 << 0 << QString();
    QTest::newRow("leading v") << QStringLiteral("v8.6.3") << true << 8 << 6 << 3 << QString();
    QTest::newRow("build metadata")
        << QStringLiteral("8.8.1+build.5") << true << 8 << 8 << 1 << QString();
    QTest::newRow("empty") << QString() << false << -1 << -1 << 0 << QString();
    QTest::newRow("word") << QStringLiteral("dev") << false << -1 << -1 << 0 << QString();
    QTest::newRow("one part") << QStringLiteral("8") << false << -1 << -1 << 0 << QString();
    QTest::newRow("four parts") << QStringLiteral("8.8.0.1") << false << -1 << -1 << 0 << QString();
    QTest::newRow("letters") << QStringLiteral("8.x.0") << false << -1 << -1 << 0 << QString();
}

void tst_CamundaVersion::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, known);
    QFETCH(int, major);
    QFETCH(int, minor);
    QFETCH(int, micro);
    QFETCH(QString, pre);
    const CamundaVersion v = CamundaVersion::parse(text);
    QCOMPARE(v.isKnown(), known);
    QCOMPARE(v.majorVersion(), major);
    QCOMPARE(v.minorVersion(), minor);
    QCOMPARE(v.microVersion(), micro);
    QCOMPARE(v.preRelease(), pre);
    QCOMPARE(v.text(), text.trimmed());
}

void tst_CamundaVersion::atLeast()
{
    QVERIFY(CamundaVersion::parse(u"8.10.0").isAtLeast(8, 9)); // 10 > 9, not "1" < "9"
    QVERIFY(CamundaVersion::parse(u"8.9.0-alpha1").isAtLeast(8, 9));
    QVERIFY(!CamundaVersion::parse(u"8.7.99").isAtLeast(8, 8));
    QVERIFY(CamundaVersion::parse(u"9.0.0").isAtLeast(8, 10));
    QVERIFY(!CamundaVersion().isAtLeast(8, 0));
    QCOMPARE(CamundaVersion::of(8, 9).text(), QStringLiteral("8.9.0"));
    QVERIFY(CamundaVersion::of(8, 9) == CamundaVersion::parse(u"8.9.0"));
}

void tst_CamundaVersion::everyFeatureHasOneRow()
{
    const QList<ApiFeatureInfo> &table = apiFeatureTable();
    for (int i = 0; i < table.size(); ++i) {
        QCOMPARE(static_cast<int>(table[i].feature), i); // in enum order, none missing
        QVERIFY(!table[i].what.isEmpty());
        QCOMPARE(table[i].majorVersion, 8);
    }
    QCOMPARE(static_cast<int>(apiFeatureInfo(ApiFeature::BatchOperationItemTypeFilter).feature),
        table.size() - 1);
}

void tst_CamundaVersion::table_data()
{
    // From the specs' x-added-in-version (shared/camunda) and issue 15.
    QTest::addColumn<ApiFeature>("feature");
    QTest::addColumn<int>("minor");
    QTest::newRow("result") << ApiFeature::CompletionResult << 8;
    QTest::newRow("job search") << ApiFeature::JobSearch << 8;
    QTest::newRow("8.9 job search fields") << ApiFeature::JobSearchTimes << 9;
    QTest::newRow("instance incident resolution") << ApiFeature::InstanceIncidentResolution << 9;
    QTest::newRow("leaseToken") << ApiFeature::LeaseToken << 10;
    QTest::newRow("businessId") << ApiFeature::BusinessId << 10;
    QTest::newRow("authentication/me") << ApiFeature::AuthenticationMe << 8;
    QTest::newRow("variables") << ApiFeature::VariableSearch << 8;
    QTest::newRow("incident operators") << ApiFeature::IncidentAdvancedFilter << 9;
    QTest::newRow("batch operations") << ApiFeature::BatchOperations << 8;
    QTest::newRow("cursor") << ApiFeature::CursorPaging << 8;
    QTest::newRow("incident resolution") << ApiFeature::ResolveIncident << 6;
}

void tst_CamundaVersion::table()
{
    QFETCH(ApiFeature, feature);
    QFETCH(int, minor);
    QCOMPARE(apiFeatureInfo(feature).minorVersion, minor);
    QVERIFY(supports(CamundaVersion::of(8, minor), feature));
    QVERIFY(!supports(CamundaVersion::of(8, minor - 1, 99), feature));
}

void tst_CamundaVersion::problemSentence()
{
    const CamundaVersion old = CamundaVersion::parse(u"8.7.2");
    QCOMPARE(versionProblem(old, {ApiFeature::CompletionResult}),
        QStringLiteral("`result` needs Camunda 8.8 or later; this server reports 8.7.2."));
    QCOMPARE(versionProblem(old, {ApiFeature::JobSearch, ApiFeature::JobSearch}),
        QStringLiteral("Job search (POST /v2/jobs/search) needs Camunda 8.8 or later; this "
                       "server reports 8.7.2."));
    const QString two = versionProblem(CamundaVersion::parse(u"8.9.1"),
        {ApiFeature::CompletionResult, ApiFeature::LeaseToken, ApiFeature::BusinessId});
    QCOMPARE(two,
        QStringLiteral("`leaseToken` needs Camunda 8.10 or later; this server reports 8.9.1. "
                       "`businessId` needs Camunda 8.10 or later; this server reports 8.9.1."));
    // A search's own needs: 8.9 fields on an 8.8 server.
    SearchRequest search;
    search.filter.where(
        QStringLiteral("creationTime"), FilterOp::Gte, QStringLiteral("2025-01-01T00:00:00Z"));
    QVERIFY(search.toApiRequest()
                .versionProblem(CamundaVersion::parse(u"8.8.3"))
                .contains(QLatin1String("`creationTime`")));
    QVERIFY(search.toApiRequest().versionProblem(CamundaVersion::parse(u"8.9.0")).isEmpty());
}

void tst_CamundaVersion::unknownAndNewerAreAllowed()
{
    for (const ApiFeatureInfo &info : apiFeatureTable()) {
        QVERIFY(supports(CamundaVersion(), info.feature));
        QVERIFY(supports(CamundaVersion::parse(u"garbage"), info.feature));
        QVERIFY(supports(CamundaVersion::parse(u"8.11.0-alpha1"), info.feature));
        QVERIFY(supports(CamundaVersion::parse(u"9.0.0"), info.feature));
    }
    QVERIFY(versionProblem(CamundaVersion(), {ApiFeature::LeaseToken}).isEmpty());
}

QTEST_GUILESS_MAIN(tst_CamundaVersion)
#include "tst_CamundaVersion.moc"
