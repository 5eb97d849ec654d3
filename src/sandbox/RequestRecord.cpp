// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/RequestRecord.h"

#include "sandbox/RawJson.h"

#include <optional>

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

namespace {

/// The key as a number when it is written as one (no sign, no leading zero).
std::optional<qint64> numeric(const QString &key)
{
    if (key.isEmpty() || key.size() > 19 || (key.size() > 1 && key.at(0) == QLatin1Char('0')))
        return std::nullopt;
    for (const QChar c : key) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    bool ok = false;
    const qint64 n = key.toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

} // namespace

RequestRecord::Counters &RequestRecord::counters(const QString &key)
{
    if (const auto n = numeric(key))
        return m_byNumber[*n];
    return m_byText[key];
}

RequestRecord::Counters RequestRecord::countersOf(const QString &key) const
{
    if (const auto n = numeric(key))
        return m_byNumber.value(*n);
    return m_byText.value(key);
}

void RequestRecord::received(const QString &action, const QString &key)
{
    const int i = actionIndex(action);
    if (i < 0)
        return;
    ++counters(key).received.at(std::size_t(i));
    ++m_totals.received.at(std::size_t(i));
}

void RequestRecord::applied(const QString &action, const QString &key)
{
    const int i = actionIndex(action);
    if (i < 0)
        return;
    ++counters(key).applied.at(std::size_t(i));
    ++m_totals.applied.at(std::size_t(i));
}

void RequestRecord::clear()
{
    m_byNumber.clear();
    m_byText.clear();
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
        out += RawJson::quoted(onlyKey) + ':' + countersJson(countersOf(onlyKey));
    } else {
        bool first = true;
        const auto entry = [&](const QByteArray &quotedKey, const Counters &c) {
            if (!first)
                out += ',';
            first = false;
            out += quotedKey + ':' + countersJson(c);
        };
        for (auto it = m_byNumber.constBegin(); it != m_byNumber.constEnd(); ++it)
            entry('"' + QByteArray::number(it.key()) + '"', it.value());
        for (auto it = m_byText.constBegin(); it != m_byText.constEnd(); ++it)
            entry(RawJson::quoted(it.key()), it.value());
    }
    return out + "},\"totals\":" + countersJson(m_totals) + '}';
}

QByteArray RequestRecord::totalsJson() const
{
    return "{\"totals\":" + countersJson(m_totals) + '}';
}

} // namespace JobDesk::Sandbox
