// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the explain() files only: what one explanation needs to know about its request.
#pragma once

#include "core/camunda/ApiEndpoints.h"
#include "core/camunda/JobKey.h"
#include "core/camunda/OutcomeExplain.h"

#include <QString>

#include <optional>

namespace JobDesk::ExplainParts {

struct Input
{
    const Outcome &outcome;
    const ExplainContext &context;
    ActionKind action;
    const ApiEndpoint *endpoint; ///< may be null (an address JobDesk does not know)
    QString subjectKey; ///< the key in the address, as text

    QString detail() const { return outcome.problem.detail(); }
    /// The subject key as a JobKey, if it is one.
    std::optional<JobKey> key() const;
    /// A top-level member of the request body as JSON text ("" when absent).
    QString bodyMember(QStringView name) const;
    /// "the completion", "the update", …: what may or may not have been applied.
    QString requestNoun() const;
};

/// The first capture group of `pattern` in `text`, or empty.
QString capture(const QString &text, const QString &pattern, int group = 1);
/// "HTTP 400 INVALID_ARGUMENT".
QString statusText(const Outcome &outcome);

Explanation completed(const Input &in);
Explanation notFound(const Input &in);
Explanation invalidState(const Input &in);
Explanation rejected(const Input &in);
Explanation forbidden(const Input &in);

} // namespace JobDesk::ExplainParts
