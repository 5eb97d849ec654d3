// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/Clock.h"

namespace JobDesk {

Clock Clock::fixed(const QDateTime &at)
{
    return Clock([at] { return at; });
}

ManualClock::ManualClock(const QDateTime &start)
    : m_now(std::make_shared<QDateTime>(start))
{
}

Clock ManualClock::clock() const
{
    std::shared_ptr<QDateTime> now = m_now;
    return Clock([now] { return *now; });
}

} // namespace JobDesk
