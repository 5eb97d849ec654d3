// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/ApiRequest.h"

#include <array>
#include <utility>

namespace JobDesk {

namespace {

constexpr std::array<std::pair<ActionKind, const char *>, 9> kNames {{
    {ActionKind::Complete, "complete"},
    {ActionKind::Update, "update"},
    {ActionKind::Fail, "fail"},
    {ActionKind::ThrowError, "error"},
    {ActionKind::ResolveIncident, "resolve-incident"},
    {ActionKind::SetVariables, "set-variables"},
    {ActionKind::Lookup, "lookup"},
    {ActionKind::BatchOperation, "batch-operation"},
    {ActionKind::Topology, "topology"},
}};

} // namespace

QString actionKindName(ActionKind kind)
{
    for (const auto &[k, name] : kNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<ActionKind> actionKindFromName(const QString &name)
{
    for (const auto &[k, text] : kNames) {
        if (name == QLatin1String(text))
            return k;
    }
    return std::nullopt;
}

bool changesState(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Complete:
    case ActionKind::Update:
    case ActionKind::Fail:
    case ActionKind::ThrowError:
    case ActionKind::ResolveIncident:
    case ActionKind::SetVariables:
    case ActionKind::BatchOperation:
        return true;
    case ActionKind::Lookup:
    case ActionKind::Topology:
        return false;
    }
    return true;
}

} // namespace JobDesk
