// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/Profile.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace JobDesk {

class TagChip;

/// The profile picker of the connection bar: a combo of the saved profiles (each with its
/// colour dot) plus "No profile (address only)", the environment chip (DEV green, TEST amber,
/// PROD red) that is visible at all times, and "Manage profiles…".
class ProfilePicker final : public QWidget
{
    Q_OBJECT
public:
    explicit ProfilePicker(QWidget *parent = nullptr);
    ~ProfilePicker() override;

    /// Refills the combo; `current` (may be empty: address only) is selected without a signal.
    void setProfiles(const QList<Profile> &profiles, const QString &current);
    /// Selects `name` (empty: address only) without emitting profileChosen, and updates the chip.
    void setCurrent(const QString &name);
    QString current() const;
    QString chipColour() const { return m_chipColour; }

signals:
    /// The person picked another entry; empty name: no profile (address only).
    void profileChosen(const QString &name);
    void manageRequested();

private:
    void updateChip();

    Q_DISABLE_COPY_MOVE(ProfilePicker)
    QComboBox *m_combo;
    TagChip *m_chip;
    QPushButton *m_manage;
    QList<Profile> m_profiles;
    QString m_chipColour;
};

} // namespace JobDesk
