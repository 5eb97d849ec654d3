// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace JobDesk::Sandbox {

/// The Camunda version the sandbox impersonates (--gateway-version). Ordered, so a feature that
/// a version introduced is `version >= GatewayVersion::V8_9`. What each version adds is read
/// from the spec's `x-added-in-version` markers (../shared/camunda/v2) and kept in the route
/// table (JobsApi) and the field tables of the searches, not in scattered checks.
enum class GatewayVersion { V8_7, V8_8, V8_9, V8_10 };

/// "8.7", "8.8", "8.9", "8.10".
QString gatewayVersionName(GatewayVersion version);
/// The full version the topology reports, e.g. "8.8.0".
QString gatewayVersionString(GatewayVersion version);
std::optional<GatewayVersion> gatewayVersionFromName(const QString &name);

} // namespace JobDesk::Sandbox
