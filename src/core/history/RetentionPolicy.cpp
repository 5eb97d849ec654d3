// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/RetentionPolicy.h"

#include "core/base/Logging.h"
#include "core/history/HistoryStore.h"

#include <QSettings>

#include <algorithm>

namespace JobDesk {

namespace {
const QString kModeKey = QStringLiteral("history/retention/mode");
const QString kCountKey = QStringLiteral("history/retention/count");
const QString kDaysKey = QStringLiteral("history/retention/days");
} // namespace

RetentionPolicy RetentionPolicy::load(const QSettings &settings)
{
    RetentionPolicy policy;
    const QString mode = settings.value(kModeKey).toString();
    if (mode == QLatin1String("count"))
        policy.mode = Mode::KeepCount;
    else if (mode == QLatin1String("days"))
        policy.mode = Mode::KeepDays;
    bool ok = false;
    const int count = settings.value(kCountKey).toInt(&ok);
    if (ok && count >= 1)
        policy.count = count;
    const int days = settings.value(kDaysKey).toInt(&ok);
    if (ok && days >= 1)
        policy.days = days;
    return policy;
}

void RetentionPolicy::save(QSettings &settings) const
{
    QString modeName = QStringLiteral("all");
    if (this->mode == Mode::KeepCount)
        modeName = QStringLiteral("count");
    else if (this->mode == Mode::KeepDays)
        modeName = QStringLiteral("days");
    settings.setValue(kModeKey, modeName);
    settings.setValue(kCountKey, std::max(1, count));
    settings.setValue(kDaysKey, std::max(1, days));
}

QString RetentionPolicy::description() const
{
    switch (mode) {
    case Mode::KeepCount:
        return QStringLiteral("Keeping the last %1 entries").arg(count);
    case Mode::KeepDays:
        return days == 1 ? QStringLiteral("Keeping the last day")
                         : QStringLiteral("Keeping the last %1 days").arg(days);
    case Mode::KeepAll:
        break;
    }
    return QStringLiteral("Keeping all history");
}

QDateTime RetentionPolicy::cutoff(const QDateTime &now) const
{
    if (mode != Mode::KeepDays)
        return {};
    return now.toUTC().addDays(-std::max(1, days));
}

std::optional<int> RetentionPolicy::apply(HistoryStore &store, const QDateTime &now) const
{
    std::optional<int> removed;
    switch (mode) {
    case Mode::KeepAll:
        return 0;
    case Mode::KeepCount:
        removed = store.pruneToCount(std::max(1, count));
        break;
    case Mode::KeepDays:
        removed = store.pruneOlderThan(cutoff(now));
        break;
    }
    if (!removed)
        qCWarning(lcHistory).noquote() << "retention failed:" << store.error();
    else if (*removed > 0)
        qCInfo(lcHistory) << "retention removed" << *removed << "entries;" << description();
    return removed;
}

} // namespace JobDesk
