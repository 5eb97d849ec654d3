// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/ApiRequest.h"
#include "core/camunda/JobKey.h"
#include "core/json/VariablesDocument.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace JobDesk {

// The job actions besides completion, one value type each. They share one shape: the fields as
// a person typed them (numbers as text, so "retries must be a whole number …" can name what is
// wrong), validationError() (a sentence naming the field, or empty), body() (the exact bytes:
// keys as JSON strings, variables spliced in as typed), features() (for the version check) and
// toApiRequest() (what JobsClient::send() takes). Optional fields are sent only when set.

/// `PATCH /v2/jobs/{jobKey}`: change a job's retries, timeout or (8.10) priority.
struct UpdateJobRequest
{
    JobKey jobKey;
    QString retries; ///< 1..2147483647 (the engine refuses fewer than 1); empty: unchanged
    QString timeoutMs; ///< new timeout from now, 0..9223372036854775807 ms; empty: unchanged
    QString priority; ///< 8.10: a whole number (int32); empty: unchanged
    QString operationReference; ///< 8.8: 1..9223372036854775807; empty: none
    QString leaseToken; ///< 8.10: checked only when the job is leased; empty: none

    QString relativePath() const;
    QByteArray body() const;
    QString validationError() const;
    QList<ApiFeature> features() const;
    ApiRequest toApiRequest() const;
};

/// `POST /v2/jobs/{jobKey}/failure`: hand a job back (retries > 0, optionally after a back-off)
/// or raise an incident on purpose (retries 0).
struct FailJobRequest
{
    JobKey jobKey;
    QString retries; ///< 0..2147483647; empty: not sent (the server takes 0)
    QString errorMessage; ///< sent when not empty
    QString retryBackOffMs; ///< 0..9223372036854775807 ms; empty: not sent (0)
    VariablesDocument variables; ///< set at the job's local scope; blank: none
    QString leaseToken; ///< 8.10: required for a leased job

    QString relativePath() const;
    QByteArray body() const;
    QString validationError() const;
    QList<ApiFeature> features() const;
    ApiRequest toApiRequest() const;
};

/// `POST /v2/jobs/{jobKey}/error`: throw a BPMN error that a catch event may catch.
struct ThrowErrorRequest
{
    JobKey jobKey;
    QString errorCode; ///< required, matched against the catch events' error codes
    QString errorMessage; ///< sent when not empty
    VariablesDocument variables; ///< set at the catching event's scope; blank: none
    QString leaseToken; ///< 8.10: required for a leased job

    QString relativePath() const;
    QByteArray body() const;
    QString validationError() const;
    QList<ApiFeature> features() const;
    ApiRequest toApiRequest() const;
};

/// `POST /v2/incidents/{incidentKey}/resolution`: resolve one incident (for a job incident,
/// raise the job's retries first or the engine refuses: "… has no retries left").
struct ResolveIncidentRequest
{
    JobKey incidentKey;
    QString operationReference; ///< 8.8: 1..9223372036854775807; empty: none

    QString relativePath() const;
    QByteArray body() const;
    QString validationError() const;
    QList<ApiFeature> features() const;
    ApiRequest toApiRequest() const;
};

/// `POST /v2/process-instances/{key}/incident-resolution` (8.9+): resolve every incident of one
/// process instance, as a server-side batch operation. No body.
struct ResolveInstanceIncidentsRequest
{
    JobKey processInstanceKey;

    QString relativePath() const;
    QByteArray body() const { return QByteArray(); }
    QString validationError() const;
    QList<ApiFeature> features() const;
    ApiRequest toApiRequest() const;
};

/// `PUT /v2/element-instances/{key}/variables`: set variables on a scope (an element instance
/// or a process instance), for example to fix the input of a failed job before resolving its
/// incident. With `local`, they are set on that scope only instead of propagating up.
struct SetVariablesRequest
{
    JobKey elementInstanceKey;
    VariablesDocument variables; ///< required, one JSON object
    bool local = false; ///< sent only when true
    QString operationReference; ///< 8.8: 1..9223372036854775807; empty: none

    QString relativePath() const;
    QByteArray body() const;
    QString validationError() const;
    QList<ApiFeature> features() const;
    ApiRequest toApiRequest() const;
};

} // namespace JobDesk
