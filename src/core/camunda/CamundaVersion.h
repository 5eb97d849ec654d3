// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace JobDesk {

/// The Camunda version a server reports as `gatewayVersion` in `GET /v2/topology`.
///
/// Parsed from "8.8.0", "8.9.0-alpha2", "8.10.0-SNAPSHOT", "8.8" (and a leading "v"); anything
/// else ("", "dev", "unknown") gives an unknown version. Only major and minor decide what the
/// server understands: a pre-release of 8.9 counts as 8.9, because the server's own answer
/// explains what an alpha lacks better than a guess can.
class CamundaVersion final
{
public:
    CamundaVersion() = default;
    static CamundaVersion parse(QStringView text);
    static CamundaVersion of(int majorVersion, int minorVersion, int microVersion = 0);

    bool isKnown() const { return m_major >= 0; }
    int majorVersion() const { return m_major; }
    int minorVersion() const { return m_minor; }
    int microVersion() const { return m_micro; }
    /// "alpha2", "SNAPSHOT"; empty for a release.
    const QString &preRelease() const { return m_preRelease; }
    /// As reported (trimmed), or "8.9" style for versions made with of().
    const QString &text() const { return m_text; }
    /// Known and at least major.minor.
    bool isAtLeast(int majorVersion, int minorVersion) const;

    friend bool operator==(const CamundaVersion &a, const CamundaVersion &b)
    {
        return a.m_major == b.m_major && a.m_minor == b.m_minor && a.m_micro == b.m_micro
            && a.m_preRelease == b.m_preRelease;
    }
    friend bool operator!=(const CamundaVersion &a, const CamundaVersion &b) { return !(a == b); }

private:
    int m_major = -1;
    int m_minor = -1;
    int m_micro = 0;
    QString m_preRelease;
    QString m_text;
};

/// Something a request uses that not every Camunda version understands. One row each in
/// apiFeatureTable(), which says from which version on (from the spec's `x-added-in-version`).
enum class ApiFeature {
    CompletionResult, ///< `result` in a completion (userTask or adHocSubProcess): 8.8
    LeaseToken, ///< `leaseToken` on complete, fail, error and update: 8.10
    BusinessId, ///< `businessId` in a completion: 8.10
    OperationReference, ///< `operationReference` on update, resolution, set variables: 8.8
    JobPriority, ///< `changeset.priority` and the job search's `priority`: 8.10
    JobSearch, ///< POST jobs/search: 8.8
    JobSearchTimes, ///< job filters creationTime, lastUpdateTime; sort
                    ///< hasFailedWithRetriesLeft: 8.9
    JobSearchCreationTimeSort, ///< sorting jobs by creationTime: 8.10
    IncidentSearch, ///< POST incidents/search, GET incidents/{key}: 8.6
    IncidentAdvancedFilter, ///< operators ($in, $like, …) in the incident filter: 8.9
    ResolveIncident, ///< POST incidents/{key}/resolution: 8.6
    InstanceIncidentResolution, ///< POST process-instances/{key}/incident-resolution: 8.9
    SetVariables, ///< PUT element-instances/{key}/variables: 8.6
    VariableSearch, ///< POST variables/search, GET variables/{key}: 8.8
    ElementInstanceGet, ///< GET element-instances/{key}: 8.8
    ProcessInstanceGet, ///< GET process-instances/{key}: 8.8
    AuthenticationMe, ///< GET authentication/me: 8.8
    BatchOperations, ///< batch-operations endpoints and incident resolution by filter: 8.8
    CursorPaging, ///< page.after / page.before cursors: 8.8
    ProcessInstanceBusinessIdFilter, ///< businessId in a process instance filter: 8.9
    BatchOperationItemTypeFilter, ///< operationType in a batch operation item filter: 8.9
};

struct ApiFeatureInfo
{
    ApiFeature feature;
    QString what; ///< names the field or endpoint, e.g. "`result`" or "job search (POST
                  ///< /v2/jobs/search)"
    int majorVersion;
    int minorVersion;
};

/// The one table of what needs which version, in ApiFeature order.
const QList<ApiFeatureInfo> &apiFeatureTable();
const ApiFeatureInfo &apiFeatureInfo(ApiFeature feature);
/// True unless the server is known to be older than the feature. Unknown versions and newer
/// ones are allowed: the request is sent and the server's answer explained.
bool supports(const CamundaVersion &server, ApiFeature feature);
/// Why a request that needs `features` does not fit this server, before sending it:
/// "`result` needs Camunda 8.8 or later; this server reports 8.7.2." (one sentence per
/// feature that does not fit). Empty when it fits or the version is unknown.
QString versionProblem(const CamundaVersion &server, const QList<ApiFeature> &features);

} // namespace JobDesk
