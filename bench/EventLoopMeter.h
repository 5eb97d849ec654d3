// SPDX-License-Identifier: GPL-3.0-or-later
// What the window benchmarks (lookup_bench.cpp, batch_window_bench.cpp) share: a meter of the UI
// thread's stalls and a wait that turns the event loop without sleeping.
#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <algorithm>

#include <time.h>

namespace JobDesk::Bench {

/// Measures the largest gap between ticks of a 1 ms timer: how long the UI thread was busy. Also
/// counts the gaps longer than a frame at 60 Hz (16 ms): the stalls a person could notice. For
/// each gap it also takes the CPU time the thread itself used in it: a gap the thread spent on
/// the CPU is its own work; a long gap with little CPU is a thread that was ready but not run
/// (a busy machine), which is told apart so (worstOnCpu(), longGapsOnCpu()).
class StallMeter final : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            if (m_last > 0) {
                m_worst = std::max(m_worst, now - m_last);
                if (now - m_last > kFrameNs)
                    ++m_longGaps;
                m_worstOnCpu = std::max(m_worstOnCpu, cpu - m_lastCpu);
                if (cpu - m_lastCpu > kFrameNs)
                    ++m_longGapsOnCpu;
            }
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_worst = 0;
        m_longGaps = 0;
        m_last = 0;
        m_worstOnCpu = 0;
        m_longGapsOnCpu = 0;
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
    /// The most CPU time the thread used within one gap, in ms: its longest piece of work.
    double worstOnCpu() const { return double(m_worstOnCpu) / 1e6; }
    /// Gaps in which the thread itself worked more than 16 ms.
    qint64 longGapsOnCpu() const { return m_longGapsOnCpu; }

private:
    static qint64 threadCpuNs()
    {
        timespec ts {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    }

    static constexpr qint64 kFrameNs = 16'000'000;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    qint64 m_longGaps = 0;
    qint64 m_lastCpu = 0;
    qint64 m_worstOnCpu = 0;
    qint64 m_longGapsOnCpu = 0;
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
