// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/CamundaVersion.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace JobDesk {
class ApiCall;
class GatewayVersionCache;
class JobsClient;
struct Outcome;
} // namespace JobDesk

namespace JobDesk::Cli {

/// The check before sending of a CLI command whose body carries members not every Camunda
/// version takes (`features`: a `result` needs 8.8, `leaseToken` and `businessId` 8.10; the one
/// table is apiFeatureTable()), shared by `complete`, `batch` and `batch resume`.
///
/// The version is the one GatewayVersionCache remembers for the API root; when none is,
/// GET /v2/topology is read first (once: what it says is remembered). A known version that
/// cannot take the body: the refusal is printed and the command ends with ExitUsage, nothing
/// sent — for a dry run it is printed as a warning and the command goes on. An unknown version
/// (no answer, a refusal, no `gatewayVersion`, "dev") lets the command go on: the server's
/// answer is explained then. A command whose body carries none of these members makes no gate:
/// it reads no file and waits for nothing.
class VersionGate final : public QObject
{
    Q_OBJECT
public:
    VersionGate(const QUrl &apiRoot, const QList<ApiFeature> &features, bool dryRun,
        QObject *parent = nullptr);
    ~VersionGate() override;
    Q_DISABLE_COPY_MOVE(VersionGate)

    /// Before connecting: the remembered version. Too old: the refusal is printed and the exit
    /// code returned (a dry run: a warning, std::nullopt). None remembered: needsRead().
    std::optional<int> checkRemembered();
    /// No version was remembered: read() before sending.
    bool needsRead() const { return m_needsRead; }
    /// GET /v2/topology through the connected `client`, from the event loop: then `pass` (the
    /// version is unknown or takes the body; a dry run always passes) or, after the refusal is
    /// printed, `refuse` with the exit code.
    void read(JobsClient *client, std::function<void()> pass, std::function<void(int)> refuse);
    /// A signal ended the command: a read in flight is cancelled, neither callback follows.
    void cancel();
    /// The version remembered or read (unknown before, or when it could not be read): for the
    /// core's own check (BatchPlanner, BatchRunner).
    const CamundaVersion &version() const { return m_version; }

    /// Why a server reporting `version` cannot take the body, with "Nothing was sent." and where
    /// the version comes from; empty when it can or the version is unknown.
    QString refusal(const QString &version) const;

private:
    void onRead(const Outcome &outcome);
    /// Prints the refusal for `version` (a warning for a dry run); true when the command must
    /// end.
    bool refuses(const QString &version) const;

    QUrl m_apiRoot;
    QList<ApiFeature> m_features;
    bool m_dryRun = false;
    bool m_needsRead = false;
    CamundaVersion m_version;
    std::unique_ptr<GatewayVersionCache> m_versions;
    QPointer<ApiCall> m_call;
    std::function<void()> m_pass;
    std::function<void(int)> m_refuse;
};

} // namespace JobDesk::Cli
