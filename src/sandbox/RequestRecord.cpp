// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/RequestRecord.h"

#include "sandbox/RawJson.h"

namespace JobDesk::Sandbox {

namespace {
constexpr std::array<const char *, RequestRecord::ActionCount> Actions {
    "complete", "fail", "error", "update", "resolve-incident", "set-variables", "batch-operation"};
} // namespace

int RequestRecord::actionIndex(const QString &action)
{
    for (std::size_t i = 0; i < Actions.size(); ++i) {
        if (action == QLatin1String(Actions.at(i)))
            return int(i);
    }
    return -1;
}

void RequestRecord::received(const QString &action, const QString &key)
{
    const int i = actionIndex(action);
    if (i < 0)
        return;
    ++m_byKey[key].received.at(std::size_t(i));
    ++m_totals.received.at(std::size_t(i));
}

void RequestRecord::applied(const QString &action, const QString &key)
{
    const int i = actionIndex(action);
    if (i < 0)
        return;
    ++m_byKey[key].applied.at(std::size_t(i));
    ++m_totals.applied.at(std::size_t(i));
}

void RequestRecord::clear()
{
    m_byKey.clear();
    m_totals = Counters();
}

QByteArray RequestRecord::countersJson(const Counters &c)
{
    QByteArray out = "{";
    for (std::size_t i = 0; i < Actions.size(); ++i) {
        if (c.received.at(i) == 0 && c.applied.at(i) == 0)
            continue;
        if (out.size() > 1)
            out += ',';
        out += '"' + QByteArray(Actions.at(i))
            + "\":{\"received\":" + QByteArray::number(c.received.at(i))
            + ",\"applied\":" + QByteArray::number(c.applied.at(i)) + '}';
    }
    return out + '}';
}

QByteArray RequestRecord::toJson(const QString &onlyKey) const
{
    QByteArray out = "{\"keys\":{";
    if (!onlyKey.isEmpty()) {
        out += RawJson::quoted(onlyKey) + ':' + countersJson(m_byKey.value(onlyKey));
    } else {
        bool first = true;
        for (auto it = m_byKey.constBegin(); it != m_byKey.constEnd(); ++it) {
            if (!first)
                out += ',';
            first = false;
            out += RawJson::quoted(it.key()) + ':' + countersJson(it.value());
        }
    }
    return out + "},\"totals\":" + countersJson(m_totals) + '}';
}

QByteArray RequestRecord::totalsJson() const
{
    return "{\"totals\":" + countersJson(m_totals) + '}';
}

} // namespace JobDesk::Sandbox
