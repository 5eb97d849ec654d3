// SPDX-License-Identifier: GPL-3.0-or-later
// jobdesk-sandbox: a local Camunda 8 REST API (8.7-8.10) for practice, demos, tests and benchmarks.
#include "sandbox/SandboxOptions.h"
#include "sandbox/SandboxServer.h"

#include <jobdesk/Version.h>

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

extern "C" void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: wake the event loop through the pipe.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

/// SIGTERM / SIGINT end the event loop, so the server closes its sockets and exits 0.
void installSignalHandlers(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [notifier]() {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    // A client that goes away mid-write must not kill the server.
    std::signal(SIGPIPE, SIG_IGN);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("jobdesk-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(JOBDESK_VERSION));

    using namespace JobDesk::Sandbox;
    const ParsedOptions parsed = parseOptions(QCoreApplication::arguments().mid(1));
    if (!parsed.ok()) {
        std::fprintf(stderr, "jobdesk-sandbox: %s\nTry 'jobdesk-sandbox --help'.\n",
            qPrintable(parsed.error));
        return 2;
    }
    if (parsed.options.help) {
        std::fputs(qPrintable(usageText()), stdout);
        return 0;
    }
    if (parsed.options.version) {
        std::printf("jobdesk-sandbox %s (Camunda API %s)\n", JOBDESK_VERSION,
            qPrintable(gatewayVersionString(parsed.options.gatewayVersion)));
        return 0;
    }

    SandboxServer server(parsed.options);
    QString error;
    if (!server.loadJobs(&error)) {
        std::fprintf(stderr, "jobdesk-sandbox: %s\n", qPrintable(error));
        return 2;
    }
    if (!server.start(&error)) {
        std::fprintf(stderr, "jobdesk-sandbox: %s\n", qPrintable(error));
        return 1;
    }
    installSignalHandlers(&app);
    const QString host = parsed.options.host.contains(QLatin1Char(':'))
        ? QLatin1Char('[') + parsed.options.host + QLatin1Char(']')
        : parsed.options.host;
    std::printf("listening on http://%s:%u\n", qPrintable(host), unsigned(server.port()));
    std::fflush(stdout);
    std::fprintf(stderr, "jobdesk-sandbox: %lld jobs, Camunda %s, auth %s, Ctrl+C to stop\n",
        static_cast<long long>(server.store().size()),
        qPrintable(gatewayVersionName(parsed.options.gatewayVersion)),
        qPrintable(authModeName(parsed.options.auth)));
    return app.exec();
}
