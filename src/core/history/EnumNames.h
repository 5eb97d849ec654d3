// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the history: enums stored as stable lower-case names, looked up in a table.
#pragma once

#include <QString>

#include <array>
#include <optional>
#include <utility>

namespace JobDesk::EnumNames {

template <typename Enum, std::size_t N> using Table = std::array<std::pair<Enum, const char *>, N>;

template <typename Enum, std::size_t N> QString nameOf(const Table<Enum, N> &names, Enum value)
{
    for (const auto &[v, name] : names) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return QString();
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const Table<Enum, N> &names, const QString &name)
{
    for (const auto &[v, text] : names) {
        if (name == QLatin1String(text))
            return v;
    }
    return std::nullopt;
}

} // namespace JobDesk::EnumNames
