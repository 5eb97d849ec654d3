// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/RetentionPolicy.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

namespace JobDesk {

/// The window's settings, all in one file: `window.conf` in AppConfigLocation.
///
/// What the window remembers between runs and nothing else: its geometry, the splitters, the
/// dock layout, the history retention policy and the folders the file dialogs last used. Never
/// anything secret. Every widget that remembers something goes through here (it is cheap to
/// construct: one QSettings on one small INI file), so there is one file to look at, to reset and
/// to protect.
class WindowSettings final
{
public:
    /// Byte-array states Qt widgets save and restore themselves.
    enum class Layout {
        WindowGeometry, ///< QWidget::saveGeometry() of the main window
        MainSplitter, ///< form | log
        Docks, ///< QMainWindow::saveState(): where the docks are and whether they show
        LogSplitter, ///< table | details
    };
    /// Folders that file dialogs remember separately.
    enum class Folder {
        HistoryExport,
        Templates, ///< template import and export
    };

    WindowSettings();
    ~WindowSettings();
    Q_DISABLE_COPY_MOVE(WindowSettings)

    static QString path();

    QByteArray layout(Layout which) const;
    void setLayout(Layout which, const QByteArray &state);

    /// The history retention policy (an older build kept it in the application's default
    /// settings file: read from there until it is saved here).
    RetentionPolicy retentionPolicy() const;
    void setRetentionPolicy(const RetentionPolicy &policy);

    /// Where a file dialog for `which` opens: the folder last used if it still exists, else
    /// Documents, else home — never the process's working directory.
    QString folder(Folder which) const;
    /// Remembers the folder of `chosenPath` (a file or a folder) for the next dialog.
    void rememberFolder(Folder which, const QString &chosenPath);

    /// Writes pending changes now, the file 0600 in a 0700 folder (PrivateFiles); they are also
    /// written when the object goes.
    void sync();

private:
    QSettings m_settings;
    bool m_changed = false;
};

} // namespace JobDesk
