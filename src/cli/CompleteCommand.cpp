// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CompleteCommand.h"

#include "cli/CliHistory.h"
#include "cli/Console.h"
#include "cli/Interruption.h"
#include "cli/Output.h"
#include "cli/TemplateCommand.h"
#include "core/connection/KeychainSecretStore.h"
#include "core/connection/Profile.h"
#include "core/connection/ProfileStore.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/http/OAuthClientCredentialsProvider.h"

#include <QNetworkAccessManager>

namespace JobDesk::Cli {

CompleteCommand::CompleteCommand(
    const CompleteArguments &arguments, const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_arguments(arguments)
    , m_environment(environment)
{
}

CompleteCommand::~CompleteCommand()
{
    m_history.reset();
    // The client and the provider refer to the network manager: release them first.
    m_client.reset();
    m_auth.reset();
    m_nam.reset();
}

std::optional<int> CompleteCommand::start()
{
    const int code = prepare();
    if (code >= 0)
        return code;
    // The input is read and checked: from now on a signal is the command's to handle (it may
    // have to record a request in flight), not an immediate end.
    Interruption::deferToEventLoop();
    if (m_pendingSecrets.isEmpty())
        send();
    else
        readSecrets();
    return std::nullopt;
}

int CompleteCommand::prepare()
{
    std::optional<TemplateDefaults> defaults;
    if (!m_arguments.templateName.isEmpty()) {
        QString error;
        defaults = loadTemplateDefaults(m_arguments.templateName, &error);
        if (!defaults) {
            printError(error);
            return ExitUsage;
        }
    }
    m_built = buildCompletionRequest(m_arguments, defaults, standardInput());
    if (!m_built.error.isEmpty()) {
        printError(m_built.error);
        return ExitUsage;
    }

    QList<SecretKind> secretKinds;
    if (!m_arguments.profile.isEmpty()) {
        ProfileStore profiles;
        if (!profiles.load()) {
            printError(QStringLiteral("cannot read the profiles: %1").arg(profiles.error()));
            return ExitUsage;
        }
        const std::optional<Profile> profile = profiles.find(m_arguments.profile);
        if (!profile) {
            const QStringList names = profiles.names();
            printError(QStringLiteral("unknown profile '%1' (%2)")
                           .arg(m_arguments.profile,
                               names.isEmpty()
                                   ? QStringLiteral("no profiles are saved")
                                   : QStringLiteral("known: ") + names.join(QStringLiteral(", "))));
            return ExitUsage;
        }
        m_connection = resolveFromProfile(*profile);
        m_production = profile->isProduction();
        secretKinds = profile->secretKinds();
    } else {
        m_connection = resolveFromEnvironment(m_arguments.baseUrl, m_environment);
    }
    if (!m_connection.error.isEmpty()) {
        printError(m_connection.error);
        return ExitUsage;
    }
    for (const QString &warning : std::as_const(m_built.warnings))
        writeErr("jobdesk-cli: " + warning.toUtf8() + '\n');

    m_nam = std::make_unique<QNetworkAccessManager>();
    m_auth = createAuthProvider(m_connection.auth, m_nam.get());
    m_client = std::make_unique<JobsClient>(m_nam.get());
    m_client->setApiRoot(m_connection.apiRoot);
    m_client->setAuthProvider(m_auth.get());
    m_client->setTimeout(
        m_arguments.timeout.value_or(m_connection.timeout.value_or(JobsClient::kDefaultTimeout)));
    if (auto *oauth = qobject_cast<OAuthClientCredentialsProvider *>(m_auth.get()))
        oauth->setTimeout(m_client->timeout());

    if (m_arguments.dryRun) {
        // Nothing leaves the machine: no token request, no keychain, no history.
        writeOut(formatDryRun(m_client->describeCompletion(m_built.request), m_arguments.json));
        return ExitOk;
    }
    if (!m_connection.tls.isEmpty()) {
        const QString tlsError = m_connection.tls.validate();
        if (!tlsError.isEmpty()) {
            printError(QStringLiteral("the TLS files of profile '%1' cannot be used: %2")
                           .arg(m_connection.profileName, tlsError));
            return ExitUsage;
        }
    }
    m_pendingSecrets = secretKinds;
    return -1;
}

void CompleteCommand::readSecrets()
{
    // Only now, with a request that will really be sent, is the keychain (D-Bus) touched.
    if (!m_secrets)
        m_secrets = std::make_unique<KeychainSecretStore>();
    const SecretKind kind = m_pendingSecrets.takeFirst();
    const QString key = profileSecretKey(m_connection.profileName, kind);
    m_secrets->read(key, this, [this, kind](const SecretJob &job) {
        if (job.status() == SecretJob::Status::NotFound) {
            printError(QStringLiteral("no %1 is stored in the keychain for profile '%2'; "
                                      "remove the profile and add it again with --secret-stdin")
                           .arg(secretKindName(kind), m_connection.profileName));
            end(ExitUsage);
            return;
        }
        if (job.status() != SecretJob::Status::Ok) {
            const QString why = job.status() == SecretJob::Status::NoBackend
                ? QStringLiteral("no OS keychain (Secret Service) is available")
                : job.errorString();
            printError(QStringLiteral("cannot read the %1 of profile '%2' from the keychain: %3; "
                                      "nothing was sent")
                           .arg(secretKindName(kind), m_connection.profileName, why));
            end(ExitNoAnswer);
            return;
        }
        if (kind == SecretKind::KeyPassphrase)
            m_connection.tls.clientKeyPassphrase = job.data();
        else
            m_connection.auth.secret = QString::fromUtf8(job.data());
        if (m_pendingSecrets.isEmpty())
            send();
        else
            readSecrets();
    });
}

void CompleteCommand::send()
{
    // The provider was made without the secret (it may come from the keychain): make it again.
    m_client->setAuthProvider(nullptr);
    m_auth = createAuthProvider(m_connection.auth, m_nam.get());
    m_client->setAuthProvider(m_auth.get());
    if (auto *oauth = qobject_cast<OAuthClientCredentialsProvider *>(m_auth.get())) {
        oauth->setTimeout(m_client->timeout());
        oauth->setTlsOptions(m_connection.tls);
    }
    if (!m_connection.tls.isEmpty()) {
        const QString tlsError = m_client->setTlsOptions(m_connection.tls);
        if (!tlsError.isEmpty()) {
            printError(QStringLiteral("the TLS files of profile '%1' cannot be used: %2")
                           .arg(m_connection.profileName, tlsError));
            QMetaObject::invokeMethod(
                this, [this] { end(ExitUsage); }, Qt::QueuedConnection);
            return;
        }
    }
    m_startedAt = QDateTime::currentDateTimeUtc();
    if (!m_arguments.noHistory) {
        // Write-ahead: the attempt is committed before the request leaves, so a run killed
        // while it is in flight still leaves its row ("unknown — look the job up").
        if (!m_history)
            m_history = std::make_unique<CliHistory>();
        // An earlier attempt on this job whose outcome is unknown (its run ended with the
        // request in flight, or it was sent and no answer came): say so (the job may be
        // completed already), as the window does at its start.
        const QString jobKey = m_built.request.jobKey.toString();
        for (const HistoryEntry &earlier : m_history->unknownOutcomesFor(jobKey))
            printError(
                QStringLiteral("note: an earlier attempt on job %1 (%2, %3) has no recorded "
                               "outcome (%4); the job may be completed already")
                    .arg(jobKey,
                        earlier.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                        historySourceName(earlier.source),
                        earlier.state == HistoryState::Pending
                            ? QStringLiteral("its run ended while the request was in flight")
                            : QStringLiteral("it was sent and no answer came")));
        if (!m_history->begin(
                HistoryEntry::forAttempt(m_client->describeCompletion(m_built.request),
                    HistorySource::Cli, m_connection.connectionName(), m_production, m_startedAt)))
            warnNotRecorded(m_history->error());
    }
    m_call = m_client->complete(m_built.request);
    connect(m_call, &ApiCall::finished, this, [this](const Outcome &outcome) {
        if (m_call)
            m_call->deleteLater();
        onFinished(outcome);
    });
}

void CompleteCommand::warnNotRecorded(const QString &why)
{
    printError(QStringLiteral("warning: this attempt was not recorded in the history (%1): %2")
                   .arg(HistoryStore::defaultPath(), why));
}

void CompleteCommand::interrupt(int signalNumber)
{
    const QString name = Interruption::signalName(signalNumber);
    if (!m_call || m_call->isFinished()) {
        printError(QStringLiteral("interrupted (%1); nothing was sent").arg(name));
        end(ExitUsage);
        return;
    }
    m_interruption = name;
    m_call->cancel(); // finished follows at once: onFinished() records and says what is known
}

void CompleteCommand::onFinished(const Outcome &answer)
{
    const QString jobKey = m_built.request.jobKey.toString();
    Outcome outcome = answer;
    // Interrupted with the request on its way: the server may or may not have completed the
    // job. The history row stays "unknown — look the job up"; the exit code says "no answer".
    const bool interrupted = !m_interruption.isEmpty() && answer.kind == OutcomeKind::Cancelled;
    if (interrupted)
        outcome.transportError
            = QStringLiteral("interrupted (%1) after the completion was sent, before an answer "
                             "came; the outcome is unknown — look the job up before sending it "
                             "again")
                  .arg(m_interruption);
    if (!m_arguments.noHistory && m_history && m_history->hasPendingAttempt()) {
        // Recorded before anything is printed, so a run ended meanwhile still leaves its trace.
        const bool recorded = interrupted
            ? m_history->markInterrupted(outcome.transportError, outcome.elapsedMs)
            : m_history->finish(outcome);
        if (!recorded)
            warnNotRecorded(m_history->error());
    }
    writeOut(m_arguments.json ? formatJson(outcome, jobKey) : formatHuman(outcome, jobKey));

    // An interrupted run heard nothing from the server: 3 like any answer that never came.
    end(interrupted ? int(ExitNoAnswer) : exitCodeFor(outcome));
}

void CompleteCommand::end(int exitCode)
{
    emit finished(exitCode);
}

} // namespace JobDesk::Cli
