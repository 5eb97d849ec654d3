// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/JobActions.h"

#include "core/camunda/RequestText.h"

namespace JobDesk {

namespace {

using RequestText::kInt32Max;
using RequestText::kInt64Max;
using RequestText::member;

/// The number as canonical JSON digits (the text was validated before).
QByteArray numberJson(const QString &text)
{
    return QByteArray::number(RequestText::wholeNumber(text, -kInt64Max, kInt64Max).value_or(0));
}

QString keyError(const JobKey &key, KeyKind kind)
{
    if (key.isValid())
        return QString();
    return QStringLiteral("Enter a valid %1: the key is missing or invalid.")
        .arg(JobKey::keyNoun(kind));
}

QString optionalNumberError(QStringView field, const QString &text, qint64 min, qint64 max)
{
    if (text.trimmed().isEmpty())
        return QString();
    return RequestText::wholeNumberError(field, text, min, max);
}

QString variablesError(const VariablesDocument &variables, QStringView what)
{
    if (variables.isValid())
        return QString();
    return QStringLiteral("The variables %1 are not valid JSON: %2")
        .arg(what, variables.errorMessage());
}

using RequestText::leaseTokenError;

/// Fail and error need the 8.10 lease only when a token is given.
QList<ApiFeature> leaseFeatures(const QString &leaseToken)
{
    if (leaseToken.isEmpty())
        return {};
    return {ApiFeature::LeaseToken};
}

QString firstError(std::initializer_list<QString> errors)
{
    for (const QString &error : errors) {
        if (!error.isEmpty())
            return error;
    }
    return QString();
}

ApiRequest apiRequest(ActionKind action, const char *method, const QString &path,
    const QByteArray &body, const JobKey &subject, const QList<ApiFeature> &features)
{
    ApiRequest api;
    api.action = action;
    api.method = QByteArray(method);
    api.relativePath = path;
    api.body = body;
    api.subjectKey = subject.toString();
    api.features = features;
    return api;
}

bool isSet(const QString &text)
{
    return !text.trimmed().isEmpty();
}

} // namespace

// -- update

QString UpdateJobRequest::relativePath() const
{
    return QStringLiteral("jobs/%1").arg(jobKey.toString());
}

QByteArray UpdateJobRequest::body() const
{
    QByteArray changeset("{");
    if (isSet(retries))
        member(changeset, u"retries", numberJson(retries));
    if (isSet(timeoutMs))
        member(changeset, u"timeout", numberJson(timeoutMs));
    if (isSet(priority))
        member(changeset, u"priority", numberJson(priority));
    changeset += '}';
    QByteArray out("{");
    member(out, u"changeset", changeset);
    if (isSet(operationReference))
        member(out, u"operationReference", numberJson(operationReference));
    if (!leaseToken.isEmpty())
        member(out, u"leaseToken", RequestText::string(leaseToken));
    out += '}';
    return out;
}

QString UpdateJobRequest::validationError() const
{
    return firstError({keyError(jobKey, KeyKind::Job),
        !isSet(retries) && !isSet(timeoutMs) && !isSet(priority)
            ? QStringLiteral("Enter the new retries or timeout: an update needs at least one of "
                             "them.")
            : QString(),
        optionalNumberError(u"retries", retries, 1, kInt32Max),
        optionalNumberError(u"timeout", timeoutMs, 0, kInt64Max),
        optionalNumberError(u"priority", priority, -kInt32Max - 1, kInt32Max),
        optionalNumberError(u"operationReference", operationReference, 1, kInt64Max),
        leaseTokenError(leaseToken)});
}

QList<ApiFeature> UpdateJobRequest::features() const
{
    QList<ApiFeature> list;
    if (isSet(priority))
        list.append(ApiFeature::JobPriority);
    if (isSet(operationReference))
        list.append(ApiFeature::OperationReference);
    if (!leaseToken.isEmpty())
        list.append(ApiFeature::LeaseToken);
    return list;
}

ApiRequest UpdateJobRequest::toApiRequest() const
{
    return apiRequest(ActionKind::Update, "PATCH", relativePath(), body(), jobKey, features());
}

// -- fail

QString FailJobRequest::relativePath() const
{
    return QStringLiteral("jobs/%1/failure").arg(jobKey.toString());
}

QByteArray FailJobRequest::body() const
{
    QByteArray out("{");
    if (isSet(retries))
        member(out, u"retries", numberJson(retries));
    if (!errorMessage.isEmpty())
        member(out, u"errorMessage", RequestText::string(errorMessage));
    if (isSet(retryBackOffMs))
        member(out, u"retryBackOff", numberJson(retryBackOffMs));
    if (!variables.isBlank())
        member(out, u"variables", variables.utf8());
    if (!leaseToken.isEmpty())
        member(out, u"leaseToken", RequestText::string(leaseToken));
    out += '}';
    return out;
}

QString FailJobRequest::validationError() const
{
    return firstError(
        {keyError(jobKey, KeyKind::Job), optionalNumberError(u"retries", retries, 0, kInt32Max),
            optionalNumberError(u"retryBackOff", retryBackOffMs, 0, kInt64Max),
            variablesError(variables, u"of the failure"), leaseTokenError(leaseToken)});
}

QList<ApiFeature> FailJobRequest::features() const
{
    return leaseFeatures(leaseToken);
}

ApiRequest FailJobRequest::toApiRequest() const
{
    return apiRequest(ActionKind::Fail, "POST", relativePath(), body(), jobKey, features());
}

// -- throw error

QString ThrowErrorRequest::relativePath() const
{
    return QStringLiteral("jobs/%1/error").arg(jobKey.toString());
}

QByteArray ThrowErrorRequest::body() const
{
    QByteArray out("{");
    member(out, u"errorCode", RequestText::string(errorCode));
    if (!errorMessage.isEmpty())
        member(out, u"errorMessage", RequestText::string(errorMessage));
    if (!variables.isBlank())
        member(out, u"variables", variables.utf8());
    if (!leaseToken.isEmpty())
        member(out, u"leaseToken", RequestText::string(leaseToken));
    out += '}';
    return out;
}

QString ThrowErrorRequest::validationError() const
{
    return firstError({keyError(jobKey, KeyKind::Job),
        errorCode.trimmed().isEmpty()
            ? QStringLiteral("errorCode is required: enter the error code a BPMN error catch "
                             "event matches.")
            : QString(),
        variablesError(variables, u"of the error"), leaseTokenError(leaseToken)});
}

QList<ApiFeature> ThrowErrorRequest::features() const
{
    return leaseFeatures(leaseToken);
}

ApiRequest ThrowErrorRequest::toApiRequest() const
{
    return apiRequest(ActionKind::ThrowError, "POST", relativePath(), body(), jobKey, features());
}

// -- resolve one incident

QString ResolveIncidentRequest::relativePath() const
{
    return QStringLiteral("incidents/%1/resolution").arg(incidentKey.toString());
}

QByteArray ResolveIncidentRequest::body() const
{
    QByteArray out("{");
    if (isSet(operationReference))
        member(out, u"operationReference", numberJson(operationReference));
    out += '}';
    return out;
}

QString ResolveIncidentRequest::validationError() const
{
    return firstError({keyError(incidentKey, KeyKind::Incident),
        optionalNumberError(u"operationReference", operationReference, 1, kInt64Max)});
}

QList<ApiFeature> ResolveIncidentRequest::features() const
{
    QList<ApiFeature> list {ApiFeature::ResolveIncident};
    if (isSet(operationReference))
        list.append(ApiFeature::OperationReference);
    return list;
}

ApiRequest ResolveIncidentRequest::toApiRequest() const
{
    return apiRequest(
        ActionKind::ResolveIncident, "POST", relativePath(), body(), incidentKey, features());
}

// -- resolve every incident of an instance

QString ResolveInstanceIncidentsRequest::relativePath() const
{
    return QStringLiteral("process-instances/%1/incident-resolution")
        .arg(processInstanceKey.toString());
}

QString ResolveInstanceIncidentsRequest::validationError() const
{
    return keyError(processInstanceKey, KeyKind::ProcessInstance);
}

QList<ApiFeature> ResolveInstanceIncidentsRequest::features() const
{
    return {ApiFeature::InstanceIncidentResolution};
}

ApiRequest ResolveInstanceIncidentsRequest::toApiRequest() const
{
    return apiRequest(ActionKind::ResolveIncident, "POST", relativePath(), body(),
        processInstanceKey, features());
}

// -- set variables

QString SetVariablesRequest::relativePath() const
{
    return QStringLiteral("element-instances/%1/variables").arg(elementInstanceKey.toString());
}

QByteArray SetVariablesRequest::body() const
{
    QByteArray out("{");
    member(out, u"variables", variables.isBlank() ? QByteArrayLiteral("{}") : variables.utf8());
    if (local)
        member(out, u"local", QByteArrayLiteral("true"));
    if (isSet(operationReference))
        member(out, u"operationReference", numberJson(operationReference));
    out += '}';
    return out;
}

QString SetVariablesRequest::validationError() const
{
    return firstError({keyError(elementInstanceKey, KeyKind::ElementInstance),
        variables.isBlank()
            ? QStringLiteral("variables are required: enter the JSON object of variables to set.")
            : variablesError(variables, u"to set"),
        optionalNumberError(u"operationReference", operationReference, 1, kInt64Max)});
}

QList<ApiFeature> SetVariablesRequest::features() const
{
    QList<ApiFeature> list {ApiFeature::SetVariables};
    if (isSet(operationReference))
        list.append(ApiFeature::OperationReference);
    return list;
}

ApiRequest SetVariablesRequest::toApiRequest() const
{
    return apiRequest(
        ActionKind::SetVariables, "PUT", relativePath(), body(), elementInstanceKey, features());
}

} // namespace JobDesk
