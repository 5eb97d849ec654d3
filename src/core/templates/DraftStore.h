// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace JobDesk {

/// The window's form as it was left: every field as typed, so a half-written request comes back
/// exactly after a restart or a crash. Fields are kept as text (not parsed), because a draft may
/// be invalid; the form validates it again when it is restored.
struct Draft
{
    /// One optional user-task correction: `set` means "send this attribute" (an empty text then
    /// clears it on the server); unset attributes are left alone.
    struct Field
    {
        bool set = false;
        QString text;
        friend bool operator==(const Field &a, const Field &b)
        {
            return a.set == b.set && a.text == b.text;
        }
    };

    /// Which result the form sends. UserTask is the default (drafts written before the choice
    /// existed); None sends no result whatever the hidden fields hold.
    enum class ResultKind { UserTask, None, AdHoc };
    /// One element of an ad-hoc sub-process to activate, as typed.
    struct AdHocElement
    {
        QString elementId;
        QString variables; ///< a JSON object's text, or empty
        friend bool operator==(const AdHocElement &a, const AdHocElement &b)
        {
            return a.elementId == b.elementId && a.variables == b.variables;
        }
    };

    QString jobKey;
    QString variables;
    ResultKind resultKind = ResultKind::UserTask;
    bool denied = false;
    QString deniedReason;
    Field assignee;
    Field dueDate;
    Field followUpDate;
    Field candidateUsers; ///< comma-separated as typed
    Field candidateGroups; ///< comma-separated as typed
    Field priority; ///< digits as typed
    bool correctionsExpanded = false;
    QList<AdHocElement> adHocElements;
    bool adHocConditionFulfilled = false;
    bool adHocCancelRemaining = false;
    QString leaseToken; ///< 8.10: belongs to the job of jobKey
    QString businessId; ///< 8.10

    bool isEmpty() const;
    friend bool operator==(const Draft &a, const Draft &b);
    friend bool operator!=(const Draft &a, const Draft &b) { return !(a == b); }
};

/// Keeps the draft in `draft.json` (AppDataLocation unless a path is given), written atomically
/// with QSaveFile (0600 in a 0700 folder) so a crash mid-write leaves the previous draft intact.
/// A corrupt file is reported and left in place, never deleted or overwritten silently on load.
class DraftStore final
{
public:
    explicit DraftStore(const QString &path = defaultPath());
    ~DraftStore();
    Q_DISABLE_COPY_MOVE(DraftStore)

    static QString defaultPath();
    QString path() const { return m_path; }
    QString error() const { return m_error; }

    struct Loaded
    {
        bool ok = true; ///< false: a draft is there but cannot be used (see error())
        std::optional<Draft> draft; ///< none when nothing is saved (or !ok)
    };
    /// The saved draft, if any.
    Loaded load();
    /// Writes the draft (an empty draft removes the file). False with error() on failure.
    bool save(const Draft &draft);

    static QByteArray toJson(const Draft &draft);
    static std::optional<Draft> fromJson(const QByteArray &json, QString *error = nullptr);

private:
    QString m_path;
    QString m_error;
};

} // namespace JobDesk
