// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Output.h"

#include "cli/Console.h"

namespace JobDesk::Cli {

namespace {

/// Text that came from the server (or passed through it), as it may appear on a terminal.
QByteArray shown(const QString &text, bool keepLineBreaks = true)
{
    return escapeControls(text, keepLineBreaks).toUtf8();
}

QByteArray statusText(const Outcome &outcome)
{
    QByteArray text = "HTTP " + QByteArray::number(*outcome.httpStatus);
    if (!outcome.reasonPhrase.isEmpty())
        text += ' ' + shown(QString::fromLatin1(outcome.reasonPhrase), false);
    return text;
}

/// Indents every line after the first, so multi-line values stay readable under their label.
QByteArray indentContinuation(QByteArray text)
{
    text.replace("\n", "\n    ");
    return text;
}

} // namespace

int exitCodeFor(const Outcome &outcome)
{
    if (outcome.kind == OutcomeKind::Completed)
        return ExitOk;
    // The OAuth token endpoint answered but issued no token (refused client, malformed answer),
    // so nothing was sent: an HTTP answer, 1 like any other refusal.
    if (outcome.tokenAnswer)
        return ExitHttpError;
    if (outcome.kind == OutcomeKind::TransportError || outcome.kind == OutcomeKind::Cancelled
        || !outcome.httpStatus)
        return ExitNoAnswer;
    return ExitHttpError;
}

QByteArray truncateUtf8(const QByteArray &utf8, qsizetype maxBytes)
{
    if (utf8.size() <= maxBytes)
        return utf8;
    qsizetype end = maxBytes;
    // Step back over continuation bytes (10xxxxxx) to the start of the cut character.
    while (end > 0 && (static_cast<unsigned char>(utf8.at(end)) & 0xC0) == 0x80)
        --end;
    return utf8.left(end);
}

QByteArray jsonString(const QByteArray &utf8)
{
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20 || u == 0x7F) {
                out += "\\u00";
                out += QByteArray::number(u, 16).rightJustified(2, '0');
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

QByteArray jsonString(const QString &text)
{
    return jsonString(text.toUtf8());
}

QByteArray formatHuman(
    const Outcome &outcome, const QString &jobKey, const Explanation *explanation)
{
    QByteArray out;
    const char *noun = outcome.request.action == ActionKind::ResolveIncident ? "incident"
        : outcome.request.action == ActionKind::SetVariables                 ? "element instance"
                                                                             : "job";
    const QByteArray timing = " (" + QByteArray(noun) + ' ' + shown(jobKey, false) + ", "
        + QByteArray::number(outcome.elapsedMs) + " ms)";
    const QByteArray label = outcomeKindLabel(outcome.kind).toUtf8();
    const ProblemDetails &problem = outcome.problem;

    // Everything the server chose (title, detail, members, body, location) goes through
    // shown(): a refusal must not be able to erase its own line and print "Completed".
    if (!outcome.httpStatus) {
        out += label + ": " + shown(outcome.transportError, false) + timing + '\n';
    } else {
        out += label + ": " + statusText(outcome);
        if (problem.isProblem() && !problem.title().isEmpty())
            out += " \xE2\x80\x94 " + shown(problem.title(), false); // em dash
        out += timing + '\n';
        if (problem.isProblem()) {
            if (!problem.detail().isEmpty())
                out += "  detail: " + indentContinuation(shown(problem.detail())) + '\n';
            for (const ProblemDetails::Member &member : problem.members()) {
                if (member.name == QLatin1String("title") || member.name == QLatin1String("detail"))
                    continue;
                out += "  " + shown(member.name, false) + ": "
                    + indentContinuation(shown(member.displayValue())) + '\n';
            }
        } else if (!outcome.rawBody.isEmpty() && outcome.kind != OutcomeKind::Completed) {
            const QString body = QString::fromUtf8(outcome.rawBody);
            QByteArray snippet = shown(body.left(kHumanBodySnippetChars).trimmed());
            out += "  body: " + indentContinuation(snippet);
            if (body.size() > kHumanBodySnippetChars)
                out += " \xE2\x80\xA6"; // ellipsis
            out += '\n';
        }
        if (outcome.bodyTruncated)
            out += "  (the body was cut after " + QByteArray::number(outcome.rawBody.size())
                + " of " + QByteArray::number(outcome.bodyTotalBytes) + " bytes)\n";
        if (!outcome.redirectLocation.isEmpty())
            out += "  location: " + shown(outcome.redirectLocation, false) + " (not followed)\n";
        if (outcome.answerIncomplete && !outcome.transportError.isEmpty())
            out += "  incomplete: " + shown(outcome.transportError, false) + '\n';
    }
    const Explanation explained = explanation ? *explanation : explain(outcome);
    if (!explained.summary.isEmpty())
        out += shown(explained.summary) + '\n';
    if (!explained.nextStep.isEmpty())
        out += "Next step: " + shown(explained.nextStep) + '\n';
    return out;
}

QByteArray formatJson(const Outcome &outcome, const QString &jobKey, const QByteArray &extraMembers,
    const Explanation *explanation)
{
    const auto orNull = [](bool present, const QByteArray &value) {
        return present ? value : QByteArrayLiteral("null");
    };
    QByteArray problem = "null";
    if (outcome.problem.isProblem()) {
        problem = "{";
        bool first = true;
        for (const ProblemDetails::Member &member : outcome.problem.members()) {
            if (!first)
                problem += ',';
            first = false;
            problem += jsonString(member.name) + ':' + member.rawJson.trimmed();
        }
        problem += '}';
    }
    const QByteArray body = truncateUtf8(outcome.rawBody, kJsonRawBodyBytes);
    const bool bodyCut = outcome.bodyTruncated || body.size() < outcome.rawBody.size();
    const bool hasError = !outcome.transportError.isEmpty();
    const Explanation explained = explanation ? *explanation : explain(outcome);

    QByteArray out = "{";
    out += "\"jobKey\":" + jsonString(jobKey);
    out += ",\"ok\":" + QByteArray(outcome.ok() ? "true" : "false");
    out += ",\"outcome\":" + jsonString(outcomeKindName(outcome.kind));
    out += ",\"httpStatus\":"
        + orNull(
            outcome.httpStatus.has_value(), QByteArray::number(outcome.httpStatus.value_or(0)));
    out += ",\"problem\":" + problem;
    // fromUtf8 → toUtf8 replaces invalid sequences, so the output is always valid JSON.
    out += ",\"rawBody\":" + jsonString(QString::fromUtf8(body));
    out += ",\"rawBodyTruncated\":" + QByteArray(bodyCut ? "true" : "false");
    out += ",\"elapsedMs\":" + QByteArray::number(outcome.elapsedMs);
    out += ",\"error\":" + orNull(hasError, jsonString(outcome.transportError));
    out += ",\"redirectLocation\":"
        + orNull(!outcome.redirectLocation.isEmpty(), jsonString(outcome.redirectLocation));
    out += ",\"explanation\":" + jsonString(explained.summary);
    out += ",\"nextStep\":" + jsonString(explained.nextStep);
    out += extraMembers;
    out += "}\n";
    return out;
}

QByteArray formatDryRun(const RequestRecord &request, bool json)
{
    const QByteArray url = request.url.toEncoded();
    if (json) {
        QByteArray headers = "{";
        bool first = true;
        for (const auto &header : request.headers) {
            if (!first)
                headers += ',';
            first = false;
            headers += jsonString(QString::fromLatin1(header.first)) + ':'
                + jsonString(QString::fromLatin1(header.second));
        }
        headers += '}';
        return "{\"dryRun\":true,\"method\":" + jsonString(QString::fromLatin1(request.method))
            + ",\"url\":" + jsonString(QString::fromUtf8(url)) + ",\"headers\":" + headers
            + ",\"body\":" + jsonString(QString::fromUtf8(request.body)) + "}\n";
    }
    QByteArray out = request.method + ' ' + url + '\n';
    for (const auto &header : request.headers)
        out += header.first + ": " + header.second + '\n';
    out += '\n' + request.body + '\n';
    return out;
}

} // namespace JobDesk::Cli
