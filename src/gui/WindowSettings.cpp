// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/WindowSettings.h"

#include "core/base/Logging.h"
#include "core/base/PrivateFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace JobDesk {

namespace {

QString layoutKey(WindowSettings::Layout which)
{
    switch (which) {
    case WindowSettings::Layout::WindowGeometry:
        return QStringLiteral("window/geometry");
    case WindowSettings::Layout::MainSplitter:
        return QStringLiteral("window/splitter");
    case WindowSettings::Layout::Docks:
        return QStringLiteral("window/docks");
    case WindowSettings::Layout::LogSplitter:
        break;
    }
    return QStringLiteral("logPanel/splitter");
}

QString folderKey(WindowSettings::Folder which)
{
    switch (which) {
    case WindowSettings::Folder::HistoryExport:
        return QStringLiteral("folders/historyExport");
    case WindowSettings::Folder::Templates:
        break;
    }
    return QStringLiteral("folders/templates");
}

const QString kRetentionModeKey = QStringLiteral("history/retention/mode");

} // namespace

WindowSettings::WindowSettings()
    : m_settings(path(), QSettings::IniFormat)
{
}

WindowSettings::~WindowSettings()
{
    if (m_changed)
        sync();
}

QString WindowSettings::path()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + QStringLiteral("/window.conf");
}

QByteArray WindowSettings::layout(Layout which) const
{
    return m_settings.value(layoutKey(which)).toByteArray();
}

void WindowSettings::setLayout(Layout which, const QByteArray &state)
{
    m_changed = true;
    m_settings.setValue(layoutKey(which), state);
}

RetentionPolicy WindowSettings::retentionPolicy() const
{
    if (m_settings.contains(kRetentionModeKey))
        return RetentionPolicy::load(m_settings);
    return RetentionPolicy::load(QSettings());
}

void WindowSettings::setRetentionPolicy(const RetentionPolicy &policy)
{
    m_changed = true;
    policy.save(m_settings);
}

QString WindowSettings::folder(Folder which) const
{
    const QString remembered = m_settings.value(folderKey(which)).toString();
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir())
        return remembered;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QFileInfo(documents).isDir())
        return documents;
    return QDir::homePath();
}

void WindowSettings::rememberFolder(Folder which, const QString &chosenPath)
{
    if (chosenPath.isEmpty())
        return;
    const QFileInfo info(chosenPath);
    const QString folder = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    m_changed = true;
    m_settings.setValue(folderKey(which), QDir::cleanPath(folder));
}

void WindowSettings::sync()
{
    // The layout and the folders say what a person works on: 0600 in a 0700 folder.
    QString error;
    if (!PrivateFiles::syncPrivately(m_settings, &error))
        qCWarning(lcUi).noquote() << error;
    m_changed = false;
}

} // namespace JobDesk
