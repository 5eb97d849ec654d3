// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/ApiRequest.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace JobDesk {

/// One permission Camunda checks (`x-required-permissions` in the spec).
struct ApiPermission
{
    QString resourceType; ///< e.g. PROCESS_DEFINITION, BATCH
    QString permissionType; ///< e.g. UPDATE_PROCESS_INSTANCE, READ
    QString text() const { return resourceType + QLatin1Char(':') + permissionType; }
};

/// One endpoint JobDesk calls, as the spec describes it: what it does, what it acts on (for
/// "no such …" explanations), and the permissions it needs (any one of them suffices).
struct ApiEndpoint
{
    QByteArray method;
    QString pathPattern; ///< relative to /v2/, `{}` for a key: "jobs/{}/completion"
    ActionKind action;
    QString subject; ///< "job", "incident", "element instance", …; empty for cluster reads
    QString doing; ///< "completing a job", "searching jobs", …
    QList<ApiPermission> permissions; ///< empty: any signed-in client may call it
    /// "PROCESS_DEFINITION:UPDATE_PROCESS_INSTANCE" or "BATCH:CREATE or BATCH:…"; empty: none.
    QString permissionText() const;
};

/// Every endpoint JobDesk sends to.
const QList<ApiEndpoint> &apiEndpoints();
/// The endpoint a request went to. `path` may be relative ("jobs/1/completion"), absolute
/// ("/camunda/v2/jobs/1/completion") or carry a query; null when it is not one of JobDesk's.
const ApiEndpoint *findApiEndpoint(const QByteArray &method, QStringView path);

} // namespace JobDesk
