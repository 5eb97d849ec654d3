// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace JobDesk {

/// How requests authenticate. Names in files and on the command line: none, basic, bearer,
/// oauth (authKindName()); the Camunda SDKs spell them NONE, BASIC, BEARER, OAUTH.
enum class AuthKind { None, Basic, Bearer, OAuth };

/// The environment tag of a connection: which cluster the person is looking at. Prod marks a
/// production connection (the window asks before every change). Names: dev, test, prod, custom.
enum class Environment { Dev, Test, Prod, Custom };

/// "none", "basic", "bearer", "oauth".
QString authKindName(AuthKind kind);
/// Case-insensitive "none", "basic", "bearer", "oauth" (so also the SDK spelling "OAUTH");
/// `lenient` also accepts "oauth2" (profiles.json of older versions).
std::optional<AuthKind> authKindFromName(const QString &name, bool lenient = true);
/// "dev", "test", "prod", "custom".
QString environmentName(Environment environment);
/// Case-insensitive.
std::optional<Environment> environmentFromName(const QString &name);
/// Default tag colours: dev green, test amber, prod red, custom blue ("#rrggbb").
QString defaultEnvironmentColour(Environment environment);

} // namespace JobDesk
