// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/Clock.h"
#include "core/templates/Template.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace JobDesk {

/// Templates as one JSON file each in `templates/` under AppDataLocation.
///
/// Each file is `{"format":"jobdesk-template","version":1, …Template::toJson()…}`, written with
/// QSaveFile, 0600 in a 0700 folder. The file name comes from the name (a readable slug plus a hash
/// of the case-folded name), so names are unique case-insensitively. A corrupt or foreign file is
/// listed in brokenFiles() with the reason and never touched; the others still load. Every change
/// locks the folder (a hidden `.jobdesk-templates.lock`, QLockFile) and re-reads it under the
/// lock, so the window and several CLIs see each other's work and never both create one name.
///
/// Export files hold one or many templates:
/// `{"format":"jobdesk-templates","version":1,"templates":[…]}`.
class TemplateStore final
{
public:
    static constexpr int kFormatVersion = 1;

    struct BrokenFile
    {
        QString filePath;
        QString reason;
    };

    enum class ClashPolicy {
        Fail, ///< refuse the whole import when any name exists
        Overwrite, ///< replace existing templates of the same name
        KeepBoth, ///< import under a free name ("Approve (2)")
    };

    struct ImportResult
    {
        bool ok = false;
        QString error; ///< why nothing (or not everything) was imported
        QStringList imported; ///< names as stored
        QStringList clashes; ///< names that already existed (with Fail: nothing was imported)
    };

    explicit TemplateStore(const QString &directory = defaultDirectory());
    Q_DISABLE_COPY_MOVE(TemplateStore)

    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    /// Replaces the clock used for created/updated (tests).
    void setClock(Clock clock) { m_clock = std::move(clock); }

    /// Re-reads the folder. A missing folder is no templates. False only when the folder
    /// exists but cannot be listed.
    bool reload();
    /// Sorted by name, case-insensitively.
    QList<Template> templates() const { return m_templates; }
    /// The templates meant for `jobType` first (case-sensitive, as job types are), then the
    /// rest; each group sorted by name.
    QList<Template> templatesForJobType(const QString &jobType) const;
    QList<BrokenFile> brokenFiles() const { return m_broken; }
    /// Case-insensitive.
    std::optional<Template> find(const QString &name) const;
    bool contains(const QString &name) const { return find(name).has_value(); }
    /// `base`, or "base (2)", "base (3)", … whichever is free first ("base (2)" taken: "base (3)").
    QString uniqueName(const QString &base) const;
    QString error() const { return m_error; }

    /// Creates a template (created = updated = now). Fails when the name exists.
    bool add(Template t);
    /// Replaces the template named `oldName` by `t` (renaming if t.name differs and is free);
    /// keeps its created time, sets updated = now.
    bool update(const QString &oldName, Template t);
    bool rename(const QString &oldName, const QString &newName);
    /// Copies `name` as `newName` (empty: a free "name (2)"); returns the new name.
    std::optional<QString> duplicate(const QString &name, const QString &newName = {});
    bool remove(const QString &name);

    /// Writes the named templates (all when `names` is empty) to one export file.
    bool exportTo(const QString &filePath, const QStringList &names = {});
    ImportResult importFrom(const QString &filePath, ClashPolicy policy);

    static QByteArray exportDocument(const QList<Template> &templates);
    /// Also accepts a single template file (`"format":"jobdesk-template"`).
    static std::optional<QList<Template>> parseExportDocument(
        const QByteArray &data, QString *error = nullptr);
    /// The file name (without folder) a template of this name is stored under.
    static QString fileNameFor(const QString &name);

private:
    bool fail(const QString &message);
    /// Runs a change with the folder created (0700) and locked (QLockFile), or fails.
    bool locked(const std::function<bool()> &change);
    bool addLocked(Template t);
    bool updateLocked(const QString &oldName, Template t);
    ImportResult importLocked(const QString &filePath, ClashPolicy policy);
    bool writeTemplate(const Template &t, const QString &path);
    QString pathOf(const QString &name) const;
    QDateTime now() const;

    QString m_directory;
    QString m_error;
    QList<Template> m_templates;
    QStringList m_paths; ///< parallel to m_templates: where each was read from
    QList<BrokenFile> m_broken;
    Clock m_clock;
};

} // namespace JobDesk
