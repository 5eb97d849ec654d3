// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/templates/DraftStore.h"
#include "core/templates/Template.h"

namespace JobDesk {

/// Between the form (as a Draft: every field as typed) and a template.
namespace TemplateForm {
/// The form's variables and result as a template (name, description and job type empty).
Template fromDraft(const Draft &draft);
/// The form with the template's variables and result; the job key stays as it was.
Draft applied(Draft form, const Template &t);
} // namespace TemplateForm

} // namespace JobDesk
