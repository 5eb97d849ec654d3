// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

#include <chrono>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace JobDesk {

/// Where "now" comes from: the one injectable clock of the program.
///
/// A small value (copy it freely). Default-constructed it is the system clock; tests inject
/// another source — any callable returning a QDateTime (`Clock([] { return t; })`,
/// `Clock::fixed(t)`) or a ManualClock that moves only when told. `now()` (or `clock()`) is what
/// classes that keep time call instead of QDateTime::currentDateTimeUtc(), so token lifetimes,
/// cache ages, "today" in the log and template timestamps can be tested without waiting.
class Clock final
{
public:
    using Source = std::function<QDateTime()>;

    /// The system clock (UTC).
    Clock() = default;
    /// Any callable returning a QDateTime; a lambda converts implicitly, so `setClock([] {…})`
    /// works wherever a Clock is taken.
    template <typename F,
        typename = std::enable_if_t<
            !std::is_same_v<std::decay_t<F>,
                Clock> && std::is_convertible_v<std::invoke_result_t<F &>, QDateTime>>>
    Clock(F source) // NOLINT(google-explicit-constructor): lambdas are clocks
        : m_source(std::move(source))
    {
    }

    /// The current time: UTC from the system clock, or whatever the injected source says.
    QDateTime now() const { return m_source ? m_source() : QDateTime::currentDateTimeUtc(); }
    QDateTime operator()() const { return now(); }
    /// True for the system clock (nothing injected).
    bool isSystem() const { return !m_source; }

    static Clock system() { return Clock(); }
    /// Always `at`.
    static Clock fixed(const QDateTime &at);

private:
    Source m_source;
};

/// A clock for tests that stands still until moved. Every Clock made by clock() shares this
/// one's time, so advancing it moves them all.
class ManualClock final
{
public:
    explicit ManualClock(const QDateTime &start = QDateTime::currentDateTimeUtc());

    QDateTime now() const { return *m_now; }
    void set(const QDateTime &at) { *m_now = at; }
    void advance(std::chrono::milliseconds by) { *m_now = m_now->addMSecs(by.count()); }
    /// A Clock that reads this one's time.
    Clock clock() const;

private:
    std::shared_ptr<QDateTime> m_now;
};

} // namespace JobDesk
