// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/SearchQuery.h"

#include <QDateTime>
#include <QJsonDocument>

#include <array>

namespace JobDesk::Sandbox {

namespace {

const QString BadRequest = QStringLiteral("Bad Request");
const QString InvalidArgument = QStringLiteral("INVALID_ARGUMENT");

QueryError unparsable(const QString &property)
{
    return QueryError {
        BadRequest, QStringLiteral("Request property [%1] cannot be parsed").arg(property)};
}

QRegularExpression likePattern(const QString &like)
{
    QString pattern;
    for (int i = 0; i < like.size(); ++i) {
        const QChar c = like.at(i);
        if (c == QLatin1Char('\\') && i + 1 < like.size())
            pattern += QRegularExpression::escape(QString(like.at(++i)));
        else if (c == QLatin1Char('*'))
            pattern += QLatin1String(".*");
        else if (c == QLatin1Char('?'))
            pattern += QLatin1Char('.');
        else
            pattern += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern),
        QRegularExpression::DotMatchesEverythingOption);
}

bool isInteger(const QJsonValue &v)
{
    return v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
}

/// The type a field has in this version (8.8's incident filter took plain values only).
FieldType effectiveType(const FieldSpec &field, GatewayVersion version)
{
    if (!field.advancedSince || version >= *field.advancedSince)
        return field.type;
    switch (field.type) {
    case FieldType::Key:
        return FieldType::PlainKey;
    case FieldType::Enum:
        return FieldType::PlainEnum;
    case FieldType::String:
    case FieldType::BasicString:
        return FieldType::PlainString;
    default:
        return field.type;
    }
}

bool parseValue(const FieldSpec &field, FieldType type, const QJsonValue &json, Value *out)
{
    switch (type) {
    case FieldType::Key:
    case FieldType::PlainKey: {
        static const QRegularExpression longKey(QStringLiteral("^-?[0-9]{1,25}$"));
        if (!json.isString() || !longKey.match(json.toString()).hasMatch())
            return false;
        bool ok = false;
        *out = Value::num(json.toString().toLongLong(&ok));
        return ok;
    }
    case FieldType::String:
    case FieldType::BasicString:
    case FieldType::PlainString:
        if (!json.isString())
            return false;
        *out = Value::str(json.toString());
        return true;
    case FieldType::Enum:
    case FieldType::PlainEnum:
        if (!json.isString() || !field.enumValues.contains(json.toString()))
            return false;
        *out = Value::str(json.toString());
        return true;
    case FieldType::Integer:
        if (!isInteger(json))
            return false;
        *out = Value::num(qint64(json.toDouble()));
        return true;
    case FieldType::Boolean:
        if (!json.isBool())
            return false;
        *out = Value::num(json.toBool() ? 1 : 0);
        return true;
    case FieldType::DateTime: {
        if (!json.isString())
            return false;
        const QDateTime t = QDateTime::fromString(json.toString(), Qt::ISODateWithMs);
        *out = Value::num(t.toMSecsSinceEpoch());
        return t.isValid();
    }
    }
    return false;
}

/// Which operators a type accepts (the Advanced*Filter schemas of the spec).
bool accepts(FieldType type, Op op)
{
    switch (type) {
    case FieldType::Key:
    case FieldType::BasicString:
        return op == Op::Eq || op == Op::Neq || op == Op::Exists || op == Op::In || op == Op::NotIn;
    case FieldType::String:
        return op == Op::Eq || op == Op::Neq || op == Op::Exists || op == Op::In || op == Op::NotIn
            || op == Op::Like;
    case FieldType::Enum:
        return op == Op::Eq || op == Op::Neq || op == Op::Exists || op == Op::In || op == Op::Like;
    case FieldType::Integer:
    case FieldType::DateTime:
        return op != Op::NotIn && op != Op::Like;
    default:
        return false; // plain values only
    }
}

std::optional<QueryError> parseConditions(const QJsonObject &filter,
    const std::vector<FieldSpec> &fields, GatewayVersion version, std::vector<Condition> *out)
{
    static const std::array<std::pair<const char *, Op>, 10> ops {
        {{"$eq", Op::Eq}, {"$neq", Op::Neq}, {"$exists", Op::Exists}, {"$in", Op::In},
            {"$notIn", Op::NotIn}, {"$like", Op::Like}, {"$gt", Op::Gt}, {"$gte", Op::Gte},
            {"$lt", Op::Lt}, {"$lte", Op::Lte}}};
    for (auto it = filter.constBegin(); it != filter.constEnd(); ++it) {
        const QString path = QStringLiteral("filter.") + it.key();
        const auto field = std::find_if(fields.begin(), fields.end(), [&](const FieldSpec &f) {
            return f.filterable && f.availableIn(version) && it.key() == QLatin1String(f.name);
        });
        if (field == fields.end())
            return unparsable(path);
        if (it.value().isNull())
            continue;
        const FieldType type = effectiveType(*field, version);
        if (!it.value().isObject()) {
            Condition c {field->id, Op::Eq, {}, true, {}};
            Value v;
            if (!parseValue(*field, type, it.value(), &v))
                return unparsable(path);
            c.operands.push_back(v);
            out->push_back(std::move(c));
            continue;
        }
        const QJsonObject advanced = it.value().toObject();
        if (type == FieldType::Boolean || type == FieldType::PlainKey
            || type == FieldType::PlainEnum || type == FieldType::PlainString)
            return unparsable(path);
        for (auto a = advanced.constBegin(); a != advanced.constEnd(); ++a) {
            const auto op = std::find_if(ops.begin(), ops.end(),
                [&](const auto &p) { return a.key() == QLatin1String(p.first); });
            const QString opPath = path + QLatin1Char('.') + a.key();
            if (op == ops.end() || !accepts(type, op->second))
                return unparsable(opPath);
            Condition c {field->id, op->second, {}, true, {}};
            if (c.op == Op::Exists) {
                if (!a.value().isBool())
                    return unparsable(opPath);
                c.exists = a.value().toBool();
            } else if (c.op == Op::In || c.op == Op::NotIn) {
                if (!a.value().isArray())
                    return unparsable(opPath);
                for (const QJsonValue &item : a.value().toArray()) {
                    Value v;
                    if (!parseValue(*field, type, item, &v))
                        return unparsable(opPath);
                    c.operands.push_back(v);
                }
            } else if (c.op == Op::Like) {
                if (!a.value().isString())
                    return unparsable(opPath);
                c.like = likePattern(a.value().toString());
            } else {
                Value v;
                if (!parseValue(*field, type, a.value(), &v))
                    return unparsable(opPath);
                c.operands.push_back(v);
            }
            out->push_back(std::move(c));
        }
    }
    return std::nullopt;
}

std::optional<QueryError> parseSort(const QJsonValue &sortValue,
    const std::vector<FieldSpec> &fields, GatewayVersion version, SearchQuery *out)
{
    if (sortValue.isUndefined() || sortValue.isNull())
        return std::nullopt;
    if (!sortValue.isArray())
        return unparsable(QStringLiteral("sort"));
    // 8.10's strict contracts answer a bad enum value as INVALID_ARGUMENT, older ones as the
    // framework's Bad Request.
    const QString enumTitle = version >= GatewayVersion::V8_10 ? InvalidArgument : BadRequest;
    for (const QJsonValue &entry : sortValue.toArray()) {
        if (!entry.isObject())
            return unparsable(QStringLiteral("sort"));
        const QJsonObject s = entry.toObject();
        for (auto it = s.constBegin(); it != s.constEnd(); ++it) {
            if (it.key() != QLatin1String("field") && it.key() != QLatin1String("order"))
                return unparsable(QStringLiteral("sort.") + it.key());
        }
        if (!s.value(QLatin1String("field")).isString())
            return QueryError {InvalidArgument, QStringLiteral("Sort field must not be null.")};
        const QString name = s.value(QLatin1String("field")).toString();
        const auto field = std::find_if(fields.begin(), fields.end(), [&](const FieldSpec &f) {
            return f.sortable && f.availableIn(version) && name == QLatin1String(f.name);
        });
        if (field == fields.end()) {
            QStringList names;
            for (const FieldSpec &f : fields) {
                if (f.sortable && f.availableIn(version))
                    names.append(QLatin1String(f.name));
            }
            return QueryError {enumTitle,
                QStringLiteral("Unexpected value '%1' for enum field 'field'. Use any of the "
                               "following values: [%2]")
                    .arg(name, names.join(QLatin1String(", ")))};
        }
        const QString order = s.value(QLatin1String("order")).toString(QStringLiteral("ASC"));
        const bool desc = order.compare(QLatin1String("DESC"), Qt::CaseInsensitive) == 0;
        if (!desc && order.compare(QLatin1String("ASC"), Qt::CaseInsensitive) != 0)
            return QueryError {enumTitle,
                QStringLiteral("Unexpected value '%1' for enum field 'order'. Use any of the "
                               "following values: [ASC, DESC]")
                    .arg(order)};
        out->sort.emplace_back(field->id, desc);
    }
    return std::nullopt;
}

std::optional<QJsonArray> cursorArray(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const QByteArray text = value.toString().toLatin1();
    const auto decoded
        = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
    if (!doc.isArray() || doc.array().isEmpty())
        return std::nullopt;
    return doc.array();
}

std::optional<QueryError> parsePage(const QJsonValue &pageValue, SearchQuery *out)
{
    if (pageValue.isUndefined() || pageValue.isNull())
        return std::nullopt;
    if (!pageValue.isObject())
        return unparsable(QStringLiteral("page"));
    const QJsonObject page = pageValue.toObject();
    for (auto it = page.constBegin(); it != page.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("from") && isInteger(v) && v.toDouble() >= 0) {
            out->from = qint64(v.toDouble());
        } else if (key == QLatin1String("limit") && isInteger(v) && v.toDouble() >= 1) {
            out->limit = std::min<qint64>(qint64(v.toDouble()), 10000);
        } else if (key == QLatin1String("after") && cursorArray(v)) {
            out->after = cursorArray(v);
        } else if (key == QLatin1String("before") && cursorArray(v)) {
            out->before = cursorArray(v);
        } else {
            return unparsable(QStringLiteral("page.") + key);
        }
    }
    if (out->after && out->before)
        return QueryError {InvalidArgument,
            QStringLiteral("Both after and before cannot be set at the same time.")};
    if ((out->after || out->before) && page.contains(QLatin1String("from")))
        return QueryError {InvalidArgument,
            QStringLiteral("Both after/before and from cannot be set at the same time.")};
    return std::nullopt;
}

} // namespace

int compare(const Value &a, const Value &b)
{
    if (a.null || b.null)
        return int(a.null) - int(b.null); // nulls last
    if (a.isText)
        return a.text.compare(b.text);
    return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
}

bool matches(const Condition &c, const Value &v)
{
    switch (c.op) {
    case Op::Exists:
        return c.exists != v.null;
    case Op::Like:
        return !v.null && c.like.match(v.text).hasMatch();
    case Op::In:
    case Op::NotIn: {
        const bool found = !v.null
            && std::any_of(c.operands.begin(), c.operands.end(),
                [&](const Value &o) { return compare(o, v) == 0; });
        return c.op == Op::In ? found : !found;
    }
    default:
        break;
    }
    if (v.null)
        return c.op == Op::Neq;
    const int cmp = compare(v, c.operands.front());
    switch (c.op) {
    case Op::Eq:
        return cmp == 0;
    case Op::Neq:
        return cmp != 0;
    case Op::Gt:
        return cmp > 0;
    case Op::Gte:
        return cmp >= 0;
    case Op::Lt:
        return cmp < 0;
    case Op::Lte:
        return cmp <= 0;
    default:
        return false;
    }
}

std::optional<QueryError> parseQuery(const QJsonObject &body, const std::vector<FieldSpec> &fields,
    GatewayVersion version, SearchQuery *out)
{
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (it.key() != QLatin1String("filter") && it.key() != QLatin1String("sort")
            && it.key() != QLatin1String("page"))
            return unparsable(it.key());
    }
    const QJsonValue filter = body.value(QLatin1String("filter"));
    if (!filter.isUndefined() && !filter.isNull()) {
        if (!filter.isObject())
            return unparsable(QStringLiteral("filter"));
        if (auto e = parseConditions(filter.toObject(), fields, version, &out->conditions))
            return e;
    }
    if (auto e = parseSort(body.value(QLatin1String("sort")), fields, version, out))
        return e;
    if (auto e = parsePage(body.value(QLatin1String("page")), out))
        return e;
    const auto sortCount = out->sort.size();
    for (const auto *cursor : {&out->after, &out->before}) {
        std::vector<Value> values;
        qint64 key = 0;
        if (*cursor && !SearchDetail::decodeCursor(**cursor, sortCount, &values, &key))
            return unparsable(cursor == &out->after ? QStringLiteral("page.after")
                                                    : QStringLiteral("page.before"));
    }
    return std::nullopt;
}

QString encodeCursor(const std::vector<Value> &sortValues, qint64 key)
{
    QJsonArray array;
    for (const Value &v : sortValues) {
        if (v.null)
            array.append(QJsonValue());
        else if (v.isText)
            array.append(QString(QLatin1Char('t') + v.text));
        else
            array.append(QString(QLatin1Char('n') + QString::number(v.number)));
    }
    array.append(QString(QLatin1Char('k') + QString::number(key)));
    return QString::fromLatin1(QJsonDocument(array).toJson(QJsonDocument::Compact).toBase64());
}

bool SearchDetail::decodeCursor(
    const QJsonArray &cursor, std::size_t sortCount, std::vector<Value> *values, qint64 *key)
{
    if (std::size_t(cursor.size()) != sortCount + 1)
        return false;
    values->clear();
    for (int i = 0; i < cursor.size(); ++i) {
        const QJsonValue v = cursor.at(i);
        const bool last = i + 1 == cursor.size();
        if (v.isNull() && !last) {
            values->push_back(Value());
            continue;
        }
        const QString s = v.toString();
        if (s.isEmpty())
            return false;
        bool ok = true;
        if (last) {
            *key = s.mid(1).toLongLong(&ok);
            if (!ok || s.at(0) != QLatin1Char('k'))
                return false;
        } else if (s.at(0) == QLatin1Char('t')) {
            values->push_back(Value::str(s.mid(1)));
        } else if (s.at(0) == QLatin1Char('n')) {
            values->push_back(Value::num(s.mid(1).toLongLong(&ok)));
            if (!ok)
                return false;
        } else {
            return false;
        }
    }
    return true;
}

QJsonObject pageObject(qint64 total, const QJsonValue &startCursor, const QJsonValue &endCursor)
{
    // Secondary storage counts exactly up to 10,000 hits and says when there are more.
    constexpr qint64 Cap = 10000;
    return QJsonObject {{QStringLiteral("totalItems"), std::min(total, Cap)},
        {QStringLiteral("hasMoreTotalItems"), total > Cap},
        {QStringLiteral("startCursor"), startCursor}, {QStringLiteral("endCursor"), endCursor}};
}

} // namespace JobDesk::Sandbox
