// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace JobDesk::Sandbox {

enum class AuthMode { None, Basic, OAuth };

/// The sandbox's command line (PRODUCT.md "jobdesk-sandbox"): where to listen, which jobs to
/// hold, how to authenticate and which faults to inject. Parsed by parseOptions().
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
