// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/CompletionRequest.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace JobDesk {

namespace Json {
class Value;
}

/// A reusable payload: variables text and an optional result — a task-listener verdict (deny,
/// reason, corrections) or an ad-hoc sub-process result (elements to activate, each with its
/// variables, and the completion flags).
///
/// The variables are kept exactly as typed (stored as a JSON *string* in the file, so numbers
/// beyond 64 bits, key order and spacing survive); so are an ad-hoc element's variables. On
/// import an element's variables may also be a JSON object, read digit for digit. A result
/// member JobDesk does not know is refused with a message, never dropped. created/updated are
/// UTC.
struct Template
{
    QString name;
    QString description;
    QString jobType; ///< the job type this template is meant for; empty for any
    QString variables; ///< the variables editor's text, verbatim
    bool denied = false;
    QString deniedReason;
    UserTaskCorrections corrections;
    AdHocSubProcessResult adHoc; ///< an ad-hoc result; not together with the user-task fields
    QDateTime created;
    QDateTime updated;

    /// The result part as a CompletionRequest result: an AdHocSubProcessResult or a
    /// UserTaskResult when something is set.
    CompletionRequest::Result result() const;
    bool hasResult() const;
    /// Sets the result fields from a CompletionRequest result (the others are cleared).
    void setResult(const CompletionRequest::Result &result);

    /// The object as written to a template file or an export (without the format header).
    QJsonObject toJson() const;
    /// Strict about types and about the result; other unknown members are ignored (files from
    /// newer minor versions load). Reads the text exactly (big numbers in an ad-hoc element's
    /// variables object keep every digit).
    static std::optional<Template> fromJson(const Json::Value &json, QString *error = nullptr);
    /// The same for an object already parsed by QJsonDocument (numbers there are doubles).
    static std::optional<Template> fromJson(const QJsonObject &json, QString *error = nullptr);

    /// Names: not empty, no surrounding spaces, no control characters, ≤ 200 characters.
    static QString nameError(const QString &name);

    friend bool operator==(const Template &a, const Template &b);
    friend bool operator!=(const Template &a, const Template &b) { return !(a == b); }
};

/// The starter set offered on first run (not written to disk unless the person accepts).
QList<Template> starterTemplates();

} // namespace JobDesk
