// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/templates/TemplateStore.h"

#include "core/base/AtomicFile.h"
#include "core/base/FileLock.h"
#include "core/base/Logging.h"
#include "core/base/PrivateFiles.h"
#include "core/json/JsonTree.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>

namespace JobDesk {

namespace {
const QLatin1String kFileFormat("jobdesk-template");
const QLatin1String kExportFormat("jobdesk-templates");
constexpr qint64 kMaxFileBytes = 32 * 1024 * 1024;
// Hidden, so reload() does not list it among the templates.
const QLatin1String kLockFileName(".jobdesk-templates.lock");

// Checks the format header of a template file or export; empty when fine.
QString formatError(const QJsonObject &root, const QLatin1String &format)
{
    const QString found = root.value(QLatin1String("format")).toString();
    if (found != format)
        return found.isEmpty()
            ? QStringLiteral("not a JobDesk template (no \"format\" member)")
            : QStringLiteral("not a JobDesk template (format \"%1\")").arg(found);
    const int version = root.value(QLatin1String("version")).toInt(0);
    if (version < 1)
        return QStringLiteral("no valid \"version\"");
    if (version > TemplateStore::kFormatVersion)
        return QStringLiteral("written by a newer JobDesk (format version %1)").arg(version);
    return QString();
}

bool lessByName(const Template &a, const Template &b)
{
    const int c = a.name.compare(b.name, Qt::CaseInsensitive);
    return c != 0 ? c < 0 : a.name < b.name;
}
} // namespace

TemplateStore::TemplateStore(const QString &directory)
    : m_directory(directory)
{
}

QString TemplateStore::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("templates"));
}

QDateTime TemplateStore::now() const
{
    const QDateTime time = m_clock.now();
    return time.toUTC();
}

bool TemplateStore::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStorage).noquote() << message;
    return false;
}

bool TemplateStore::locked(const std::function<bool()> &change)
{
    QString error;
    if (!PrivateFiles::ensureFolder(m_directory, &error))
        return fail(error);
    // Every change re-reads the folder under the lock: two programs saving the same name at
    // once must not both see it free.
    const FileLock lock(QDir(m_directory).filePath(kLockFileName));
    if (!lock.isLocked())
        return fail(lock.error());
    return change();
}

QString TemplateStore::fileNameFor(const QString &name)
{
    const QString folded = name.toCaseFolded();
    QString slug;
    for (const QChar c : folded) {
        if (slug.size() >= 40)
            break;
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            slug.append(c);
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug.append(u'-');
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(folded.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
    return (slug.isEmpty() ? hash : slug + u'-' + hash) + QStringLiteral(".json");
}

bool TemplateStore::reload()
{
    m_templates.clear();
    m_paths.clear();
    m_broken.clear();
    m_error.clear();
    const QDir dir(m_directory);
    if (!dir.exists())
        return true;
    if (!QFileInfo(m_directory).isReadable())
        return fail(QStringLiteral("Cannot read the templates folder %1").arg(m_directory));
    // A QSaveFile being written by another process right now (fallback temp name).
    static const QRegularExpression inProgress(QStringLiteral("\\.json\\.[A-Za-z0-9]{6}$"));
    QList<QPair<Template, QString>> loaded;
    const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &info : entries) {
        const QString path = info.absoluteFilePath();
        if (inProgress.match(info.fileName()).hasMatch())
            continue;
        if (!info.fileName().endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
            m_broken.append({path, QStringLiteral("not a template (only .json files are)")});
            continue;
        }
        QByteArray data;
        QString error;
        if (!AtomicFile::read(path, &data, &error, kMaxFileBytes)) {
            m_broken.append({path, error});
            continue;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            m_broken.append({path,
                QStringLiteral("not valid JSON at offset %1: %2")
                    .arg(parseError.offset)
                    .arg(parseError.errorString())});
            continue;
        }
        if (!document.isObject()) {
            m_broken.append({path, QStringLiteral("not a JobDesk template (not a JSON object)")});
            continue;
        }
        const QJsonObject root = document.object();
        if (const QString problem = formatError(root, kFileFormat); !problem.isEmpty()) {
            m_broken.append({path, problem});
            continue;
        }
        // Read again digit for digit: an ad-hoc element's variables may be a JSON object.
        const auto t = Template::fromJson(Json::Document::fromUtf8(data).root(), &error);
        if (!t) {
            m_broken.append({path, error});
            continue;
        }
        const auto same = std::find_if(loaded.cbegin(), loaded.cend(), [&](const auto &other) {
            return other.first.name.compare(t->name, Qt::CaseInsensitive) == 0;
        });
        if (same != loaded.cend()) {
            m_broken.append({path,
                QStringLiteral("the name \"%1\" is already used by %2")
                    .arg(t->name, QFileInfo(same->second).fileName())});
            continue;
        }
        loaded.append({*t, path});
    }
    std::sort(loaded.begin(), loaded.end(),
        [](const auto &a, const auto &b) { return lessByName(a.first, b.first); });
    for (const auto &item : loaded) {
        m_templates.append(item.first);
        m_paths.append(item.second);
    }
    for (const BrokenFile &broken : m_broken)
        qCDebug(lcStorage).noquote()
            << "Broken template file" << broken.filePath << ":" << broken.reason;
    return true;
}

QList<Template> TemplateStore::templatesForJobType(const QString &jobType) const
{
    QList<Template> result = m_templates;
    if (!jobType.isEmpty()) {
        std::stable_partition(result.begin(), result.end(),
            [&jobType](const Template &t) { return t.jobType == jobType; });
    }
    return result;
}

std::optional<Template> TemplateStore::find(const QString &name) const
{
    for (const Template &t : m_templates) {
        if (t.name.compare(name, Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

QString TemplateStore::pathOf(const QString &name) const
{
    for (int i = 0; i < m_templates.size(); ++i) {
        if (m_templates.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return m_paths.at(i);
    }
    return QDir(m_directory).filePath(fileNameFor(name));
}

QString TemplateStore::uniqueName(const QString &base) const
{
    if (!contains(base))
        return base;
    // A name that is already numbered counts on: "Approve (2)" becomes "Approve (3)", never
    // "Approve (2) (2)".
    static const QRegularExpression numbered(QStringLiteral("^(.+) \\((\\d{1,6})\\)$"));
    QString stem = base;
    int n = 2;
    if (const QRegularExpressionMatch match = numbered.match(base); match.hasMatch()) {
        stem = match.captured(1);
        n = match.captured(2).toInt() + 1;
    }
    for (;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(stem).arg(n);
        if (!contains(candidate))
            return candidate;
    }
}

bool TemplateStore::writeTemplate(const Template &t, const QString &path)
{
    QJsonObject root;
    root.insert(QLatin1String("format"), kFileFormat);
    root.insert(QLatin1String("version"), kFormatVersion);
    const QJsonObject body = t.toJson();
    for (auto it = body.begin(); it != body.end(); ++it)
        root.insert(it.key(), it.value());
    QString error;
    if (!AtomicFile::write(path, QJsonDocument(root).toJson(QJsonDocument::Indented),
            AtomicFile::Access::Private, &error))
        return fail(error);
    return true;
}

bool TemplateStore::add(Template t)
{
    return locked([&] { return addLocked(std::move(t)); });
}

bool TemplateStore::addLocked(Template t)
{
    if (const QString error = Template::nameError(t.name); !error.isEmpty())
        return fail(error);
    if (!reload())
        return false;
    if (contains(t.name))
        return fail(QStringLiteral("A template named \"%1\" already exists.").arg(t.name));
    const QString path = pathOf(t.name);
    if (QFileInfo::exists(path))
        return fail(QStringLiteral("The file %1 is in the way (it is not a readable template); it "
                                   "was left untouched.")
                        .arg(path));
    if (!t.created.isValid())
        t.created = now();
    if (!t.updated.isValid())
        t.updated = t.created;
    const bool ok = writeTemplate(t, path);
    reload();
    return ok;
}

bool TemplateStore::update(const QString &oldName, Template t)
{
    return locked([&] { return updateLocked(oldName, std::move(t)); });
}

bool TemplateStore::updateLocked(const QString &oldName, Template t)
{
    if (const QString error = Template::nameError(t.name); !error.isEmpty())
        return fail(error);
    if (!reload())
        return false;
    const auto old = find(oldName);
    if (!old)
        return fail(QStringLiteral("There is no template named \"%1\".").arg(oldName));
    const QString oldPath = pathOf(old->name);
    const bool sameName = old->name.compare(t.name, Qt::CaseInsensitive) == 0;
    if (!sameName && contains(t.name))
        return fail(QStringLiteral("A template named \"%1\" already exists.").arg(t.name));
    QString newPath = oldPath;
    if (!sameName) {
        newPath = QDir(m_directory).filePath(fileNameFor(t.name));
        if (QFileInfo::exists(newPath))
            return fail(QStringLiteral("The file %1 is in the way (it is not a readable "
                                       "template); it was left untouched.")
                            .arg(newPath));
    }
    t.created = old->created.isValid() ? old->created : now();
    t.updated = now();
    // Write under the new name first, then drop the old file: never zero copies on disk.
    if (!writeTemplate(t, newPath)) {
        reload();
        return false;
    }
    if (newPath != oldPath && !QFile::remove(oldPath)) {
        reload();
        return fail(QStringLiteral("Saved as \"%1\", but cannot remove the old file %2")
                        .arg(t.name, oldPath));
    }
    reload();
    return true;
}

bool TemplateStore::rename(const QString &oldName, const QString &newName)
{
    return locked([&] {
        if (!reload())
            return false;
        auto t = find(oldName);
        if (!t)
            return fail(QStringLiteral("There is no template named \"%1\".").arg(oldName));
        t->name = newName;
        return updateLocked(oldName, *t);
    });
}

std::optional<QString> TemplateStore::duplicate(const QString &name, const QString &newName)
{
    std::optional<QString> copy;
    locked([&] {
        if (!reload())
            return false;
        auto t = find(name);
        if (!t)
            return fail(QStringLiteral("There is no template named \"%1\".").arg(name));
        t->name = newName.isEmpty() ? uniqueName(t->name) : newName;
        t->created = QDateTime();
        t->updated = QDateTime();
        if (!addLocked(*t))
            return false;
        copy = t->name;
        return true;
    });
    return copy;
}

bool TemplateStore::remove(const QString &name)
{
    return locked([&] {
        if (!reload())
            return false;
        if (!contains(name))
            return fail(QStringLiteral("There is no template named \"%1\".").arg(name));
        const QString path = pathOf(name);
        const bool ok = QFile::remove(path);
        reload();
        if (!ok)
            return fail(QStringLiteral("Cannot remove %1").arg(path));
        return true;
    });
}

QByteArray TemplateStore::exportDocument(const QList<Template> &templates)
{
    QJsonArray array;
    for (const Template &t : templates)
        array.append(t.toJson());
    QJsonObject root;
    root.insert(QLatin1String("format"), kExportFormat);
    root.insert(QLatin1String("version"), kFormatVersion);
    root.insert(QLatin1String("templates"), array);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<QList<Template>> TemplateStore::parseExportDocument(
    const QByteArray &data, QString *error)
{
    auto failed = [error](const QString &message) -> std::optional<QList<Template>> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed(QStringLiteral("not valid JSON at offset %1: %2")
                          .arg(parseError.offset)
                          .arg(parseError.errorString()));
    if (!document.isObject())
        return failed(QStringLiteral("not a JobDesk templates file (not a JSON object)"));
    const QJsonObject root = document.object();
    // The templates are read from the exact text: an ad-hoc element's variables object keeps
    // every digit (QJsonDocument would turn big numbers into doubles).
    const Json::Document exact = Json::Document::fromUtf8(data);
    QList<Template> templates;
    QString problem;
    if (root.value(QLatin1String("format")).toString() == kFileFormat) {
        if (problem = formatError(root, kFileFormat); !problem.isEmpty())
            return failed(problem);
        const auto t = Template::fromJson(exact.root(), &problem);
        if (!t)
            return failed(problem);
        templates.append(*t);
        return templates;
    }
    if (problem = formatError(root, kExportFormat); !problem.isEmpty())
        return failed(problem);
    const QJsonValue list = root.value(QLatin1String("templates"));
    if (!list.isArray())
        return failed(QStringLiteral("\"templates\" must be a list"));
    QSet<QString> seen;
    const QJsonArray array = list.toArray();
    const QList<Json::Value> items = exact.root()[u"templates"].elements();
    for (int i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return failed(QStringLiteral("template %1 is not an object").arg(i + 1));
        const auto t = Template::fromJson(items.value(i), &problem);
        if (!t)
            return failed(QStringLiteral("template %1: %2").arg(i + 1).arg(problem));
        const QString folded = t->name.toCaseFolded();
        if (seen.contains(folded))
            return failed(QStringLiteral("the name \"%1\" appears twice").arg(t->name));
        seen.insert(folded);
        templates.append(*t);
    }
    return templates;
}

bool TemplateStore::exportTo(const QString &filePath, const QStringList &names)
{
    if (!reload())
        return false;
    QList<Template> selected;
    if (names.isEmpty()) {
        selected = m_templates;
    } else {
        for (const QString &name : names) {
            const auto t = find(name);
            if (!t)
                return fail(QStringLiteral("There is no template named \"%1\".").arg(name));
            selected.append(*t);
        }
    }
    QString error;
    if (!AtomicFile::write(filePath, exportDocument(selected), AtomicFile::Access::Shared, &error))
        return fail(error);
    return true;
}

TemplateStore::ImportResult TemplateStore::importFrom(const QString &filePath, ClashPolicy policy)
{
    ImportResult result;
    if (!locked([&] {
            result = importLocked(filePath, policy);
            return true;
        }))
        result.error = m_error;
    return result;
}

TemplateStore::ImportResult TemplateStore::importLocked(const QString &filePath, ClashPolicy policy)
{
    ImportResult result;
    QByteArray data;
    if (!AtomicFile::read(filePath, &data, &result.error, kMaxFileBytes))
        return result;
    const auto parsed = parseExportDocument(data, &result.error);
    if (!parsed) {
        result.error = QStringLiteral("Cannot import %1: %2").arg(filePath, result.error);
        return result;
    }
    if (!reload()) {
        result.error = m_error;
        return result;
    }
    for (const Template &t : *parsed) {
        if (contains(t.name))
            result.clashes.append(t.name);
    }
    if (policy == ClashPolicy::Fail && !result.clashes.isEmpty()) {
        result.error = QStringLiteral("Templates with these names exist already: %1")
                           .arg(result.clashes.join(QLatin1String(", ")));
        return result;
    }
    for (Template t : *parsed) {
        if (contains(t.name) && policy == ClashPolicy::KeepBoth)
            t.name = uniqueName(t.name);
        const QString path = pathOf(t.name);
        if (!contains(t.name) && QFileInfo::exists(path)) {
            result.error = QStringLiteral("The file %1 is in the way (it is not a readable "
                                          "template); \"%2\" was not imported.")
                               .arg(path, t.name);
            return result;
        }
        if (!t.created.isValid())
            t.created = now();
        if (!t.updated.isValid())
            t.updated = t.created;
        if (!writeTemplate(t, path)) {
            result.error = m_error;
            return result;
        }
        result.imported.append(t.name);
        reload();
    }
    result.ok = true;
    return result;
}

} // namespace JobDesk
