// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/JobSearch.h"

#include <algorithm>
#include <unordered_set>

namespace JobDesk::Sandbox {

namespace {

enum JobField {
    CreationTime,
    Deadline,
    DeniedReason,
    ElementId,
    ElementInstanceKey,
    EndTime,
    ErrorCode,
    ErrorMessage,
    HasFailedWithRetriesLeft,
    IsDenied,
    JobKey,
    Kind,
    LastUpdateTime,
    ListenerEventType_,
    Priority,
    ProcessDefinitionId,
    ProcessDefinitionKey,
    ProcessInstanceKey,
    Retries,
    State,
    TenantId,
    Type,
    Worker,
};

QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *n : list)
        out.append(QLatin1String(n));
    return out;
}

} // namespace

const std::vector<FieldSpec> &jobFields()
{
    using V = GatewayVersion;
    using T = FieldType;
    static const QStringList states
        = names({"CANCELED", "COMPLETED", "CREATED", "ERROR_THROWN", "FAILED", "MIGRATED",
            "PRIORITY_UPDATED", "RETRIES_UPDATED", "TIMEOUT_UPDATED", "TIMED_OUT"});
    static const QStringList kinds
        = names({"BPMN_ELEMENT", "EXECUTION_LISTENER", "TASK_LISTENER", "AD_HOC_SUB_PROCESS"});
    static const QStringList listeners = names({"ASSIGNING", "CANCELING", "COMPLETING", "CREATING",
        "END", "START", "UNSPECIFIED", "UPDATING"});
    // In the spec's (alphabetical) order, so the list in "Use any of the following values"
    // matches the server's. A field that became sortable later than filterable has two rows.
    static const std::vector<FieldSpec> fields {
        {"creationTime", T::DateTime, true, false, V::V8_9, CreationTime},
        {"creationTime", T::DateTime, false, true, V::V8_10, CreationTime},
        {"deadline", T::DateTime, true, true, V::V8_8, Deadline},
        {"deniedReason", T::String, true, true, V::V8_8, DeniedReason},
        {"elementId", T::String, true, true, V::V8_8, ElementId},
        {"elementInstanceKey", T::Key, true, true, V::V8_8, ElementInstanceKey},
        {"endTime", T::DateTime, true, true, V::V8_8, EndTime},
        {"errorCode", T::String, true, true, V::V8_8, ErrorCode},
        {"errorMessage", T::String, true, true, V::V8_8, ErrorMessage},
        {"hasFailedWithRetriesLeft", T::Boolean, true, false, V::V8_8, HasFailedWithRetriesLeft},
        {"hasFailedWithRetriesLeft", T::Boolean, false, true, V::V8_9, HasFailedWithRetriesLeft},
        {"isDenied", T::Boolean, true, true, V::V8_8, IsDenied},
        {"jobKey", T::Key, true, true, V::V8_8, JobKey},
        {"kind", T::Enum, true, true, V::V8_8, Kind, kinds},
        {"lastUpdateTime", T::DateTime, true, false, V::V8_9, LastUpdateTime},
        {"listenerEventType", T::Enum, true, true, V::V8_8, ListenerEventType_, listeners},
        {"priority", T::Integer, true, true, V::V8_10, Priority},
        {"processDefinitionId", T::String, true, true, V::V8_8, ProcessDefinitionId},
        {"processDefinitionKey", T::Key, true, true, V::V8_8, ProcessDefinitionKey},
        {"processInstanceKey", T::Key, true, true, V::V8_8, ProcessInstanceKey},
        {"retries", T::Integer, true, true, V::V8_8, Retries},
        {"state", T::Enum, true, true, V::V8_8, State, states},
        {"tenantId", T::String, true, true, V::V8_8, TenantId},
        {"type", T::String, true, true, V::V8_8, Type},
        {"worker", T::String, true, true, V::V8_8, Worker},
    };
    return fields;
}

Value jobValue(const JobStore &store, const JobRef &ref, int field)
{
    const Job &job = *ref.job;
    const JobExtra *extra = ref.extra;
    switch (field) {
    case CreationTime:
        return Value::num(job.creationTimeMs);
    case Deadline:
        return job.deadlineMs ? Value::num(job.deadlineMs) : Value();
    case DeniedReason:
        return extra ? Value::optionalText(extra->deniedReason) : Value();
    case ElementId:
        return Value::str(store.string(job.elementId));
    case ElementInstanceKey:
        return Value::num(job.elementInstanceKey);
    case EndTime:
        return job.endTimeMs ? Value::num(job.endTimeMs) : Value();
    case ErrorCode:
        return extra ? Value::optionalText(extra->errorCode) : Value();
    case ErrorMessage:
        return extra ? Value::optionalText(extra->errorMessage) : Value();
    case HasFailedWithRetriesLeft:
        return Value::num(job.hasFailedWithRetriesLeft ? 1 : 0);
    case IsDenied:
        return extra && extra->isDenied ? Value::num(*extra->isDenied ? 1 : 0) : Value();
    case JobKey:
        return Value::num(job.key);
    case Kind:
        return Value::str(jobKindName(job.kind));
    case LastUpdateTime:
        return Value::num(job.lastUpdateTimeMs);
    case ListenerEventType_:
        return Value::str(listenerEventTypeName(job.listenerEventType));
    case Priority:
        return Value::num(job.priority);
    case ProcessDefinitionId:
        return Value::str(store.string(job.processDefinitionId));
    case ProcessDefinitionKey:
        return Value::num(job.processDefinitionKey);
    case ProcessInstanceKey:
        return Value::num(job.processInstanceKey);
    case Retries:
        return Value::num(job.retries);
    case State:
        return Value::str(jobStateName(job.state));
    case TenantId:
        return Value::str(store.string(job.tenantId));
    case Type:
        return Value::str(store.string(job.type));
    case Worker:
        return Value::str(store.string(job.worker));
    default:
        return Value();
    }
}

SearchResult searchJobs(Cluster &cluster, const QJsonObject &body)
{
    SearchResult result;
    SearchQuery query;
    result.error = parseQuery(body, jobFields(), cluster.version(), &query);
    if (result.error)
        return result;
    std::vector<JobRef> jobs;
    // A search by key (`jobKey` exact or `$in`, as look-ups and batches send) reads those jobs
    // by key instead of scanning every job, as the real server answers it from an index: a
    // batch of 300,000 keys looked up in chunks would otherwise cost chunks × jobs.
    const auto byKey
        = std::find_if(query.conditions.begin(), query.conditions.end(), [](const Condition &c) {
              return c.field == JobKey && (c.op == Op::Eq || c.op == Op::In)
                  && std::none_of(c.operands.begin(), c.operands.end(),
                      [](const Value &v) { return v.null || v.isText; });
          });
    if (byKey != query.conditions.end()) {
        std::unordered_set<qint64> seen;
        for (const Value &operand : byKey->operands) {
            if (!seen.insert(operand.number).second)
                continue;
            if (const Job *job = cluster.jobs().find(operand.number)) {
                const JobRef ref = cluster.visible(*job);
                if (ref.job)
                    jobs.push_back(ref);
            }
        }
    } else {
        jobs.reserve(std::size_t(cluster.jobs().size()));
        cluster.forEachVisibleJob([&](const Job &job, const JobExtra *extra) {
            jobs.push_back(JobRef {&job, extra});
        });
    }
    const JobStore &store = cluster.jobs();
    SearchRunner<JobRef> runner;
    runner.valueOf = [&](const JobRef &ref, int field) { return jobValue(store, ref, field); };
    runner.keyOf = [](const JobRef &ref) { return ref.job->key; };
    runner.toJson = [&](const JobRef &ref) { return jobToJson(cluster, ref); };
    result.body = runner.run(query, jobs);
    return result;
}

} // namespace JobDesk::Sandbox
