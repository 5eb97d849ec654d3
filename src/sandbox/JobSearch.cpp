// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/JobSearch.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <functional>
#include <vector>

namespace JobDesk::Sandbox {

namespace {

enum class FieldType { Key, String, Enum, Integer, Boolean, DateTime };

struct Field
{
    const char *name;
    FieldType type;
    bool sortable;
};

constexpr std::array<Field, 20> Fields {{
    {"deadline", FieldType::DateTime, true},
    {"deniedReason", FieldType::String, true},
    {"elementId", FieldType::String, true},
    {"elementInstanceKey", FieldType::Key, true},
    {"endTime", FieldType::DateTime, true},
    {"errorCode", FieldType::String, true},
    {"errorMessage", FieldType::String, true},
    {"hasFailedWithRetriesLeft", FieldType::Boolean, false},
    {"isDenied", FieldType::Boolean, true},
    {"jobKey", FieldType::Key, true},
    {"kind", FieldType::Enum, true},
    {"listenerEventType", FieldType::Enum, true},
    {"processDefinitionId", FieldType::String, true},
    {"processDefinitionKey", FieldType::Key, true},
    {"processInstanceKey", FieldType::Key, true},
    {"retries", FieldType::Integer, true},
    {"state", FieldType::Enum, true},
    {"tenantId", FieldType::String, true},
    {"type", FieldType::String, true},
    {"worker", FieldType::String, true},
}};

const Field *fieldByName(const QString &name)
{
    for (const Field &f : Fields) {
        if (name == QLatin1String(f.name))
            return &f;
    }
    return nullptr;
}

/// A field's value for one job: null, a number (keys, retries, times, booleans) or text.
struct Value
{
    bool null = true;
    qint64 number = 0;
    QString text;
    bool isText = false;

    static Value num(qint64 n) { return Value {false, n, QString(), false}; }
    static Value str(const QString &s) { return Value {false, 0, s, true}; }
};

int compare(const Value &a, const Value &b)
{
    if (a.null || b.null)
        return int(a.null) - int(b.null); // nulls last
    if (a.isText)
        return a.text.compare(b.text);
    return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
}

Value valueOf(const JobStore &store, const Job &job, const QString &field)
{
    const JobExtra *extra = store.extra(job);
    const auto optionalText
        = [](const QString &s) { return s.isEmpty() ? Value() : Value::str(s); };
    if (field == QLatin1String("jobKey"))
        return Value::num(job.key);
    if (field == QLatin1String("type"))
        return Value::str(store.string(job.type));
    if (field == QLatin1String("state"))
        return Value::str(jobStateName(job.state));
    if (field == QLatin1String("kind"))
        return Value::str(jobKindName(job.kind));
    if (field == QLatin1String("listenerEventType"))
        return Value::str(listenerEventTypeName(job.listenerEventType));
    if (field == QLatin1String("processInstanceKey"))
        return Value::num(job.processInstanceKey);
    if (field == QLatin1String("processDefinitionKey"))
        return Value::num(job.processDefinitionKey);
    if (field == QLatin1String("elementInstanceKey"))
        return Value::num(job.elementInstanceKey);
    if (field == QLatin1String("elementId"))
        return Value::str(store.string(job.elementId));
    if (field == QLatin1String("processDefinitionId"))
        return Value::str(store.string(job.processDefinitionId));
    if (field == QLatin1String("worker"))
        return Value::str(store.string(job.worker));
    if (field == QLatin1String("tenantId"))
        return Value::str(store.string(job.tenantId));
    if (field == QLatin1String("retries"))
        return Value::num(job.retries);
    if (field == QLatin1String("hasFailedWithRetriesLeft"))
        return Value::num(job.hasFailedWithRetriesLeft ? 1 : 0);
    if (field == QLatin1String("deadline"))
        return job.deadlineMs ? Value::num(job.deadlineMs) : Value();
    if (field == QLatin1String("endTime"))
        return job.endTimeMs ? Value::num(job.endTimeMs) : Value();
    if (field == QLatin1String("errorMessage"))
        return extra ? optionalText(extra->errorMessage) : Value();
    if (field == QLatin1String("errorCode"))
        return extra ? optionalText(extra->errorCode) : Value();
    if (field == QLatin1String("deniedReason"))
        return extra ? optionalText(extra->deniedReason) : Value();
    if (field == QLatin1String("isDenied"))
        return extra && extra->isDenied ? Value::num(*extra->isDenied ? 1 : 0) : Value();
    return Value();
}

enum class Op { Eq, Neq, Exists, In, NotIn, Like, Gt, Gte, Lt, Lte };

struct Condition
{
    QString field;
    Op op = Op::Eq;
    std::vector<Value> operands;
    bool exists = true;
    QRegularExpression like;
};

struct ParseError
{
    QString detail;
};

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

bool parseValue(const Field &field, const QJsonValue &json, Value *out)
{
    switch (field.type) {
    case FieldType::Key: {
        if (!json.isString())
            return false;
        bool ok = false;
        const qint64 n = json.toString().toLongLong(&ok);
        *out = Value::num(n);
        return ok;
    }
    case FieldType::String:
        if (!json.isString())
            return false;
        *out = Value::str(json.toString());
        return true;
    case FieldType::Enum: {
        if (!json.isString())
            return false;
        const QString name = json.toString();
        const QString f = QLatin1String(field.name);
        const bool known = f == QLatin1String("state") ? jobStateFromName(name).has_value()
            : f == QLatin1String("kind")               ? jobKindFromName(name).has_value()
                                         : listenerEventTypeFromName(name).has_value();
        *out = Value::str(name);
        return known;
    }
    case FieldType::Integer:
        if (!json.isDouble() || json.toDouble() != double(qint64(json.toDouble())))
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

bool parseConditions(
    const QJsonObject &filter, std::vector<Condition> *conditions, ParseError *error)
{
    for (auto it = filter.constBegin(); it != filter.constEnd(); ++it) {
        const Field *field = fieldByName(it.key());
        const QString path = QStringLiteral("filter.") + it.key();
        const auto bad = [&](const QString &where) {
            error->detail = QStringLiteral("Request property [%1] cannot be parsed").arg(where);
            return false;
        };
        if (!field)
            return bad(path);
        if (it.value().isNull())
            continue;
        if (!it.value().isObject()) {
            Condition c {it.key(), Op::Eq, {}, true, {}};
            Value v;
            if (!parseValue(*field, it.value(), &v))
                return bad(path);
            c.operands.push_back(v);
            conditions->push_back(std::move(c));
            continue;
        }
        const QJsonObject advanced = it.value().toObject();
        for (auto a = advanced.constBegin(); a != advanced.constEnd(); ++a) {
            static const std::array<std::pair<const char *, Op>, 10> ops {
                {{"$eq", Op::Eq}, {"$neq", Op::Neq}, {"$exists", Op::Exists}, {"$in", Op::In},
                    {"$notIn", Op::NotIn}, {"$like", Op::Like}, {"$gt", Op::Gt}, {"$gte", Op::Gte},
                    {"$lt", Op::Lt}, {"$lte", Op::Lte}}};
            const auto op = std::find_if(ops.begin(), ops.end(),
                [&](const auto &p) { return a.key() == QLatin1String(p.first); });
            const QString opPath = path + QLatin1Char('.') + a.key();
            if (op == ops.end())
                return bad(opPath);
            Condition c {it.key(), op->second, {}, true, {}};
            if (c.op == Op::Exists) {
                if (!a.value().isBool())
                    return bad(opPath);
                c.exists = a.value().toBool();
            } else if (c.op == Op::In || c.op == Op::NotIn) {
                if (!a.value().isArray())
                    return bad(opPath);
                for (const QJsonValue &item : a.value().toArray()) {
                    Value v;
                    if (!parseValue(*field, item, &v))
                        return bad(opPath);
                    c.operands.push_back(v);
                }
            } else if (c.op == Op::Like) {
                if (!a.value().isString() || field->type == FieldType::Key
                    || field->type == FieldType::Integer)
                    return bad(opPath);
                c.like = likePattern(a.value().toString());
            } else {
                const bool ordered
                    = c.op == Op::Gt || c.op == Op::Gte || c.op == Op::Lt || c.op == Op::Lte;
                if (ordered && field->type != FieldType::Integer
                    && field->type != FieldType::DateTime)
                    return bad(opPath);
                Value v;
                if (!parseValue(*field, a.value(), &v))
                    return bad(opPath);
                c.operands.push_back(v);
            }
            conditions->push_back(std::move(c));
        }
    }
    return true;
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

QString encodeCursor(qint64 offset)
{
    const QByteArray json = QJsonDocument(
        QJsonObject {{QStringLiteral("offset"),
            offset}}).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(json.toBase64());
}

std::optional<qint64> decodeCursor(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray::fromBase64(value.toString().toLatin1()));
    const QJsonValue offset = doc.object().value(QLatin1String("offset"));
    if (!offset.isDouble() || offset.toDouble() < 0)
        return std::nullopt;
    return qint64(offset.toDouble());
}

} // namespace

SearchResult searchJobs(const JobStore &store, const QJsonObject &query)
{
    SearchResult result;
    const auto bad = [&](const QString &detail) {
        result.errorTitle = QStringLiteral("Bad Request");
        result.errorDetail = detail;
        return result;
    };
    const auto unparsable = [&](const QString &property) {
        return bad(QStringLiteral("Request property [%1] cannot be parsed").arg(property));
    };
    for (auto it = query.constBegin(); it != query.constEnd(); ++it) {
        if (it.key() != QLatin1String("filter") && it.key() != QLatin1String("sort")
            && it.key() != QLatin1String("page"))
            return unparsable(it.key());
    }

    std::vector<Condition> conditions;
    const QJsonValue filter = query.value(QLatin1String("filter"));
    if (!filter.isUndefined() && !filter.isNull()) {
        if (!filter.isObject())
            return unparsable(QStringLiteral("filter"));
        ParseError error;
        if (!parseConditions(filter.toObject(), &conditions, &error))
            return bad(error.detail);
    }

    std::vector<std::pair<QString, bool>> sort; // field, descending
    const QJsonValue sortValue = query.value(QLatin1String("sort"));
    if (!sortValue.isUndefined() && !sortValue.isNull()) {
        if (!sortValue.isArray())
            return unparsable(QStringLiteral("sort"));
        for (const QJsonValue &entry : sortValue.toArray()) {
            const QJsonObject s = entry.toObject();
            const QString field = s.value(QLatin1String("field")).toString();
            const Field *f = fieldByName(field);
            if (!f || !f->sortable) {
                QStringList names;
                for (const Field &candidate : Fields) {
                    if (candidate.sortable)
                        names.append(QLatin1String(candidate.name));
                }
                return bad(
                    QStringLiteral("Unexpected value '%1' for enum field 'field'. Use any of "
                                   "the following values: [%2]")
                        .arg(field, names.join(QLatin1String(", "))));
            }
            const QString order = s.value(QLatin1String("order")).toString(QStringLiteral("ASC"));
            if (order.compare(QLatin1String("ASC"), Qt::CaseInsensitive) != 0
                && order.compare(QLatin1String("DESC"), Qt::CaseInsensitive) != 0)
                return bad(
                    QStringLiteral("Unexpected value '%1' for enum field 'order'. Use any of "
                                   "the following values: [ASC, DESC]")
                        .arg(order));
            sort.emplace_back(
                field, order.compare(QLatin1String("DESC"), Qt::CaseInsensitive) == 0);
        }
    }

    qint64 from = 0;
    qint64 limit = 100;
    std::optional<qint64> before;
    const QJsonValue pageValue = query.value(QLatin1String("page"));
    if (!pageValue.isUndefined() && !pageValue.isNull()) {
        if (!pageValue.isObject())
            return unparsable(QStringLiteral("page"));
        const QJsonObject page = pageValue.toObject();
        for (auto it = page.constBegin(); it != page.constEnd(); ++it) {
            const QString key = it.key();
            const QJsonValue v = it.value();
            const bool integral = v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
            if (key == QLatin1String("from") && integral && v.toDouble() >= 0) {
                from = qint64(v.toDouble());
            } else if (key == QLatin1String("limit") && integral && v.toDouble() >= 1) {
                limit = std::min<qint64>(qint64(v.toDouble()), 10000);
            } else if (key == QLatin1String("after") && decodeCursor(v)) {
                from = *decodeCursor(v);
            } else if (key == QLatin1String("before") && decodeCursor(v)) {
                before = decodeCursor(v);
            } else {
                return unparsable(QStringLiteral("page.") + key);
            }
        }
        if (before)
            from = std::max<qint64>(0, *before - limit);
    }

    std::vector<const Job *> hits;
    for (const Job &job : store.jobs()) {
        const bool all = std::all_of(conditions.begin(), conditions.end(),
            [&](const Condition &c) { return matches(c, valueOf(store, job, c.field)); });
        if (all)
            hits.push_back(&job);
    }
    const qint64 total = qint64(hits.size());
    const qint64 wanted = before ? std::min(*before, total) : std::min(total, from + limit);
    if (sort.empty()) {
        // Jobs are stored in key order per source; sort only what the page needs.
        const auto byKey = [](const Job *a, const Job *b) { return a->key < b->key; };
        std::partial_sort(hits.begin(), hits.begin() + wanted, hits.end(), byKey);
    } else {
        // Extract each hit's sort values once, then sort only as far as the page reaches:
        // a sorted search over a million generated jobs stays well under a second.
        struct Row
        {
            std::vector<Value> keys;
            const Job *job;
        };
        std::vector<Row> rows;
        rows.reserve(hits.size());
        for (const Job *job : hits) {
            Row row {{}, job};
            row.keys.reserve(sort.size());
            for (const auto &entry : sort)
                row.keys.push_back(valueOf(store, *job, entry.first));
            rows.push_back(std::move(row));
        }
        const auto less = [&](const Row &a, const Row &b) {
            for (std::size_t i = 0; i < sort.size(); ++i) {
                const int cmp = compare(a.keys[i], b.keys[i]);
                if (cmp != 0)
                    return sort[i].second ? cmp > 0 : cmp < 0;
            }
            return a.job->key < b.job->key;
        };
        std::partial_sort(rows.begin(), rows.begin() + wanted, rows.end(), less);
        for (qint64 i = 0; i < wanted; ++i)
            hits[std::size_t(i)] = rows[std::size_t(i)].job;
    }

    const qint64 end = wanted;
    QJsonArray items;
    for (qint64 i = from; i < end; ++i)
        items.append(jobToJson(store, *hits.at(std::size_t(i))));
    QJsonObject page {
        {QStringLiteral("totalItems"), total}, {QStringLiteral("hasMoreTotalItems"), false}};
    if (!items.isEmpty()) {
        page.insert(QStringLiteral("startCursor"), encodeCursor(from));
        page.insert(QStringLiteral("endCursor"), encodeCursor(end));
    } else {
        page.insert(QStringLiteral("startCursor"), QJsonValue());
        page.insert(QStringLiteral("endCursor"), QJsonValue());
    }
    result.body.insert(QStringLiteral("items"), items);
    result.body.insert(QStringLiteral("page"), page);
    return result;
}

} // namespace JobDesk::Sandbox
