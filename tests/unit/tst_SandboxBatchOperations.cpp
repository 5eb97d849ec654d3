// SPDX-License-Identifier: GPL-3.0-or-later
// Server-side batch operations (8.8+): incident resolution by filter, advanced step by step,
// items with their state and error, suspend / resume / cancel with the engine's refusals, and
// the modelled server behaviour that batch resolution does not raise job retries.
#include "tst_SandboxGateway.h"

#include <QStandardPaths>

using namespace JobDesk::Sandbox;

class tst_SandboxBatchOperations final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void resolvesWhatItCanAndKeepsTheRest();
    void filterChoosesInstances();
    void lifecycle();
    void refusals();
    void itemSearch();
    void oneInstanceOn89();

private:
    static QString create(GatewayHarness &h, const QByteArray &filter);
    static QJsonObject status(GatewayHarness &h, const QString &key);
};

QString tst_SandboxBatchOperations::create(GatewayHarness &h, const QByteArray &filter)
{
    const GatewayAnswer a = h.post(QStringLiteral("/v2/process-instances/incident-resolution"),
        R"({"filter":)" + filter + "}");
    if (a.status != 200)
        qWarning("%s", a.body.constData());
    return a.json().value(QLatin1String("batchOperationKey")).toString();
}

QJsonObject tst_SandboxBatchOperations::status(GatewayHarness &h, const QString &key)
{
    return h.get(QStringLiteral("/v2/batch-operations/%1").arg(key)).json();
}

void tst_SandboxBatchOperations::resolvesWhatItCanAndKeepsTheRest()
{
    GatewayHarness h;
    const int active = int(std::count_if(h.cluster.jobs().incidents().begin(),
        h.cluster.jobs().incidents().end(), [](const Incident &i) { return !i.resolved; }));
    QCOMPARE(active, 6);
    const QString key = create(h, "{}");
    QVERIFY(!key.isEmpty());
    QCOMPARE(status(h, key).value(QLatin1String("state")).toString(), QStringLiteral("CREATED"));
    h.batches.advance(2); // gathers the items
    QJsonObject s = status(h, key);
    QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(s.value(QLatin1String("operationsTotalCount")).toInt(), 6);
    QVERIFY(s.value(QLatin1String("startDate")).isString());
    h.batches.advance(2);
    QCOMPARE(status(h, key).value(QLatin1String("operationsFailedCount")).toInt()
            + status(h, key).value(QLatin1String("operationsCompletedCount")).toInt(),
        2);
    while (h.batches.busy())
        h.batches.advance(2);
    s = status(h, key);
    // Jobs without retries stay failed: the batch does not raise retries (camunda#41213); the
    // two errors thrown (retries left) are resolved.
    QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("COMPLETED"));
    QCOMPARE(s.value(QLatin1String("operationsCompletedCount")).toInt(), 2);
    QCOMPARE(s.value(QLatin1String("operationsFailedCount")).toInt(), 4);
    QVERIFY(s.value(QLatin1String("endDate")).isString());
    QCOMPARE(s.value(QLatin1String("batchOperationType")).toString(),
        QStringLiteral("RESOLVE_INCIDENT"));
    QCOMPARE(h.cluster.jobs().find(6755399441146874)->incidentKey, 0);
    QVERIFY(h.cluster.jobs().find(2251799823685597)->incidentKey != 0);
    const GatewayAnswer failed = h.search(QStringLiteral("batch-operation-items"),
        QStringLiteral(R"({"filter":{"batchOperationKey":"%1","state":"FAILED"}})")
            .arg(key)
            .toUtf8());
    QCOMPARE(failed.items().size(), 4);
    QVERIFY(failed.item()
                .value(QLatin1String("errorMessage"))
                .toString()
                .contains(QLatin1String("has no retries left. Please update the job retries and "
                                        "retry resolving the incident")));
    QVERIFY(failed.item().value(QLatin1String("processedDate")).isString());
}

void tst_SandboxBatchOperations::filterChoosesInstances()
{
    GatewayHarness h;
    // Raising the retries first (as JobDesk's plan does) lets the batch resolve.
    h.send("PATCH", QStringLiteral("/v2/jobs/2251799823685597"), R"({"changeset":{"retries":1}})");
    const QString key
        = create(h, R"({"processInstanceKey":"2251799823685572","state":"COMPLETED"})");
    while (h.batches.busy())
        h.batches.advance();
    const QJsonObject s = status(h, key);
    QCOMPARE(s.value(QLatin1String("operationsTotalCount")).toInt(), 1); // state is overridden
    QCOMPARE(s.value(QLatin1String("operationsCompletedCount")).toInt(), 1);
    QCOMPARE(h.cluster.jobs().find(2251799823685597)->incidentKey, 0);
    const QString byProcess
        = create(h, R"({"processDefinitionId":{"$like":"invoice*"},"hasIncident":true})");
    h.batches.advance();
    QCOMPARE(status(h, byProcess).value(QLatin1String("operationsTotalCount")).toInt(), 1);
    const QString none = create(h, R"({"processDefinitionId":"nothing"})");
    h.batches.advance();
    h.batches.advance();
    QCOMPARE(status(h, none).value(QLatin1String("state")).toString(), QStringLiteral("COMPLETED"));
    QCOMPARE(status(h, none).value(QLatin1String("operationsTotalCount")).toInt(), 0);
}

void tst_SandboxBatchOperations::lifecycle()
{
    GatewayHarness h;
    const QString key = create(h, "{}");
    const QString path = QStringLiteral("/v2/batch-operations/%1/%2");
    h.batches.advance(1);
    QCOMPARE(h.post(path.arg(key, QStringLiteral("suspension"))).status, 204);
    QCOMPARE(status(h, key).value(QLatin1String("state")).toString(), QStringLiteral("SUSPENDED"));
    h.batches.advance(1);
    QCOMPARE(status(h, key).value(QLatin1String("operationsCompletedCount")).toInt()
            + status(h, key).value(QLatin1String("operationsFailedCount")).toInt(),
        0);
    GatewayAnswer a = h.post(path.arg(key, QStringLiteral("suspension")));
    QCOMPARE(a.status, 409);
    QCOMPARE(a.detail(),
        QStringLiteral(
            "Command 'SUSPEND' rejected with code 'INVALID_STATE': Expected to suspend a "
            "batch operation with key '%1', but it has an invalid state 'SUSPENDED'.")
            .arg(key));
    QCOMPARE(h.post(path.arg(key, QStringLiteral("resumption"))).status, 204);
    a = h.post(path.arg(key, QStringLiteral("resumption")));
    QCOMPARE(a.status, 409);
    QVERIFY(a.detail().endsWith(QLatin1String("but it has an invalid state 'ACTIVE'.")));
    h.batches.advance(1);
    QCOMPARE(h.post(path.arg(key, QStringLiteral("cancellation"))).status, 204);
    const QJsonObject s = status(h, key);
    QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("CANCELED"));
    QCOMPARE(h.search(QStringLiteral("batch-operation-items"),
                  QStringLiteral(R"({"filter":{"batchOperationKey":"%1","state":"CANCELED"}})")
                      .arg(key)
                      .toUtf8())
                 .items()
                 .size(),
        5);
    // A finished batch is gone from the engine: canceling again is a 404.
    a = h.post(path.arg(key, QStringLiteral("cancellation")));
    QCOMPARE(a.status, 404);
    QCOMPARE(a.detail(),
        QStringLiteral(
            "Command 'CANCEL' rejected with code 'NOT_FOUND': Expected to cancel a batch "
            "operation with key '%1', but no such batch operation was found")
            .arg(key));
}

void tst_SandboxBatchOperations::refusals()
{
    GatewayHarness h;
    GatewayAnswer a = h.post(QStringLiteral("/v2/process-instances/incident-resolution"), "{}");
    QCOMPARE(a.status, 400);
    QCOMPARE(a.detail(), QStringLiteral("No filter provided."));
    a = h.post(
        QStringLiteral("/v2/process-instances/incident-resolution"), R"({"filter":{"colour":1}})");
    QCOMPARE(a.detail(), QStringLiteral("Request property [filter.colour] cannot be parsed"));
    QCOMPARE(h.get(QStringLiteral("/v2/batch-operations/2251799813685249")).status, 404);
    a = h.post(QStringLiteral("/v2/batch-operations/2251799813685249/suspension"));
    QCOMPARE(a.status, 404);
    QCOMPARE(a.detail(),
        QStringLiteral("Command 'SUSPEND' rejected with code 'NOT_FOUND': Expected to suspend a "
                       "batch operation with key '2251799813685249', but no such batch operation "
                       "was found"));
}

void tst_SandboxBatchOperations::itemSearch()
{
    GatewayHarness h;
    const QString key = create(h, "{}");
    while (h.batches.busy())
        h.batches.advance();
    const GatewayAnswer all = h.search(QStringLiteral("batch-operation-items"),
        R"({"sort":[{"field":"state"},{"field":"itemKey","order":"DESC"}],"page":{"limit":3}})");
    QCOMPARE(all.totalItems(), 6);
    QCOMPARE(all.items().size(), 3);
    QCOMPARE(all.item().value(QLatin1String("state")).toString(), QStringLiteral("COMPLETED"));
    QCOMPARE(all.item().value(QLatin1String("operationType")).toString(),
        QStringLiteral("RESOLVE_INCIDENT"));
    QCOMPARE(all.item().value(QLatin1String("batchOperationKey")).toString(), key);
    QCOMPARE(h.search(QStringLiteral("batch-operation-items"),
                  R"({"filter":{"processInstanceKey":"6755399441146866"}})")
                 .items()
                 .size(),
        1);
}

void tst_SandboxBatchOperations::oneInstanceOn89()
{
    GatewayHarness h(GatewayVersion::V8_9);
    const GatewayAnswer a
        = h.post(QStringLiteral("/v2/process-instances/6755399441146866/incident-resolution"));
    QCOMPARE(a.status, 200);
    const QString key = a.json().value(QLatin1String("batchOperationKey")).toString();
    while (h.batches.busy())
        h.batches.advance();
    QCOMPARE(status(h, key).value(QLatin1String("operationsCompletedCount")).toInt(), 1);
    QCOMPARE(h.cluster.jobs().find(6755399441146874)->incidentKey, 0);
}

QTEST_GUILESS_MAIN(tst_SandboxBatchOperations)
#include "tst_SandboxBatchOperations.moc"
