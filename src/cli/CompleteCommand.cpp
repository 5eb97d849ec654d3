// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CompleteCommand.h"

#include "cli/CliHistory.h"
#include "cli/Console.h"
#include "cli/JobCommand.h"
#include "cli/Output.h"
#include "cli/TemplateCommand.h"
#include "core/connection/KeychainSecretStore.h"
#include "core/connection/Profile.h"
#include "core/connection/ProfileStore.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/http/OAuthClientCredentialsProvider.h"
#include "core/lookup/JobLookup.h"

#include <QNetworkAccessManager>
#include <QTimer>

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
    m_lookup.reset();
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
    ApiCall *call = m_client->complete(m_built.request);
    connect(call, &ApiCall::finished, this, [this, call](const Outcome &outcome) {
        call->deleteLater();
        onFinished(outcome);
    });
    if (!m_arguments.noHistory) {
        // Queued behind the call's start: the request is on its way (HTTP runs in Qt's network
        // thread) while the SQLite driver loads and the history file opens.
        QTimer::singleShot(0, this, [this] {
            if (!m_history)
                m_history = std::make_unique<CliHistory>();
            m_history->open();
        });
    }
}

void CompleteCommand::onFinished(const Outcome &outcome)
{
    const bool lostAnswer = LookupRules::needsRecheck(outcome);
    const bool maybeRounded = outcome.kind == OutcomeKind::NotFound
        && LookupRules::mayBeRounded(m_built.request.jobKey);
    if (lostAnswer || maybeRounded) {
        lookUpAfter(outcome);
        return;
    }
    report(outcome, nullptr);
}

void CompleteCommand::lookUpAfter(const Outcome &outcome)
{
    m_lookup = std::make_unique<JobLookup>(m_client.get());
    JobLookupCall *call = nullptr;
    if (outcome.kind == OutcomeKind::NotFound) {
        JobLookup::Options options;
        options.incident = false;
        options.variables = false;
        call = m_lookup->lookUp(m_built.request.jobKey, options);
    } else {
        call = m_lookup->recheck(outcome);
    }
    connect(
        call, &JobLookupCall::finished, this, [this, call, outcome](const JobLookupResult &result) {
            call->deleteLater();
            report(outcome, &result);
        });
}

void CompleteCommand::report(const Outcome &outcome, const JobLookupResult *lookup)
{
    const std::optional<RecheckResult> recheck
        = lookup ? lookup->recheck : std::optional<RecheckResult>();
    // Suggestions only when the key itself is unknown to the search.
    const QList<JobRecord> suggestions
        = lookup && !lookup->job && !recheck ? lookup->jobs : QList<JobRecord>();
    if (!m_arguments.noHistory) {
        // Recorded before anything is printed, so an interrupted run still leaves its trace.
        if (!m_history)
            m_history = std::make_unique<CliHistory>();
        const QString error
            = m_history->append(HistoryEntry::fromOutcome(outcome, QStringLiteral("cli"),
                m_connection.connectionName(), m_built.request.jobKey.toString(), m_startedAt));
        if (!error.isEmpty())
            printError(QStringLiteral("warning: this attempt was not recorded in the history "
                                      "(%1): %2")
                           .arg(HistoryStore::defaultPath(), error));
    }
    const QString jobKey = m_built.request.jobKey.toString();
    if (m_arguments.json) {
        QByteArray extra = ",\"suggestions\":" + JobOutput::suggestionsJson(suggestions);
        if (recheck) {
            extra += ",\"recheck\":{\"verdict\":" + jsonString(recheckVerdictName(recheck->verdict))
                + ",\"summary\":" + jsonString(recheck->summary) + ",\"jobState\":"
                + (lookup->job ? jsonString(lookup->job->state) : QByteArray("null")) + '}';
            extra += ",\"confirmedByLookup\":"
                + QByteArray(recheck->verdict == RecheckVerdict::Applied ? "true" : "false");
        }
        writeOut(formatJson(outcome, jobKey, extra));
    } else {
        QByteArray text = formatHuman(outcome, jobKey);
        if (recheck) {
            text += "Checked by lookup: " + recheck->summary.toUtf8() + ".\n";
            if (recheck->verdict == RecheckVerdict::Applied)
                text += "The completion was confirmed by lookup.\n";
        }
        text += JobOutput::suggestionsHuman(suggestions);
        writeOut(text);
    }

    int code = exitCodeFor(outcome);
    // A lost answer is settled by the look-up: completed → 0; still open or unknown → 3.
    if (recheck)
        code = recheck->verdict == RecheckVerdict::Applied ? ExitOk : ExitNoAnswer;
    end(code);
}

void CompleteCommand::end(int exitCode)
{
    emit finished(exitCode);
}

} // namespace JobDesk::Cli
