// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/Profile.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace JobDesk {

/// All connection profiles in one JSON file, `profiles.json` in AppConfigLocation.
///
/// Non-secret fields only (see Profile). Written atomically (QSaveFile), 0600 in a 0700 folder.
/// Every change locks the file (`profiles.json.lock`, QLockFile) and re-reads it under the lock,
/// so the window and several CLIs do not undo each other's edits. A corrupt file (or
/// one from a newer JobDesk) is reported by load() and never overwritten: changes fail until
/// the person explicitly sets it aside with setAsideCorruptFile(). Names are unique
/// case-insensitively. The file also remembers the default and the last used profile.
class ProfileStore final
{
public:
    static constexpr int kFormatVersion = 1;

    ProfileStore() = default;
    Q_DISABLE_COPY_MOVE(ProfileStore)

    static QString defaultPath();

    /// Reads the file; a missing file is an empty list. False with error() when the file is
    /// unreadable, not a profiles file, or from a newer version (isCorrupt() is then true).
    bool load(const QString &path = defaultPath());
    QString path() const { return m_path; }
    QString error() const { return m_error; }
    bool isCorrupt() const { return m_corrupt; }

    QList<Profile> profiles() const { return m_profiles; }
    QStringList names() const;
    /// Case-insensitive lookup.
    std::optional<Profile> find(const QString &name) const;
    bool contains(const QString &name) const { return find(name).has_value(); }

    /// Adds a new profile (validated; fails when the name exists).
    bool add(const Profile &profile);
    /// Replaces `oldName` with `profile` (which may carry a new name, if that name is free).
    /// Default and last-used selections follow a rename. Secrets are the caller's business.
    bool update(const QString &oldName, const Profile &profile);
    bool remove(const QString &name);

    QString defaultProfileName() const { return m_defaultProfile; }
    /// Empty clears the default.
    bool setDefaultProfile(const QString &name);
    QString lastUsedProfileName() const { return m_lastUsed; }
    bool setLastUsedProfile(const QString &name);
    /// The profile to start with: the last used one if it still exists, else the default, else
    /// the first, else none.
    std::optional<Profile> startupProfile() const;

    /// The person's explicit decision about a corrupt file: renames it to
    /// `profiles.json.broken-<UTC time>` (kept, never deleted) and starts with no profiles.
    bool setAsideCorruptFile(QString *movedTo = nullptr);

private:
    /// Locks the file, re-reads it, applies `modify` and saves. `modify` returns false (with
    /// fail()) to write nothing, or sets `*unchanged` when there is nothing to write.
    bool change(const std::function<bool(bool *unchanged)> &modify);
    bool save();
    bool fail(const QString &message);
    int indexOf(const QString &name) const;

    QString m_path;
    QString m_error;
    bool m_corrupt = false;
    bool m_loaded = false;
    QList<Profile> m_profiles;
    QString m_defaultProfile;
    QString m_lastUsed;
};

} // namespace JobDesk
