// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/ApiResponse.h"
#include "sandbox/Cluster.h"

#include <QJsonValue>
#include <QString>

#include <optional>

/// What the gateway and the engine check before a job command changes anything: the key's
/// partition exists (else the request cannot be delivered), the job exists and is ACTIVATABLE
/// or ACTIVATED (JobCommandPreconditionValidator), and on 8.10 a leased job gets its lease token.
namespace JobDesk::Sandbox::Preconditions {

/// Partition routing as the gateway does it: a key whose partition does not exist cannot be
/// delivered (503 UNAVAILABLE, see camunda/camunda#54092).
bool routable(const JobStore &store, qint64 key);

/// The job a command targets, or the answer that refuses the command.
struct Target
{
    Job *job = nullptr;
    std::optional<ApiResponse> failure;
};

/// `command` is the intent (COMPLETE, FAIL, THROW_ERROR), `verb` how the rejection says it
/// ("complete", "fail", "throw an error for"); `leaseToken` the request's member (undefined
/// or null when none was sent).
Target jobCommand(Cluster &cluster, qint64 key, const QString &command, const QString &verb,
    const QJsonValue &leaseToken, const QString &instance);

/// The 8.10 lease check alone (also for updates, which need no token but refuse a wrong one).
std::optional<ApiResponse> lease(Cluster &cluster, const Job &job, const QString &command,
    const QJsonValue &leaseToken, bool tokenRequired, const QString &instance);

} // namespace JobDesk::Sandbox::Preconditions
