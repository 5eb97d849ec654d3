// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/Outcome.h"

#include <array>
#include <utility>

namespace JobDesk {

namespace {

struct KindInfo
{
    OutcomeKind kind;
    const char *name;
    const char *label;
};

constexpr std::array<KindInfo, 13> kKinds {{
    {OutcomeKind::Completed, "completed", "Completed"},
    {OutcomeKind::Denied, "denied", "Denied"},
    {OutcomeKind::NotFound, "not-found", "Not found"},
    {OutcomeKind::InvalidState, "invalid-state", "Invalid state"},
    {OutcomeKind::Rejected, "rejected", "Rejected"},
    {OutcomeKind::Unauthorized, "unauthorized", "Unauthorized"},
    {OutcomeKind::Forbidden, "forbidden", "Forbidden"},
    {OutcomeKind::Backpressure, "backpressure", "Backpressure"},
    {OutcomeKind::ServerError, "server-error", "Server error"},
    {OutcomeKind::Redirected, "redirected", "Redirected"},
    {OutcomeKind::TransportError, "transport-error", "No answer"},
    {OutcomeKind::SentNoAnswer, "sent-no-answer", "Sent, no answer"},
    {OutcomeKind::Cancelled, "cancelled", "Cancelled"},
}};

} // namespace

QString outcomeKindName(OutcomeKind kind)
{
    for (const KindInfo &info : kKinds) {
        if (info.kind == kind)
            return QLatin1String(info.name);
    }
    return QString();
}

std::optional<OutcomeKind> outcomeKindFromName(const QString &name)
{
    for (const KindInfo &info : kKinds) {
        if (name == QLatin1String(info.name))
            return info.kind;
    }
    return std::nullopt;
}

QString outcomeKindLabel(OutcomeKind kind)
{
    for (const KindInfo &info : kKinds) {
        if (info.kind == kind)
            return QLatin1String(info.label);
    }
    return QString();
}

OutcomeKind classifyHttpStatus(int status, const ProblemDetails &problem)
{
    if (status >= 200 && status < 300)
        return OutcomeKind::Completed;
    if (status >= 300 && status < 400)
        return OutcomeKind::Redirected;
    switch (status) {
    case 401:
        return OutcomeKind::Unauthorized;
    case 403:
        return OutcomeKind::Forbidden;
    case 404:
        return OutcomeKind::NotFound;
    case 409:
        return OutcomeKind::InvalidState;
    case 429:
        return OutcomeKind::Backpressure;
    case 503:
        return problem.title().compare(QLatin1String("RESOURCE_EXHAUSTED"), Qt::CaseInsensitive)
                == 0
            ? OutcomeKind::Backpressure
            : OutcomeKind::ServerError;
    default:
        break;
    }
    if (status >= 400 && status < 500)
        return OutcomeKind::Rejected;
    return OutcomeKind::ServerError;
}

QByteArray Outcome::responseHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : responseHeaders) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

} // namespace JobDesk
