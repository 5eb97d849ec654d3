// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/JobPreconditions.h"

namespace JobDesk::Sandbox::Preconditions {

using namespace Problems;

bool routable(const JobStore &store, qint64 key)
{
    const qint64 partition = key >> JobStore::PartitionShift;
    return key > 0 && partition >= 1 && partition <= store.partitionCount();
}

std::optional<ApiResponse> lease(Cluster &cluster, const Job &job, const QString &command,
    const QJsonValue &leaseToken, bool tokenRequired, const QString &instance)
{
    const JobExtra *extra = cluster.jobs().extra(job);
    if (!cluster.atLeast(GatewayVersion::V8_10) || !extra || extra->leaseToken.isEmpty()
        || cluster.jobs().engineState(job, cluster.now()) != EngineState::Activated)
        return std::nullopt;
    if (leaseToken.isString()) {
        if (leaseToken.toString() == extra->leaseToken)
            return std::nullopt;
        return rejection(command, QStringLiteral("INVALID_STATE"),
            QStringLiteral("Expected to process job with key '%1', but the supplied lease token "
                           "does not match. The job may have been re-activated by another "
                           "worker.")
                .arg(job.key),
            instance);
    }
    if (!tokenRequired)
        return std::nullopt;
    return rejection(command, QStringLiteral("INVALID_STATE"),
        QStringLiteral("Expected to process job with key '%1', but a matching lease token must "
                       "be provided because the job is currently leased")
            .arg(job.key),
        instance);
}

Target jobCommand(Cluster &cluster, qint64 key, const QString &command, const QString &verb,
    const QJsonValue &leaseToken, const QString &instance)
{
    Target t;
    JobStore &store = cluster.jobs();
    if (!routable(store, key)) {
        t.failure = unavailable(instance);
        return t;
    }
    Job *job = store.find(key);
    const EngineState state = job ? store.engineState(*job, cluster.now()) : EngineState::NotFound;
    if (state == EngineState::NotFound) {
        t.failure = rejection(command, QStringLiteral("NOT_FOUND"),
            QStringLiteral("Expected to %1 job with key '%2', but no such job was found")
                .arg(verb)
                .arg(key),
            instance);
    } else if (state == EngineState::Failed || state == EngineState::ErrorThrown) {
        t.failure = rejection(command, QStringLiteral("INVALID_STATE"),
            QStringLiteral("Expected to %1 job with key '%2', but it is in state '%3'")
                .arg(verb)
                .arg(key)
                .arg(state == EngineState::Failed ? QStringLiteral("FAILED")
                                                  : QStringLiteral("ERROR_THROWN")),
            instance);
    } else if (auto refused = lease(cluster, *job, command, leaseToken, true, instance)) {
        t.failure = std::move(refused);
    } else {
        t.job = job;
    }
    return t;
}

} // namespace JobDesk::Sandbox::Preconditions
