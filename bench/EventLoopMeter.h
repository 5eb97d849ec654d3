// SPDX-License-Identifier: GPL-3.0-or-later
// What the window benchmarks (lookup_bench.cpp, batch_window_bench.cpp) share: a meter of the UI
// thread's stalls and a wait that turns the event loop without sleeping.
#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <algorithm>

namespace JobDesk::Bench {

/// Measures the largest gap between ticks of a 1 ms timer: how long the UI thread was busy. Also
/// counts the gaps longer than a frame at 60 Hz (16 ms): the stalls a person could notice.
class StallMeter final : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0) {
                m_worst = std::max(m_worst, now - m_last);
                if (now - m_last > kFrameNs)
                    ++m_longGaps;
            }
            m_last = now;
        });
    }
    void start()
    {
        m_worst = 0;
        m_longGaps = 0;
        m_last = 0;
        m_clock.start();
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return double(m_worst) / 1e6;
    }

    /// Gaps longer than 16 ms since start().
    qint64 longGaps() const { return m_longGaps; }

private:
    static constexpr qint64 kFrameNs = 16'000'000;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    qint64 m_longGaps = 0;
};

/// Turns the event loop until `done()` holds, checking every millisecond. QTest::qWaitFor sleeps
/// up to 10 ms between turns: that would be measured as a stall and round every time up.
template <typename Predicate> bool waitUntil(Predicate done, int timeoutMs = 10000)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setTimerType(Qt::PreciseTimer);
    poll.setInterval(1);
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || clock.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start();
    loop.exec();
    return done();
}

} // namespace JobDesk::Bench
