// SPDX-License-Identifier: GPL-3.0-or-later
// The reference for bench/startup-rss.sh: the smallest useful Qt Widgets window (a main window
// with a menu, a line edit, a text editor and a status bar). With JOBDESK_QUIT_AFTER_SHOW=1 it
// ends right after its first expose and paint, exactly like jobdesk does (std::_Exit, no teardown).
#include <QApplication>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>
#include <QWindow>

#include <cstdlib>

namespace {

class QuitOnExpose final : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed())
            QTimer::singleShot(0, [] { std::_Exit(0); }); // after the first frame, no teardown
        return false;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("minimal"));
    window.menuBar()
        ->addMenu(QStringLiteral("&File"))
        ->addAction(QStringLiteral("&Quit"), &app, &QCoreApplication::quit);
    auto *central = new QWidget(&window);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(new QLineEdit(central));
    layout->addWidget(new QPlainTextEdit(central));
    window.setCentralWidget(central);
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    window.resize(1280, 800);
    window.show();
    if (qEnvironmentVariableIntValue("JOBDESK_QUIT_AFTER_SHOW") != 0)
        window.windowHandle()->installEventFilter(new QuitOnExpose(&window));
    return QApplication::exec();
}
