// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class FirstStartDialog;
}

namespace JobDesk {

/// Shown at the first start without any profile, instead of quietly sending to
/// http://localhost:8080: create a profile, import one from the environment or a Console
/// credentials file, try the local sandbox, or use localhost:8080 after all.
class FirstStartDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Choice {
        Later, ///< closed: nothing changes (localhost:8080 stays, no question)
        NewProfile,
        ImportEnvironment,
        ImportCredentialsFile,
        LocalSandbox,
        KeepDefault,
    };
    Q_ENUM(Choice)

    /// `environmentAvailable`: Camunda variables are set; `sandboxAvailable`: jobdesk-sandbox
    /// was found. Unavailable choices are disabled with a tooltip that says why.
    FirstStartDialog(bool environmentAvailable, bool sandboxAvailable, QWidget *parent = nullptr);
    ~FirstStartDialog() override;

    Choice choice() const { return m_choice; }

private:
    void choose(Choice choice);

    Q_DISABLE_COPY_MOVE(FirstStartDialog)
    const std::unique_ptr<Ui::FirstStartDialog> m_ui;
    Choice m_choice = Choice::Later;
};

} // namespace JobDesk
