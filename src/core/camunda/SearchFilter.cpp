// SPDX-License-Identifier: GPL-3.0-or-later
// The search filters: one table of fields per target, from the spec (stable-8.8, 8.9, v2).
#include "core/camunda/CompletionRequest.h"
#include "core/camunda/RequestText.h"
#include "core/camunda/Searches.h"

#include <optional>

namespace JobDesk {

namespace {

enum class FieldType {
    String, ///< StringFilterProperty: exact, $eq, $neq, $exists, $in, $notIn, $like
    BasicString, ///< BasicStringFilterProperty: as String without $like
    PlainString, ///< a plain value, no operators
    Key, ///< a 64-bit key, written as a string: exact, $eq, $neq, $exists, $in, $notIn
    Integer, ///< int32: exact, $eq, $neq, $exists, $gt, $gte, $lt, $lte, $in
    DateTime, ///< RFC 3339: as Integer
    Enum, ///< one of the listed values: exact, $eq, $neq, $exists, $in, $like
    Boolean, ///< true or false, no operators
};

struct Field
{
    QString name;
    FieldType type;
    std::optional<ApiFeature> feature = std::nullopt; ///< when newer than the search itself
    QStringList values = {}; ///< Enum only
};

const QStringList kJobKinds {QStringLiteral("BPMN_ELEMENT"), QStringLiteral("EXECUTION_LISTENER"),
    QStringLiteral("TASK_LISTENER"), QStringLiteral("AD_HOC_SUB_PROCESS")};
const QStringList kJobStates {QStringLiteral("CANCELED"), QStringLiteral("COMPLETED"),
    QStringLiteral("CREATED"), QStringLiteral("ERROR_THROWN"), QStringLiteral("FAILED"),
    QStringLiteral("MIGRATED"), QStringLiteral("PRIORITY_UPDATED"),
    QStringLiteral("RETRIES_UPDATED"), QStringLiteral("TIMEOUT_UPDATED"),
    QStringLiteral("TIMED_OUT")};
const QStringList kListenerEvents {QStringLiteral("ASSIGNING"), QStringLiteral("BEFORE_ALL"),
    QStringLiteral("CANCEL"), QStringLiteral("CANCELING"), QStringLiteral("COMPLETING"),
    QStringLiteral("CREATING"), QStringLiteral("END"), QStringLiteral("START"),
    QStringLiteral("UNSPECIFIED"), QStringLiteral("UPDATING")};
const QStringList kIncidentErrorTypes {QStringLiteral("AD_HOC_SUB_PROCESS_NO_RETRIES"),
    QStringLiteral("CALLED_DECISION_ERROR"), QStringLiteral("CALLED_ELEMENT_ERROR"),
    QStringLiteral("CONDITION_ERROR"), QStringLiteral("DECISION_EVALUATION_ERROR"),
    QStringLiteral("EXECUTION_LISTENER_NO_RETRIES"), QStringLiteral("EXTRACT_VALUE_ERROR"),
    QStringLiteral("FORM_NOT_FOUND"), QStringLiteral("IO_MAPPING_ERROR"),
    QStringLiteral("JOB_NO_RETRIES"), QStringLiteral("MESSAGE_SIZE_EXCEEDED"),
    QStringLiteral("RESOURCE_NOT_FOUND"), QStringLiteral("SECRET_RESOLUTION_ERROR"),
    QStringLiteral("TASK_LISTENER_NO_RETRIES"), QStringLiteral("UNHANDLED_ERROR_EVENT"),
    QStringLiteral("UNKNOWN"), QStringLiteral("UNSPECIFIED")};
const QStringList kIncidentStates {QStringLiteral("ACTIVE"), QStringLiteral("MIGRATED"),
    QStringLiteral("PENDING"), QStringLiteral("RESOLVED"), QStringLiteral("UNKNOWN")};
const QStringList kItemStates {QStringLiteral("ACTIVE"), QStringLiteral("COMPLETED"),
    QStringLiteral("SKIPPED"), QStringLiteral("CANCELED"), QStringLiteral("FAILED")};
const QStringList kBatchTypes {QStringLiteral("ADD_VARIABLE"),
    QStringLiteral("CANCEL_PROCESS_INSTANCE"), QStringLiteral("DELETE_DECISION_DEFINITION"),
    QStringLiteral("DELETE_DECISION_INSTANCE"), QStringLiteral("DELETE_PROCESS_DEFINITION"),
    QStringLiteral("DELETE_PROCESS_INSTANCE"), QStringLiteral("MIGRATE_PROCESS_INSTANCE"),
    QStringLiteral("MODIFY_PROCESS_INSTANCE"), QStringLiteral("RESOLVE_INCIDENT"),
    QStringLiteral("RESUME_PROCESS_INSTANCE"), QStringLiteral("SUSPEND_PROCESS_INSTANCE"),
    QStringLiteral("UPDATE_JOB"), QStringLiteral("UPDATE_VARIABLE")};
const QStringList kInstanceStates {QStringLiteral("ACTIVE"), QStringLiteral("COMPLETED"),
    QStringLiteral("SUSPENDED"), QStringLiteral("TERMINATED")};
const QStringList kElementStates {
    QStringLiteral("ACTIVE"), QStringLiteral("COMPLETED"), QStringLiteral("TERMINATED")};

QList<Field> makeFields(SearchTarget target)
{
    using T = FieldType;
    switch (target) {
    case SearchTarget::Jobs:
        return {{QStringLiteral("deadline"), T::DateTime},
            {QStringLiteral("deniedReason"), T::String}, {QStringLiteral("elementId"), T::String},
            {QStringLiteral("elementInstanceKey"), T::Key},
            {QStringLiteral("endTime"), T::DateTime}, {QStringLiteral("errorCode"), T::String},
            {QStringLiteral("errorMessage"), T::String},
            {QStringLiteral("hasFailedWithRetriesLeft"), T::Boolean},
            {QStringLiteral("isDenied"), T::Boolean}, {QStringLiteral("jobKey"), T::Key},
            {QStringLiteral("kind"), T::Enum, std::nullopt, kJobKinds},
            {QStringLiteral("listenerEventType"), T::Enum, std::nullopt, kListenerEvents},
            {QStringLiteral("processDefinitionId"), T::String},
            {QStringLiteral("processDefinitionKey"), T::Key},
            {QStringLiteral("processInstanceKey"), T::Key}, {QStringLiteral("retries"), T::Integer},
            {QStringLiteral("state"), T::Enum, std::nullopt, kJobStates},
            {QStringLiteral("tenantId"), T::String}, {QStringLiteral("type"), T::String},
            {QStringLiteral("worker"), T::String},
            {QStringLiteral("creationTime"), T::DateTime, ApiFeature::JobSearchTimes},
            {QStringLiteral("lastUpdateTime"), T::DateTime, ApiFeature::JobSearchTimes},
            {QStringLiteral("priority"), T::Integer, ApiFeature::JobPriority}};
    case SearchTarget::Incidents:
        return {{QStringLiteral("processDefinitionId"), T::String},
            {QStringLiteral("errorType"), T::Enum, std::nullopt, kIncidentErrorTypes},
            {QStringLiteral("errorMessage"), T::String}, {QStringLiteral("elementId"), T::String},
            {QStringLiteral("creationTime"), T::DateTime},
            {QStringLiteral("state"), T::Enum, std::nullopt, kIncidentStates},
            {QStringLiteral("tenantId"), T::String}, {QStringLiteral("incidentKey"), T::Key},
            {QStringLiteral("processDefinitionKey"), T::Key},
            {QStringLiteral("processInstanceKey"), T::Key},
            {QStringLiteral("elementInstanceKey"), T::Key}, {QStringLiteral("jobKey"), T::Key}};
    case SearchTarget::Variables:
        return {{QStringLiteral("name"), T::String}, {QStringLiteral("value"), T::String},
            {QStringLiteral("tenantId"), T::PlainString},
            {QStringLiteral("isTruncated"), T::Boolean}, {QStringLiteral("variableKey"), T::Key},
            {QStringLiteral("scopeKey"), T::Key}, {QStringLiteral("processInstanceKey"), T::Key}};
    case SearchTarget::BatchOperationItems:
        return {{QStringLiteral("batchOperationKey"), T::BasicString},
            {QStringLiteral("itemKey"), T::BasicString},
            {QStringLiteral("processInstanceKey"), T::Key},
            {QStringLiteral("state"), T::Enum, std::nullopt, kItemStates},
            {QStringLiteral("operationType"), T::Enum, ApiFeature::BatchOperationItemTypeFilter,
                kBatchTypes}};
    case SearchTarget::ProcessInstances:
        return {{QStringLiteral("processInstanceKey"), T::Key},
            {QStringLiteral("processDefinitionId"), T::String},
            {QStringLiteral("processDefinitionName"), T::String},
            {QStringLiteral("processDefinitionVersion"), T::Integer},
            {QStringLiteral("processDefinitionVersionTag"), T::String},
            {QStringLiteral("processDefinitionKey"), T::Key},
            {QStringLiteral("parentProcessInstanceKey"), T::Key},
            {QStringLiteral("parentElementInstanceKey"), T::Key},
            {QStringLiteral("startDate"), T::DateTime}, {QStringLiteral("endDate"), T::DateTime},
            {QStringLiteral("state"), T::Enum, std::nullopt, kInstanceStates},
            {QStringLiteral("hasIncident"), T::Boolean}, {QStringLiteral("tenantId"), T::String},
            {QStringLiteral("errorMessage"), T::String},
            {QStringLiteral("hasRetriesLeft"), T::Boolean},
            {QStringLiteral("elementInstanceState"), T::Enum, std::nullopt, kElementStates},
            {QStringLiteral("elementId"), T::String},
            {QStringLiteral("hasElementInstanceIncident"), T::Boolean},
            {QStringLiteral("incidentErrorHashCode"), T::Integer},
            {QStringLiteral("batchOperationId"), T::String},
            {QStringLiteral("businessId"), T::String, ApiFeature::ProcessInstanceBusinessIdFilter}};
    }
    return {};
}

const QList<Field> &fieldsOf(SearchTarget target)
{
    static const QList<Field> tables[] = {makeFields(SearchTarget::Jobs),
        makeFields(SearchTarget::Incidents), makeFields(SearchTarget::Variables),
        makeFields(SearchTarget::BatchOperationItems), makeFields(SearchTarget::ProcessInstances)};
    return tables[static_cast<int>(target)];
}

const Field *findField(SearchTarget target, const QString &name)
{
    for (const Field &f : fieldsOf(target)) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QString opName(FilterOp op)
{
    switch (op) {
    case FilterOp::Exact:
        return QString();
    case FilterOp::Eq:
        return QStringLiteral("$eq");
    case FilterOp::Neq:
        return QStringLiteral("$neq");
    case FilterOp::Exists:
        return QStringLiteral("$exists");
    case FilterOp::Gt:
        return QStringLiteral("$gt");
    case FilterOp::Gte:
        return QStringLiteral("$gte");
    case FilterOp::Lt:
        return QStringLiteral("$lt");
    case FilterOp::Lte:
        return QStringLiteral("$lte");
    case FilterOp::In:
        return QStringLiteral("$in");
    case FilterOp::NotIn:
        return QStringLiteral("$notIn");
    case FilterOp::Like:
        return QStringLiteral("$like");
    }
    return QString();
}

bool allows(FieldType type, FilterOp op)
{
    if (op == FilterOp::Exact)
        return true;
    switch (type) {
    case FieldType::PlainString:
    case FieldType::Boolean:
        return false;
    case FieldType::String:
        return op == FilterOp::Eq || op == FilterOp::Neq || op == FilterOp::Exists
            || op == FilterOp::In || op == FilterOp::NotIn || op == FilterOp::Like;
    case FieldType::BasicString:
    case FieldType::Key:
        return op == FilterOp::Eq || op == FilterOp::Neq || op == FilterOp::Exists
            || op == FilterOp::In || op == FilterOp::NotIn;
    case FieldType::Integer:
    case FieldType::DateTime:
        return op != FilterOp::NotIn && op != FilterOp::Like;
    case FieldType::Enum:
        return op == FilterOp::Eq || op == FilterOp::Neq || op == FilterOp::Exists
            || op == FilterOp::In || op == FilterOp::Like;
    }
    return false;
}

/// Why one value does not fit the field, or empty.
QString valueError(const Field &field, const QString &value, FilterOp op)
{
    if (op == FilterOp::Like)
        return value.isEmpty() ? QStringLiteral("The filter %1 needs a pattern.").arg(field.name)
                               : QString();
    switch (field.type) {
    case FieldType::String:
    case FieldType::BasicString:
    case FieldType::PlainString:
        return QString();
    case FieldType::Key: {
        if (JobKey::parse(value).key)
            return QString();
        return QStringLiteral("The filter %1 needs a key (digits 0-9, at most "
                              "9223372036854775807); got \"%2\".")
            .arg(field.name, value);
    }
    case FieldType::Integer:
        return RequestText::wholeNumberError(
            field.name, value, -RequestText::kInt32Max - 1, RequestText::kInt32Max);
    case FieldType::DateTime:
        return isRfc3339DateTime(value)
            ? QString()
            : QStringLiteral("The filter %1 needs an RFC 3339 date-time such as "
                             "2025-06-30T17:00:00Z; got \"%2\".")
                  .arg(field.name, value);
    case FieldType::Enum:
        return field.values.contains(value)
            ? QString()
            : QStringLiteral("The filter %1 accepts %2; got \"%3\".")
                  .arg(field.name, field.values.join(QStringLiteral(", ")), value);
    case FieldType::Boolean:
        return value == QLatin1String("true") || value == QLatin1String("false")
            ? QString()
            : QStringLiteral("The filter %1 is true or false; got \"%2\".").arg(field.name, value);
    }
    return QString();
}

QByteArray valueJson(const Field &field, const QString &value, FilterOp op)
{
    if (op == FilterOp::Like)
        return RequestText::string(value);
    switch (field.type) {
    case FieldType::Key:
        if (const auto key = JobKey::parse(value).key)
            return RequestText::string(key->toString());
        return RequestText::string(value.trimmed());
    case FieldType::Integer:
        return QByteArray::number(
            RequestText::wholeNumber(value, -RequestText::kInt32Max - 1, RequestText::kInt32Max)
                .value_or(0));
    case FieldType::Boolean:
        return value == QLatin1String("true") ? QByteArrayLiteral("true")
                                              : QByteArrayLiteral("false");
    default:
        return RequestText::string(value);
    }
}

} // namespace

SearchFilter &SearchFilter::exact(const QString &field, const QString &value)
{
    m_conditions.append({field, FilterOp::Exact, {value}});
    return *this;
}

SearchFilter &SearchFilter::where(const QString &field, FilterOp op, const QString &value)
{
    m_conditions.append({field, op, {value}});
    return *this;
}

SearchFilter &SearchFilter::in(const QString &field, const QStringList &values, FilterOp op)
{
    m_conditions.append({field, op, values});
    return *this;
}

SearchFilter &SearchFilter::exists(const QString &field, bool exists)
{
    m_conditions.append(
        {field, FilterOp::Exists, {exists ? QStringLiteral("true") : QStringLiteral("false")}});
    return *this;
}

QStringList SearchFilter::fieldNames(SearchTarget target)
{
    QStringList names;
    for (const Field &f : fieldsOf(target))
        names.append(f.name);
    return names;
}

QString SearchFilter::validationError(SearchTarget target) const
{
    for (const FilterCondition &c : m_conditions) {
        const Field *field = findField(target, c.field);
        if (!field)
            return QStringLiteral("There is no filter field \"%1\" in this search; the fields "
                                  "are %2.")
                .arg(c.field, fieldNames(target).join(QStringLiteral(", ")));
        if (!allows(field->type, c.op))
            return QStringLiteral("The filter %1 has no operator %2.").arg(c.field, opName(c.op));
        int sameField = 0;
        bool exactToo = false;
        for (const FilterCondition &other : m_conditions) {
            if (other.field != c.field)
                continue;
            ++sameField;
            exactToo = exactToo || other.op == FilterOp::Exact;
            if (&other != &c && other.op == c.op)
                return QStringLiteral("The filter %1 has %2 twice.")
                    .arg(c.field,
                        c.op == FilterOp::Exact ? QStringLiteral("a value") : opName(c.op));
        }
        if (exactToo && sameField > 1)
            return QStringLiteral("The filter %1 has an exact value and operators: use $eq "
                                  "together with the other operators.")
                .arg(c.field);
        const bool list = c.op == FilterOp::In || c.op == FilterOp::NotIn;
        if (list && c.values.isEmpty())
            return QStringLiteral("The filter %1 %2 needs at least one value.")
                .arg(c.field, opName(c.op));
        if (!list && c.values.size() != 1)
            return QStringLiteral("The filter %1 needs exactly one value.").arg(c.field);
        if (c.op == FilterOp::Exists) {
            if (c.values.front() != QLatin1String("true")
                && c.values.front() != QLatin1String("false"))
                return QStringLiteral("The filter %1 $exists is true or false.").arg(c.field);
            continue;
        }
        for (const QString &value : c.values) {
            if (const QString error = valueError(*field, value, c.op); !error.isEmpty())
                return error;
        }
    }
    return QString();
}

QByteArray SearchFilter::json(SearchTarget target) const
{
    QByteArray out("{");
    QStringList written;
    for (const FilterCondition &c : m_conditions) {
        if (written.contains(c.field))
            continue;
        written.append(c.field);
        const Field *field = findField(target, c.field);
        if (!field)
            continue; // validationError() names it; nothing unknown is sent
        if (c.op == FilterOp::Exact) {
            RequestText::member(out, c.field, valueJson(*field, c.values.value(0), c.op));
            continue;
        }
        QByteArray ops("{");
        for (const FilterCondition &same : m_conditions) {
            if (same.field != c.field)
                continue;
            QByteArray value;
            if (same.op == FilterOp::In || same.op == FilterOp::NotIn) {
                value = "[";
                for (qsizetype i = 0; i < same.values.size(); ++i) {
                    if (i > 0)
                        value += ',';
                    value += valueJson(*field, same.values[i], same.op);
                }
                value += ']';
            } else if (same.op == FilterOp::Exists) {
                value = same.values.value(0) == QLatin1String("false") ? "false" : "true";
            } else {
                value = valueJson(*field, same.values.value(0), same.op);
            }
            RequestText::member(ops, opName(same.op), value);
        }
        ops += '}';
        RequestText::member(out, c.field, ops);
    }
    out += '}';
    return out;
}

QList<ApiFeature> SearchFilter::features(SearchTarget target) const
{
    QList<ApiFeature> list;
    for (const FilterCondition &c : m_conditions) {
        const Field *field = findField(target, c.field);
        if (!field)
            continue;
        if (field->feature && !list.contains(*field->feature))
            list.append(*field->feature);
        // 8.8's incident filter takes plain values only (its creationTime excepted).
        if (target == SearchTarget::Incidents && c.op != FilterOp::Exact
            && field->type != FieldType::DateTime
            && !list.contains(ApiFeature::IncidentAdvancedFilter))
            list.append(ApiFeature::IncidentAdvancedFilter);
    }
    return list;
}

} // namespace JobDesk
