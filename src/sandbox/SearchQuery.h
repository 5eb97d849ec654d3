// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/GatewayVersion.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace JobDesk::Sandbox {

/// How a search field is typed in the spec, which decides the filter operators it accepts.
enum class FieldType {
    Key, ///< LongKey filter: value or $eq $neq $exists $in $notIn
    String, ///< StringFilterProperty: value or $eq $neq $exists $in $notIn $like
    BasicString, ///< BasicStringFilterProperty: value or $eq $neq $exists $in $notIn
    Enum, ///< enum filter: value or $eq $neq $exists $in $like
    Integer, ///< IntegerFilterProperty: value or $eq $neq $exists $gt $gte $lt $lte $in
    DateTime, ///< DateTimeFilterProperty: value or $eq $neq $exists $gt $gte $lt $lte $in
    Boolean, ///< a plain boolean
    PlainString, ///< a plain value only (8.8's incident filter)
    PlainKey,
    PlainEnum,
};

/// One field of a search: its name, type, whether it can be filtered and sorted on, the
/// version that added it and, for enums, the accepted values.
struct FieldSpec
{
    const char *name;
    FieldType type;
    bool filterable;
    bool sortable;
    GatewayVersion since;
    int id; ///< the entity's own field number, passed back to its value function
    QStringList enumValues = {};
    /// From this version on the field takes the advanced operators (incidents: 8.9).
    std::optional<GatewayVersion> advancedSince = std::nullopt;
    /// The last version that has the field (incidents lost errorMessage as a sort field in 8.9).
    std::optional<GatewayVersion> until = std::nullopt;

    bool availableIn(GatewayVersion version) const
    {
        return version >= since && (!until || version <= *until);
    }
};

/// A field's value for one record: null, a number (keys, integers, times, booleans) or text.
struct Value
{
    bool null = true;
    qint64 number = 0;
    QString text;
    bool isText = false;

    static Value num(qint64 n) { return Value {false, n, QString(), false}; }
    static Value str(const QString &s) { return Value {false, 0, s, true}; }
    static Value optionalText(const QString &s) { return s.isEmpty() ? Value() : str(s); }
};
/// Orders values; nulls last.
int compare(const Value &a, const Value &b);

enum class Op { Eq, Neq, Exists, In, NotIn, Like, Gt, Gte, Lt, Lte };

struct Condition
{
    int field = 0;
    Op op = Op::Eq;
    std::vector<Value> operands;
    bool exists = true;
    QRegularExpression like;
};
bool matches(const Condition &condition, const Value &value);

/// A parsed search request: filter conditions, sort order, page.
struct SearchQuery
{
    std::vector<Condition> conditions;
    std::vector<std::pair<int, bool>> sort; ///< field id, descending
    qint64 from = 0;
    qint64 limit = 100;
    std::optional<QJsonArray> after; ///< decoded cursors: the boundary record's sort values
    std::optional<QJsonArray> before;
};

/// Why a request was refused: a 400 with the gateway's title and detail.
struct QueryError
{
    QString title;
    QString detail;
};

/// Parses a search request body (filter, sort, page) against the entity's fields as the given
/// version has them; unknown members are refused as the gateway refuses them.
std::optional<QueryError> parseQuery(const QJsonObject &body, const std::vector<FieldSpec> &fields,
    GatewayVersion version, SearchQuery *out);

/// Runs a parsed query over records and builds the response body ({items, page}) with
/// cursor paging (keyset cursors: stable while records change between pages) and the
/// secondary storage's cap on totalItems (10,000, then hasMoreTotalItems).
template <typename Record> struct SearchRunner
{
    std::function<Value(const Record &, int field)> valueOf;
    std::function<qint64(const Record &)> keyOf; ///< the tie-breaker (the record's key)
    std::function<QJsonObject(const Record &)> toJson;

    QJsonObject run(const SearchQuery &query, const std::vector<Record> &records) const;
};

/// The page object of a search response.
QJsonObject pageObject(qint64 total, const QJsonValue &startCursor, const QJsonValue &endCursor);
/// A keyset cursor for a record with these sort values and key.
QString encodeCursor(const std::vector<Value> &sortValues, qint64 key);

} // namespace JobDesk::Sandbox

#include "sandbox/SearchRunner.h"
