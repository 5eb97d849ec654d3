// SPDX-License-Identifier: GPL-3.0-or-later
// Reading single fields of an answer, tolerantly; shared by the Answers parsers only.
#pragma once

#include "core/json/JsonTree.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <limits>
#include <optional>

namespace JobDesk::AnswerFields {

/// A string member unescaped (an empty string stays empty, not null); a number or boolean as
/// its text; absent or null as a null QString.
inline QString text(const Json::Value &object, QStringView name)
{
    const Json::Value v = object[name];
    if (v.isString()) {
        const QString t = v.text();
        return t.isNull() ? QStringLiteral("") : t;
    }
    return v.text();
}

/// A key as exact digits, whether sent as a string or as a number.
inline QString key(const Json::Value &object, QStringView name)
{
    return object[name].keyText();
}

inline std::optional<qint64> int64(const Json::Value &object, QStringView name)
{
    return object[name].toInt64();
}

inline std::optional<int> int32(const Json::Value &object, QStringView name)
{
    const std::optional<qint64> value = int64(object, name);
    if (!value || *value < std::numeric_limits<int>::min()
        || *value > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(*value);
}

inline std::optional<bool> boolean(const Json::Value &object, QStringView name)
{
    return object[name].toBool();
}

/// Parses an answer body that must be an object; nullopt with a sentence otherwise.
inline std::optional<Json::Document> objectDocument(const QByteArray &body, QString *error)
{
    Json::Document document = Json::Document::fromUtf8(body);
    QString problem;
    if (!document.isValid())
        problem = QStringLiteral("The answer is not valid JSON: %1").arg(document.errorMessage());
    else if (!document.root().isObject())
        problem = QStringLiteral("The answer is %1, not a JSON object.")
                      .arg(Json::describe(document.root().kind()));
    if (problem.isEmpty())
        return document;
    if (error)
        *error = problem;
    return std::nullopt;
}

} // namespace JobDesk::AnswerFields
