// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/RequestText.h"

#include "core/json/Json.h"

#include <optional>

namespace JobDesk::RequestText {

void member(QByteArray &object, QStringView name, const QByteArray &value)
{
    if (!object.endsWith('{'))
        object += ',';
    object += Json::quoteUtf8(name);
    object += ':';
    object += value;
}

QByteArray string(QStringView text)
{
    return Json::quoteUtf8(text);
}

QByteArray stringList(const QStringList &list)
{
    QByteArray out("[");
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            out += ',';
        out += Json::quoteUtf8(list[i]);
    }
    out += ']';
    return out;
}

std::optional<qint64> wholeNumber(QStringView text, qint64 min, qint64 max)
{
    QStringView t = text.trimmed();
    bool negative = false;
    if (t.startsWith(u'-')) {
        negative = true;
        t = t.mid(1);
    }
    if (t.isEmpty())
        return std::nullopt;
    // Accumulate with an overflow check instead of toLongLong so "007" and 19-digit values are
    // read the same way on every platform.
    qint64 value = 0;
    for (const QChar c : t) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        const int digit = c.unicode() - u'0';
        if (value > (kInt64Max - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    if (negative)
        value = -value;
    if (value < min || value > max)
        return std::nullopt;
    return value;
}

QString wholeNumberError(QStringView field, QStringView text, qint64 min, qint64 max)
{
    if (wholeNumber(text, min, max))
        return QString();
    return QStringLiteral("%1 must be a whole number from %2 to %3; got \"%4\".")
        .arg(field)
        .arg(min)
        .arg(max)
        .arg(text.trimmed());
}

QString leaseTokenError(const QString &leaseToken)
{
    if (!leaseToken.isEmpty() && leaseToken.trimmed().isEmpty())
        return QStringLiteral("The leaseToken is only spaces: paste the lease token of the job's "
                              "activation, or leave it empty.");
    return QString();
}

QString businessIdError(const QString &businessId)
{
    if (!businessId.isEmpty() && (businessId.size() > 256 || businessId.trimmed().isEmpty()))
        return QStringLiteral("The businessId must be 1 to 256 characters and not only spaces; "
                              "got %1 characters.")
            .arg(businessId.size());
    return QString();
}

} // namespace JobDesk::RequestText
