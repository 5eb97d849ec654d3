// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/CamundaVersion.h"

#include <QStringList>

namespace JobDesk {

namespace {

int number(QStringView digits)
{
    if (digits.isEmpty() || digits.size() > 6)
        return -1;
    int value = 0;
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

QList<ApiFeatureInfo> makeTable()
{
    // Versions from the spec's x-added-in-version (shared/camunda: stable-8.8, stable-8.9, v2).
    // Endpoints the spec marks 8.6 existed (as alpha) in 8.6/8.7; everything after is exact.
    return {
        {ApiFeature::CompletionResult, QStringLiteral("`result`"), 8, 8},
        {ApiFeature::LeaseToken, QStringLiteral("`leaseToken`"), 8, 10},
        {ApiFeature::BusinessId, QStringLiteral("`businessId`"), 8, 10},
        {ApiFeature::OperationReference, QStringLiteral("`operationReference`"), 8, 8},
        {ApiFeature::JobPriority, QStringLiteral("the job `priority`"), 8, 10},
        {ApiFeature::JobSearch, QStringLiteral("job search (POST /v2/jobs/search)"), 8, 8},
        {ApiFeature::JobSearchTimes,
            QStringLiteral("searching jobs by `creationTime` or `lastUpdateTime`, or sorting them "
                           "by `hasFailedWithRetriesLeft`"),
            8, 9},
        {ApiFeature::JobSearchCreationTimeSort, QStringLiteral("sorting jobs by `creationTime`"), 8,
            10},
        {ApiFeature::IncidentSearch, QStringLiteral("incident search (POST /v2/incidents/search)"),
            8, 6},
        {ApiFeature::IncidentAdvancedFilter,
            QStringLiteral("using filter operators ($in, $like, …) in an incident search"), 8, 9},
        {ApiFeature::ResolveIncident,
            QStringLiteral("incident resolution (POST /v2/incidents/{key}/resolution)"), 8, 6},
        {ApiFeature::InstanceIncidentResolution,
            QStringLiteral("resolving all incidents of a process instance (POST "
                           "/v2/process-instances/{key}/incident-resolution)"),
            8, 9},
        {ApiFeature::SetVariables,
            QStringLiteral("setting variables (PUT /v2/element-instances/{key}/variables)"), 8, 6},
        {ApiFeature::VariableSearch, QStringLiteral("variable lookup (/v2/variables)"), 8, 8},
        {ApiFeature::ElementInstanceGet,
            QStringLiteral("element instance lookup (GET /v2/element-instances/{key})"), 8, 8},
        {ApiFeature::ProcessInstanceGet,
            QStringLiteral("process instance lookup (GET /v2/process-instances/{key})"), 8, 8},
        {ApiFeature::AuthenticationMe, QStringLiteral("GET /v2/authentication/me"), 8, 8},
        {ApiFeature::BatchOperations, QStringLiteral("a batch operation (/v2/batch-operations)"), 8,
            8},
        {ApiFeature::CursorPaging, QStringLiteral("cursor paging (`page.after`, `page.before`)"), 8,
            8},
        {ApiFeature::ProcessInstanceBusinessIdFilter,
            QStringLiteral("the process instance filter `businessId`"), 8, 9},
        {ApiFeature::BatchOperationItemTypeFilter,
            QStringLiteral("the batch operation item filter `operationType`"), 8, 9},
    };
}

} // namespace

CamundaVersion CamundaVersion::parse(QStringView text)
{
    CamundaVersion version;
    const QStringView trimmed = text.trimmed();
    version.m_text = trimmed.toString();
    QStringView rest = trimmed;
    if (rest.startsWith(u'v') || rest.startsWith(u'V'))
        rest = rest.mid(1);
    QStringView core = rest;
    QString preRelease;
    const qsizetype dash = rest.indexOf(u'-');
    const qsizetype plus = rest.indexOf(u'+');
    qsizetype cut = dash;
    if (plus >= 0 && (cut < 0 || plus < cut))
        cut = plus;
    if (cut >= 0) {
        core = rest.left(cut);
        preRelease = rest.mid(cut + 1).toString();
        if (rest[cut] == u'+')
            preRelease.clear(); // build metadata does not make a pre-release
    }
    const QList<QStringView> parts = core.split(u'.');
    if (parts.size() < 2 || parts.size() > 3)
        return version;
    const int majorPart = number(parts[0]);
    const int minorPart = number(parts[1]);
    const int microPart = parts.size() == 3 ? number(parts[2]) : 0;
    if (majorPart < 0 || minorPart < 0 || microPart < 0)
        return version;
    version.m_major = majorPart;
    version.m_minor = minorPart;
    version.m_micro = microPart;
    version.m_preRelease = preRelease;
    return version;
}

CamundaVersion CamundaVersion::of(int majorVersion, int minorVersion, int microVersion)
{
    CamundaVersion version;
    version.m_major = majorVersion;
    version.m_minor = minorVersion;
    version.m_micro = microVersion;
    version.m_text
        = QStringLiteral("%1.%2.%3").arg(majorVersion).arg(minorVersion).arg(microVersion);
    return version;
}

bool CamundaVersion::isAtLeast(int majorVersion, int minorVersion) const
{
    if (!isKnown())
        return false;
    return m_major != majorVersion ? m_major > majorVersion : m_minor >= minorVersion;
}

const QList<ApiFeatureInfo> &apiFeatureTable()
{
    static const QList<ApiFeatureInfo> table = makeTable();
    return table;
}

const ApiFeatureInfo &apiFeatureInfo(ApiFeature feature)
{
    const QList<ApiFeatureInfo> &table = apiFeatureTable();
    for (const ApiFeatureInfo &info : table) {
        if (info.feature == feature)
            return info;
    }
    return table.front(); // unreachable: every feature has a row (tested)
}

bool supports(const CamundaVersion &server, ApiFeature feature)
{
    if (!server.isKnown())
        return true;
    const ApiFeatureInfo &info = apiFeatureInfo(feature);
    return server.isAtLeast(info.majorVersion, info.minorVersion);
}

QString versionProblem(const CamundaVersion &server, const QList<ApiFeature> &features)
{
    QStringList sentences;
    QList<ApiFeature> seen;
    for (const ApiFeature feature : features) {
        if (seen.contains(feature) || supports(server, feature))
            continue;
        seen.append(feature);
        const ApiFeatureInfo &info = apiFeatureInfo(feature);
        QString what = info.what;
        what[0] = what[0].toUpper();
        sentences.append(QStringLiteral("%1 needs Camunda %2.%3 or later; this server reports %4.")
                             .arg(what)
                             .arg(info.majorVersion)
                             .arg(info.minorVersion)
                             .arg(server.text()));
    }
    return sentences.join(QLatin1Char(' '));
}

} // namespace JobDesk
