// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ConnectionKinds.h"

namespace JobDesk {

QString authKindName(AuthKind kind)
{
    switch (kind) {
    case AuthKind::None:
        return QStringLiteral("none");
    case AuthKind::Basic:
        return QStringLiteral("basic");
    case AuthKind::Bearer:
        return QStringLiteral("bearer");
    case AuthKind::OAuth:
        return QStringLiteral("oauth");
    }
    return QString();
}

std::optional<AuthKind> authKindFromName(const QString &name, bool lenient)
{
    const QString trimmed = name.trimmed();
    if (lenient && trimmed.compare(QLatin1String("oauth2"), Qt::CaseInsensitive) == 0)
        return AuthKind::OAuth;
    for (const auto kind : {AuthKind::None, AuthKind::Basic, AuthKind::Bearer, AuthKind::OAuth}) {
        if (trimmed.compare(authKindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

QString environmentName(Environment environment)
{
    switch (environment) {
    case Environment::Dev:
        return QStringLiteral("dev");
    case Environment::Test:
        return QStringLiteral("test");
    case Environment::Prod:
        return QStringLiteral("prod");
    case Environment::Custom:
        return QStringLiteral("custom");
    }
    return QString();
}

std::optional<Environment> environmentFromName(const QString &name)
{
    for (const auto environment :
        {Environment::Dev, Environment::Test, Environment::Prod, Environment::Custom}) {
        if (name.compare(environmentName(environment), Qt::CaseInsensitive) == 0)
            return environment;
    }
    return std::nullopt;
}

QString defaultEnvironmentColour(Environment environment)
{
    switch (environment) {
    case Environment::Dev:
        return QStringLiteral("#2e7d32");
    case Environment::Test:
        return QStringLiteral("#b26a00");
    case Environment::Prod:
        return QStringLiteral("#c62828");
    case Environment::Custom:
        return QStringLiteral("#1565c0");
    }
    return QString();
}

} // namespace JobDesk
