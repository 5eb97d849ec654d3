// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/GatewayVersion.h"

#include <array>

namespace JobDesk::Sandbox {

namespace {
constexpr std::array<const char *, 4> Names {"8.7", "8.8", "8.9", "8.10"};
} // namespace

QString gatewayVersionName(GatewayVersion version)
{
    return QLatin1String(Names.at(std::size_t(version)));
}

QString gatewayVersionString(GatewayVersion version)
{
    return gatewayVersionName(version) + QStringLiteral(".0");
}

std::optional<GatewayVersion> gatewayVersionFromName(const QString &name)
{
    for (std::size_t i = 0; i < Names.size(); ++i) {
        if (name == QLatin1String(Names.at(i)))
            return static_cast<GatewayVersion>(i);
    }
    return std::nullopt;
}

} // namespace JobDesk::Sandbox
