// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/ProfilePicker.h"

#include "gui/TagChip.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>

namespace JobDesk {

namespace {
QIcon colourDot(const QString &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(colour));
    painter.drawEllipse(1, 1, 10, 10);
    return QIcon(pixmap);
}
} // namespace

ProfilePicker::ProfilePicker(QWidget *parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
    , m_chip(new TagChip(this))
    , m_manage(new QPushButton(tr("&Manage profiles…"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_combo->setObjectName(QStringLiteral("profileComboBox"));
    m_combo->setToolTip(tr("The connection profile requests use"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_chip->setObjectName(QStringLiteral("environmentTagLabel"));
    m_chip->setToolTip(tr("The environment of the current connection"));
    m_manage->setObjectName(QStringLiteral("manageProfilesPushButton"));
    layout->addWidget(m_chip);
    layout->addWidget(m_combo);
    layout->addWidget(m_manage);
    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        updateChip();
        emit profileChosen(m_combo->itemData(index).toString());
    });
    connect(m_manage, &QPushButton::clicked, this, &ProfilePicker::manageRequested);
    setProfiles({}, {});
}

ProfilePicker::~ProfilePicker() = default;

void ProfilePicker::setProfiles(const QList<Profile> &profiles, const QString &current)
{
    m_profiles = profiles;
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    m_combo->addItem(tr("No profile (address only)"), QString());
    for (const Profile &profile : profiles)
        m_combo->addItem(colourDot(profile.effectiveColour()),
            tr("%1 (%2)").arg(profile.name, environmentName(profile.environment)), profile.name);
    setCurrent(current);
}

void ProfilePicker::setCurrent(const QString &name)
{
    const QSignalBlocker blocker(m_combo);
    int index = 0;
    for (int i = 1; i < m_combo->count(); ++i)
        if (m_combo->itemData(i).toString().compare(name, Qt::CaseInsensitive) == 0)
            index = i;
    m_combo->setCurrentIndex(index);
    updateChip();
}

QString ProfilePicker::current() const
{
    return m_combo->currentData().toString();
}

void ProfilePicker::updateChip()
{
    const QString name = current();
    QString text = tr("NO PROFILE");
    m_chipColour = QStringLiteral("#6f7b88");
    for (const Profile &profile : std::as_const(m_profiles)) {
        if (profile.name.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        text = environmentName(profile.environment).toUpper();
        if (profile.isProduction())
            text = tr("PRODUCTION");
        m_chipColour = profile.effectiveColour();
    }
    m_chip->setText(text);
    m_chip->setColour(QColor(m_chipColour));
}

} // namespace JobDesk
