// SPDX-License-Identifier: GPL-3.0-or-later
// Small helpers the typed requests share to write their bodies and check their fields.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <limits>
#include <optional>

namespace JobDesk::RequestText {

constexpr qint64 kInt32Max = std::numeric_limits<qint32>::max();
constexpr qint64 kInt64Max = std::numeric_limits<qint64>::max();

/// Appends `"name":value` to an object being written, with a comma when needed. `value` is
/// raw JSON.
void member(QByteArray &object, QStringView name, const QByteArray &value);
/// A JSON string token for the text (quotes included).
QByteArray string(QStringView text);
QByteArray stringList(const QStringList &list);

/// The text (trimmed) as a whole number in [min, max], or nothing. Leading zeros are allowed.
std::optional<qint64> wholeNumber(QStringView text, qint64 min, qint64 max);
/// "retries must be a whole number from 0 to 2147483647; got \"-1\"." or empty when the text
/// is a whole number in range.
QString wholeNumberError(QStringView field, QStringView text, qint64 min, qint64 max);

/// Why a lease token cannot be sent (only spaces), or empty; an empty token is "none".
QString leaseTokenError(const QString &leaseToken);
/// Why a completion's `businessId` cannot be sent (8.10: 1 to 256 characters, not only spaces),
/// or empty; an empty id is not sent.
QString businessIdError(const QString &businessId);

} // namespace JobDesk::RequestText
