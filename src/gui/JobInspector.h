// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lookup/JobLookup.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QTimer;

namespace JobDesk {

class JobsClient;

/// Looks up the job whose key is in the form, for the card and the form: debounced after the
/// last change of a valid key, the previous look-up cancelled when the key changes, never on the
/// UI thread's time (the answers arrive as signals: the job as soon as its own search answers,
/// then the whole result with incident and variables). Also re-reads the job after an attempt
/// whose answer was lost (recheck) and after a 404.
class JobInspector final : public QObject
{
    Q_OBJECT
public:
    /// How long the key must rest before it is looked up.
    static constexpr int kDebounceMs = 250;

    explicit JobInspector(JobsClient *client, QObject *parent = nullptr);
    ~JobInspector() override;

    JobLookup *lookup() const { return m_lookup; }
    /// The key the card is about (canonical), or empty.
    const QString &jobKey() const { return m_key; }
    /// The job of the last answer, when it is about the current key and found.
    std::optional<JobRecord> currentJob() const;
    const std::optional<JobLookupResult> &lastResult() const { return m_last; }

public slots:
    /// The form's valid key changed (empty: none): look it up after the debounce.
    void setJobKey(const QString &jobKey);
    /// Look the current key up now (Return, F5, "look again", after an outcome).
    void lookUpNow();
    /// Settle an attempt whose answer was lost: `recheckFinished` follows.
    void recheck(const Outcome &attempt);

signals:
    void lookUpStarted(const QString &jobKey);
    /// The current key's job was found; its incident and variables follow in `lookedUp`.
    void jobRead(const JobDesk::JobLookupResult &partial);
    /// An answer about the current key (stale ones are dropped).
    void lookedUp(const JobDesk::JobLookupResult &result);
    /// The key went away: nothing to show.
    void cleared();
    void recheckFinished(const JobDesk::JobLookupResult &result);

private:
    Q_DISABLE_COPY_MOVE(JobInspector)

    JobLookup *m_lookup;
    QTimer *m_debounce;
    QPointer<JobLookupCall> m_call;
    QPointer<JobLookupCall> m_recheckCall;
    QString m_key;
    std::optional<JobLookupResult> m_last;
};

} // namespace JobDesk
