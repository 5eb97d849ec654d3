// SPDX-License-Identifier: GPL-3.0-or-later
// ProblemDetails::parse on any body under the content types servers send: never crashes; a
// problem is JSON or a JSON object that broke off (isPartial); every member's raw text is a slice
// of the (decoded) body.
#include "FuzzSupport.h"

#include "core/camunda/ProblemDetails.h"

#include <array>

using JobDesk::ProblemDetails;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const std::array<QByteArray, 5> contentTypes = {QByteArray("application/problem+json"),
        QByteArray("application/json; charset=utf-8"), QByteArray("text/html"), QByteArray(),
        QByteArray("application/problem+json;charset=ISO-8859-1")};
    if (size == 0)
        return 0;
    // The first byte picks the content type; the rest is the body.
    const QByteArray &contentType = contentTypes[data[0] % contentTypes.size()];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const ProblemDetails problem = ProblemDetails::parse(body, contentType);
    if (problem.isProblem())
        FUZZ_CHECK(problem.isJson() || problem.isPartial());
    FUZZ_CHECK(!(problem.isJson() && problem.isPartial()));
    // Members are slices of the decoded body (invalid UTF-8 is decoded to U+FFFD first).
    const QString text = QString::fromUtf8(body);
    for (const ProblemDetails::Member &member : problem.members()) {
        FUZZ_CHECK(!member.rawJson.isEmpty());
        FUZZ_CHECK(text.contains(QString::fromUtf8(member.rawJson)));
        (void)member.displayValue();
    }
    FUZZ_CHECK(problem.extensionMembers().size() <= problem.members().size());
    return 0;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::initialise();
    return 0;
}
