// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/GatewayVersion.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace JobDesk::Sandbox {

enum class AuthMode { None, Basic, OAuth };

/// The sandbox's command line (PRODUCT.md "jobdesk-sandbox"): where to listen, which jobs to
/// hold, which Camunda version to play, how to authenticate and which faults to inject. Parsed
/// by parseOptions().
struct SandboxOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8080;
    bool demo = false;
    qint64 generate = 0;
    QString jobsFile;
    AuthMode auth = AuthMode::None;
    int tokenTtlSeconds = 300;
    int latencyMs = 0;
    double backpressureRate = 0.0;
    double errorRate = 0.0;
    double gatewayErrorRate = 0.0; ///< 502 ABORTED / 504 DEADLINE_EXCEEDED
    double forbiddenRate = 0.0; ///< 403 FORBIDDEN on commands
    GatewayVersion gatewayVersion = GatewayVersion::V8_8;
    int searchDelayMs = 0;
    int batchStepMs = 100;
    QStringList workerTypes; ///< --worker: job types a built-in worker completes
    std::optional<quint64> seed;
    bool help = false;
    bool version = false;
};

/// Result of parsing: the options, or a message for stderr (usage error, exit code 2).
struct ParsedOptions
{
    SandboxOptions options;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

/// Parses the arguments after the program name. Accepts `--flag value` and `--flag=value`.
ParsedOptions parseOptions(const QStringList &arguments);

/// The --help text.
QString usageText();

QString authModeName(AuthMode mode);

} // namespace JobDesk::Sandbox
