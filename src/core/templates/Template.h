// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/CompletionRequest.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace JobDesk {

/// A reusable payload: variables text and an optional task-listener verdict.
///
/// The variables are kept exactly as typed (stored as a JSON *string* in the file, so numbers
/// beyond 64 bits, key order and spacing survive). created/updated are UTC.
struct Template
{
    QString name;
    QString description;
    QString jobType; ///< the job type this template is meant for; empty for any
    QString variables; ///< the variables editor's text, verbatim
    bool denied = false;
    QString deniedReason;
    UserTaskCorrections corrections;
    QDateTime created;
    QDateTime updated;

    /// The result part as a CompletionRequest result: a UserTaskResult when something is set.
    CompletionRequest::Result result() const;
    bool hasResult() const;

    /// The object as written to a template file or an export (without the format header).
    QJsonObject toJson() const;
    /// Strict about types; unknown members are ignored (files from newer minor versions load).
    static std::optional<Template> fromJson(const QJsonObject &json, QString *error = nullptr);

    /// Names: not empty, no surrounding spaces, no control characters, ≤ 200 characters.
    static QString nameError(const QString &name);

    friend bool operator==(const Template &a, const Template &b);
    friend bool operator!=(const Template &a, const Template &b) { return !(a == b); }
};

/// The starter set offered on first run (not written to disk unless the person accepts).
QList<Template> starterTemplates();

} // namespace JobDesk
