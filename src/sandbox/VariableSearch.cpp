// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/VariableSearch.h"

namespace JobDesk::Sandbox {

namespace {

enum VariableField {
    Value_,
    Name,
    TenantId,
    VariableKey,
    ScopeKey,
    ProcessInstanceKey,
    IsTruncated
};

const std::vector<FieldSpec> &variableFields()
{
    using V = GatewayVersion;
    using T = FieldType;
    // In the order of VariableSearchQuerySortRequest.
    static const std::vector<FieldSpec> fields {
        {"value", T::String, true, true, V::V8_8, Value_},
        {"name", T::String, true, true, V::V8_8, Name},
        {"tenantId", T::PlainString, true, true, V::V8_8, TenantId},
        {"variableKey", T::Key, true, true, V::V8_8, VariableKey},
        {"scopeKey", T::Key, true, true, V::V8_8, ScopeKey},
        {"processInstanceKey", T::Key, true, true, V::V8_8, ProcessInstanceKey},
        {"isTruncated", T::Boolean, true, false, V::V8_8, IsTruncated},
    };
    return fields;
}

Value variableValue(const Variable &v, int field)
{
    switch (field) {
    case Value_:
        return Value::str(QString::fromUtf8(v.value));
    case Name:
        return Value::str(v.name);
    case TenantId:
        return Value::str(v.tenantId);
    case VariableKey:
        return Value::num(v.key);
    case ScopeKey:
        return Value::num(v.scopeKey);
    case ProcessInstanceKey:
        return Value::num(v.processInstanceKey);
    case IsTruncated:
        return Value::num(QString::fromUtf8(v.value).size() > VariableSizeThreshold ? 1 : 0);
    default:
        return Value();
    }
}

QJsonObject baseJson(const Cluster &cluster, const Variable &v)
{
    return QJsonObject {{QStringLiteral("variableKey"), QString::number(v.key)},
        {QStringLiteral("name"), v.name}, {QStringLiteral("tenantId"), v.tenantId},
        {QStringLiteral("scopeKey"), QString::number(v.scopeKey)},
        {QStringLiteral("processInstanceKey"), QString::number(v.processInstanceKey)},
        {QStringLiteral("rootProcessInstanceKey"),
            cluster.atLeast(GatewayVersion::V8_9)
                ? QJsonValue(QString::number(v.processInstanceKey))
                : QJsonValue()}};
}

} // namespace

QJsonObject variableToJson(const Cluster &cluster, const Variable &variable)
{
    QJsonObject o = baseJson(cluster, variable);
    o.insert(QStringLiteral("value"), QString::fromUtf8(variable.value));
    return o;
}

SearchResult searchVariables(Cluster &cluster, const QJsonObject &body, bool truncateValues)
{
    SearchResult result;
    SearchQuery query;
    result.error = parseQuery(body, variableFields(), cluster.version(), &query);
    if (result.error)
        return result;
    std::vector<Variable> visible;
    cluster.forEachVisibleVariable([&](const Variable &v) { visible.push_back(v); });
    SearchRunner<Variable> runner;
    runner.valueOf = variableValue;
    runner.keyOf = [](const Variable &v) { return v.key; };
    runner.toJson = [&](const Variable &v) {
        QJsonObject o = baseJson(cluster, v);
        const QString text = QString::fromUtf8(v.value);
        const bool cut = truncateValues && text.size() > VariableSizeThreshold;
        o.insert(QStringLiteral("value"), cut ? text.left(VariableSizeThreshold) : text);
        o.insert(QStringLiteral("isTruncated"), cut);
        return o;
    };
    result.body = runner.run(query, visible);
    return result;
}

} // namespace JobDesk::Sandbox
