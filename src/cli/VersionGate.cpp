// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/VersionGate.h"

#include "cli/Console.h"
#include "cli/Output.h"
#include "core/camunda/Answers.h"
#include "core/camunda/Searches.h"
#include "core/connection/GatewayVersionCache.h"
#include "core/http/JobsClient.h"

namespace JobDesk::Cli {

VersionGate::VersionGate(
    const QUrl &apiRoot, const QList<ApiFeature> &features, bool dryRun, QObject *parent)
    : QObject(parent)
    , m_apiRoot(apiRoot)
    , m_features(features)
    , m_dryRun(dryRun)
    , m_versions(std::make_unique<GatewayVersionCache>())
{
}

VersionGate::~VersionGate() = default;

std::optional<int> VersionGate::checkRemembered()
{
    const std::optional<QString> known = m_versions->version(m_apiRoot);
    m_needsRead = !known;
    if (!known)
        return std::nullopt;
    m_version = CamundaVersion::parse(*known);
    if (refuses(*known))
        return ExitUsage;
    return std::nullopt;
}

QString VersionGate::refusal(const QString &version) const
{
    const QString problem = versionProblem(CamundaVersion::parse(version), m_features);
    if (problem.isEmpty())
        return problem;
    return QStringLiteral("%1 Nothing was sent. (The version comes from GET /v2/topology and is "
                          "remembered for an hour; after an upgrade, the window's Test "
                          "connection or 'jobdesk-cli profile test' reads it again.)")
        .arg(problem);
}

bool VersionGate::refuses(const QString &version) const
{
    const QString why = refusal(version);
    if (why.isEmpty())
        return false;
    if (m_dryRun) {
        printError(QStringLiteral("warning: %1").arg(why));
        return false;
    }
    printError(why);
    return true;
}

void VersionGate::read(
    JobsClient *client, std::function<void()> pass, std::function<void(int)> refuse)
{
    m_pass = std::move(pass);
    m_refuse = std::move(refuse);
    LookupRequest topology;
    topology.target = LookupRequest::Target::Topology;
    m_call = client->send(topology.toApiRequest());
    connect(m_call, &ApiCall::finished, this, [this](const Outcome &outcome) {
        if (m_call)
            m_call->deleteLater();
        onRead(outcome);
    });
}

void VersionGate::onRead(const Outcome &outcome)
{
    // No version (no answer, a refusal, a server that does not say): the request goes as asked,
    // and the server's answer is explained.
    const std::optional<Topology> topology
        = outcome.ok() ? Answers::topology(outcome.rawBody) : std::nullopt;
    if (topology && !topology->gatewayVersion.isEmpty()) {
        m_versions->remember(m_apiRoot, topology->gatewayVersion);
        m_version = CamundaVersion::parse(topology->gatewayVersion);
        if (refuses(topology->gatewayVersion)) {
            m_refuse(ExitUsage);
            return;
        }
    }
    m_pass();
}

void VersionGate::cancel()
{
    if (!m_call)
        return;
    m_call->disconnect(this); // neither callback must follow
    m_call->cancel();
    m_call->deleteLater();
}

} // namespace JobDesk::Cli
