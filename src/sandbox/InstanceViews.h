// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/JobSearch.h"

#include <QJsonObject>

#include <vector>

/// The sandbox has no BPMN engine: process instances and element instances exist because jobs
/// point at them. These views derive what `GET /v2/process-instances/{key}` and
/// `GET /v2/element-instances/{key}` report from the jobs search sees.
namespace JobDesk::Sandbox::InstanceViews {

/// The element instance of `job` (a service task, user task or ad-hoc sub-process).
QJsonObject elementInstance(const Cluster &cluster, const JobRef &job);
/// The process instance itself as an element instance (type PROCESS).
QJsonObject processAsElement(const Cluster &cluster, const std::vector<JobRef> &jobs);
/// The process instance of these jobs (all of one instance, at least one).
QJsonObject processInstance(const Cluster &cluster, const std::vector<JobRef> &jobs);

} // namespace JobDesk::Sandbox::InstanceViews
