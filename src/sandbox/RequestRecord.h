// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include <array>

namespace JobDesk::Sandbox {

/// The sandbox's own record of the state-changing requests that reached it (`GET
/// /sandbox/record`, outside the Camunda API): per subject key and action, how many arrived and
/// how many were applied — even those answered 503 or 500 by fault injection (arrived, not
/// applied) or 504 (applied, the answer lost). Tests prove with it that no key was completed
/// twice and none forgotten.
class RequestRecord final
{
public:
    /// complete, fail, error, update, resolve-incident, set-variables, batch-operation.
    static constexpr std::size_t ActionCount = 7;

    RequestRecord() = default;
    Q_DISABLE_COPY_MOVE(RequestRecord)

    void received(const QString &action, const QString &key);
    void applied(const QString &action, const QString &key);
    void clear();

    /// {"keys": {"<key>": {"<action>": {"received": n, "applied": m}}}, "totals": {…}}; with
    /// `onlyKey`, just that key (its object empty when nothing arrived for it). Written as text:
    /// a batch leaves hundreds of thousands of keys.
    QByteArray toJson(const QString &onlyKey = {}) const;
    /// {"totals": {…}} alone.
    QByteArray totalsJson() const;

private:
    struct Counters
    {
        std::array<quint32, ActionCount> received {};
        std::array<quint32, ActionCount> applied {};
    };
    static int actionIndex(const QString &action);
    static QByteArray countersJson(const Counters &c);
    Counters &counters(const QString &key);
    Counters countersOf(const QString &key) const;

    // Keys are nearly always numbers: a number-keyed table spares a string per request.
    QHash<qint64, Counters> m_byNumber;
    QHash<QString, Counters> m_byText;
    Counters m_totals;
};

} // namespace JobDesk::Sandbox
