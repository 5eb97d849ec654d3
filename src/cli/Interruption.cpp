// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Interruption.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace JobDesk::Cli {

#ifdef Q_OS_UNIX
namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

int g_pipe[2] = {-1, -1};
volatile std::sig_atomic_t g_deferred = 0;

// Written from the handler, so prepared here: write(2) and _exit(2) are all it may call.
constexpr char kIntMessage[] = "jobdesk-cli: interrupted (SIGINT); nothing was sent\n";
constexpr char kTermMessage[] = "jobdesk-cli: interrupted (SIGTERM); nothing was sent\n";
constexpr char kHupMessage[] = "jobdesk-cli: interrupted (SIGHUP); nothing was sent\n";

extern "C" void onSignal(int signalNumber)
{
    if (!g_deferred) {
        const char *message = signalNumber == SIGINT ? kIntMessage
            : signalNumber == SIGTERM                ? kTermMessage
                                                     : kHupMessage;
        const std::size_t length = signalNumber == SIGINT ? sizeof(kIntMessage) - 1
            : signalNumber == SIGTERM                     ? sizeof(kTermMessage) - 1
                                                          : sizeof(kHupMessage) - 1;
        [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, message, length);
        ::_exit(2);
    }
    const int saved = errno;
    const char byte = static_cast<char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
    // Should recording hang, the next signal of this kind ends the process at once.
    ::signal(signalNumber, SIG_DFL);
    errno = saved;
}

} // namespace
#endif

Interruption::Interruption(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (::pipe(g_pipe) != 0)
        return;
    for (const int fd : g_pipe) {
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Interruption::readSignals);
    g_deferred = 0;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signalNumber : kSignals)
        ::sigaction(signalNumber, &action, nullptr);
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, nullptr);
#endif
}

Interruption::~Interruption()
{
#ifdef Q_OS_UNIX
    for (const int signalNumber : kSignals)
        ::signal(signalNumber, SIG_DFL);
    delete m_notifier;
    for (int &fd : g_pipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
    g_deferred = 0;
#endif
}

void Interruption::deferToEventLoop()
{
#ifdef Q_OS_UNIX
    if (g_pipe[1] >= 0)
        g_deferred = 1;
#endif
}

QString Interruption::signalName(int signalNumber)
{
#ifdef Q_OS_UNIX
    switch (signalNumber) {
    case SIGINT:
        return QStringLiteral("SIGINT");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    case SIGHUP:
        return QStringLiteral("SIGHUP");
    default:
        break;
    }
#endif
    return QStringLiteral("signal %1").arg(signalNumber);
}

void Interruption::readSignals()
{
#ifdef Q_OS_UNIX
    char bytes[16];
    const ssize_t n = ::read(g_pipe[0], bytes, sizeof(bytes));
    for (ssize_t i = 0; i < n; ++i)
        emit interrupted(static_cast<unsigned char>(bytes[i]));
#endif
}

} // namespace JobDesk::Cli
