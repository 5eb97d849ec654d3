// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliOptions.h"
#include "core/camunda/Answers.h"
#include "core/camunda/Searches.h"
#include "core/connection/Connection.h"
#include "core/connection/SecretStore.h"
#include "core/lookup/JobLookupResult.h"

#include <QDateTime>
#include <QObject>
#include <QProcessEnvironment>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace JobDesk {
class JobLookup;
class JobsClient;
struct ClientConnection;
class JobSearchPager;
} // namespace JobDesk

namespace JobDesk::Cli {

class CliHistory;
class CommandSession;

/// The output of `job show` and `job search`, pure (unit-tested).
namespace JobOutput {
/// A job as the server returned it, with every key member (`…Key`) as a JSON string even when
/// the server sent a number.
QByteArray jobJson(const JobRecord &job);
/// `job show --json`: job, incident, variables (name → exact value; the element's local
/// variables over the instance's), error, plus state, suggestions and variablesComplete.
QByteArray showJson(const JobLookupResult &result);
/// `job show` for a person: type, kind, state, retries, process, element, incident, variables.
QByteArray showHuman(const JobLookupResult &result);
/// "did you mean 9007199254745551 (payment, process order, CREATED)?" lines, or empty.
QByteArray suggestionsHuman(const QList<JobRecord> &candidates);
/// `["9007199254745551",…]`
QByteArray suggestionsJson(const QList<JobRecord> &candidates);
QByteArray searchCsvHeader();
QByteArray searchCsvRow(const JobRecord &job);
QByteArray searchHumanHeader();
QByteArray searchHumanRow(const JobRecord &job);
} // namespace JobOutput

/// `jobdesk-cli job show <JOB_KEY>` and `jobdesk-cli job search [filters]`: check the input
/// first (nothing is sent when it is wrong), read from the server through JobLookup or page by
/// page through the job search, print as the pages arrive, and end with the contract's exit
/// code. The look-up is recorded in the history (action "lookup") unless --no-history.
class JobCommand final : public QObject
{
    Q_OBJECT
public:
    JobCommand(
        const CommandLine &line, const QProcessEnvironment &environment, QObject *parent = nullptr);
    ~JobCommand() override;

    /// The exit code when the command is already over (invalid input, dry run); std::nullopt
    /// when `finished` will follow from the event loop.
    std::optional<int> start();

signals:
    void finished(int exitCode);

private:
    Q_DISABLE_COPY_MOVE(JobCommand)

    int prepareShow();
    int prepareSearch();
    /// Resolves the connection (CommandSession) and makes the client; a dry run gets the
    /// connection at once, otherwise it waits for the profile's secrets. -1 when it can go on.
    int prepareConnection(const ConnectionOptions &options, bool dryRun);
    /// The client is connected: show() or search().
    void send();
    void show();
    void search();
    void onPage(const QList<JobRecord> &jobs, bool first);
    void onSearchFailed(const Outcome &outcome, const QString &error);
    void record(const Outcome &outcome, const QString &jobKey);
    void end(int exitCode);

    CommandLine m_line;
    QProcessEnvironment m_environment;
    std::unique_ptr<CommandSession> m_session; ///< connection, client, secrets
    std::unique_ptr<JobLookup> m_lookup;
    std::unique_ptr<JobSearchPager> m_pager;
    std::unique_ptr<CliHistory> m_history;
    JobKey m_key;
    SearchRequest m_search;
    qint64 m_wanted = 0; ///< jobs still to print; -1: all
    qint64 m_printed = 0;
    QDateTime m_startedAt;
};

} // namespace JobDesk::Cli
