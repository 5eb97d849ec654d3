// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/HistoryDetailsView.h"

#include <QLocale>

namespace JobDesk {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString section(const QString &title)
{
    return QStringLiteral("<h3 style=\"margin-top:14px; margin-bottom:4px;\">%1</h3>")
        .arg(esc(title));
}

QString pre(const QString &text)
{
    // Long lines (a one-line problem body, a long URL) wrap instead of widening the pane.
    return QStringLiteral("<pre style=\"margin-top:2px; margin-bottom:6px; white-space:pre-wrap;\">"
                          "%1</pre>")
        .arg(esc(text));
}

QString headersText(const HeaderList &headers)
{
    QStringList lines;
    for (const auto &header : headers)
        lines.append(QString::fromLatin1(header.first) + QStringLiteral(": ")
            + QString::fromUtf8(header.second));
    return lines.join(QLatin1Char('\n'));
}

QString bytesText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat)
        + (bytes >= 1024 ? QStringLiteral(" (%1 bytes)").arg(QLocale().toString(bytes))
                         : QString());
}

/// A body for display: size note, then the text (cut at kMaxShownBodyBytes).
QString bodyBlock(const QString &label, const QByteArray &body, qint64 totalBytes, bool truncated)
{
    if (body.isEmpty() && totalBytes <= 0)
        return QStringLiteral("<p><b>%1:</b> empty</p>").arg(esc(label));
    QString note = bytesText(std::max<qint64>(totalBytes, body.size()));
    if (truncated) {
        note += QStringLiteral(
            "; only the first %1 were kept (the rest was discarded when received)")
                    .arg(bytesText(body.size()));
    }
    QByteArray shown = body;
    if (shown.size() > HistoryDetailsView::kMaxShownBodyBytes) {
        shown.truncate(HistoryDetailsView::kMaxShownBodyBytes);
        note += QStringLiteral("; showing the first %1").arg(bytesText(shown.size()));
    }
    return QStringLiteral("<p style=\"margin-bottom:0px;\"><b>%1</b> <span>(%2)</span></p>")
               .arg(esc(label), esc(note))
        + pre(QString::fromUtf8(shown));
}

QString row(const QString &name, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style=\"padding-right:12px;\"><b>%1</b></td><td>%2</td></tr>")
        .arg(esc(name), valueHtml);
}

} // namespace

HistoryDetailsView::HistoryDetailsView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setHtml(emptyHtml());
}

HistoryDetailsView::~HistoryDetailsView() = default;

void HistoryDetailsView::showEntry(const std::optional<HistoryEntry> &entry)
{
    setHtml(entry ? html(*entry) : emptyHtml());
}

QString HistoryDetailsView::emptyHtml()
{
    return QStringLiteral("<p style=\"color:gray;\">%1</p>")
        .arg(esc(
            tr("Select an attempt to see its request, the server's answer and what to do next.")));
}

HeaderList HistoryDetailsView::redacted(const HeaderList &headers)
{
    static const QByteArrayList secretNames = {
        QByteArrayLiteral("authorization"),
        QByteArrayLiteral("proxy-authorization"),
        QByteArrayLiteral("cookie"),
        QByteArrayLiteral("set-cookie"),
        QByteArrayLiteral("x-api-key"),
        QByteArrayLiteral("api-key"),
    };
    HeaderList out = headers;
    const QByteArray marker = QByteArrayLiteral("<redacted>");
    for (auto &header : out) {
        if (!secretNames.contains(header.first.toLower()) || header.second.contains(marker))
            continue;
        // Keep the scheme ("Bearer", "Basic"): it tells what kind of credential was used.
        const qsizetype space = header.second.indexOf(' ');
        const QByteArray scheme = header.first.toLower().endsWith("authorization") && space > 0
            ? header.second.left(space + 1)
            : QByteArray();
        header.second = scheme + marker;
    }
    return out;
}

RequestRecord HistoryDetailsView::redacted(const RequestRecord &request)
{
    RequestRecord out = request;
    out.headers = redacted(request.headers);
    return out;
}

QString HistoryDetailsView::html(const HistoryEntry &entry)
{
    const Outcome outcome = entry.toOutcome();
    const Explanation explanation = explain(outcome);
    const QString status = entry.httpStatus ? QStringLiteral("HTTP %1").arg(*entry.httpStatus)
                                            : tr("no HTTP answer");
    QString out;
    const bool unknown = entry.state == HistoryState::Pending;
    out += QStringLiteral(
        "<h2 style=\"margin-bottom:2px;\">%1 <span style=\"font-weight:normal;\">· %2</span></h2>")
               .arg(esc(unknown ? entry.title : outcomeKindLabel(entry.kind)),
                   esc(unknown ? tr("no outcome recorded") : status));

    out += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
    out += row(tr("Job key"), QStringLiteral("<tt>%1</tt>").arg(esc(entry.jobKey)));
    out += row(tr("Time"),
        esc(QStringLiteral("%1 local · %2")
                .arg(entry.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                    entry.time.toUTC().toString(Qt::ISODateWithMs))));
    out += row(tr("Action"), esc(actionKindName(entry.action)));
    out += row(tr("Connection"),
        esc(entry.connection) + (entry.production ? esc(tr(" — production")) : QString())
            + QStringLiteral(" <span style=\"color:gray;\">(%1)</span>")
                  .arg(esc(historySourceName(entry.source))));
    out += row(tr("Duration"), esc(QStringLiteral("%1 ms").arg(entry.elapsedMs)));
    if (entry.check != LookupCheck::None)
        out += row(tr("Looked up"),
            esc(QStringLiteral("%1 (%2)").arg(lookupCheckName(entry.check),
                entry.checkedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))));
    // A denial's title is the window's record of the decision, not the server's words.
    const bool denial = entry.kind == OutcomeKind::Denied;
    if (denial)
        out += row(tr("Decision"), esc(entry.title));
    out += QStringLiteral("</table>");

    out += section(tr("What it means"));
    if (unknown)
        out += QStringLiteral("<p>%1</p>")
                   .arg(esc(tr("The request was on its way when the program ended or was "
                               "interrupted, so no answer was recorded. The server may have acted "
                               "on it: look the job up before sending it again.")));
    else
        out += QStringLiteral("<p>%1</p>").arg(esc(explanation.summary));
    if (!unknown && !explanation.nextStep.isEmpty())
        out += QStringLiteral("<p><b>%1</b> %2</p>")
                   .arg(esc(tr("Next step:")), esc(explanation.nextStep));

    out += section(tr("Response"));
    if (!entry.transportError.isEmpty())
        out += QStringLiteral("<p><b>%1</b> %2</p>")
                   .arg(esc(tr("Error:")), esc(entry.transportError));
    if (!entry.redirectLocation.isEmpty()) {
        out += QStringLiteral("<p><b>%1</b> <tt>%2</tt> %3</p>")
                   .arg(esc(tr("Redirected to:")), esc(entry.redirectLocation),
                       esc(tr("(not followed: check the base URL)")));
    }
    if (entry.httpStatus) {
        out += QStringLiteral("<p><b>%1</b> %2</p>")
                   .arg(esc(tr("Status:")), QString::number(*entry.httpStatus));
        if (outcome.problem.isProblem()) {
            out += QStringLiteral("<p style=\"margin-bottom:2px;\"><b>%1</b></p>")
                       .arg(esc(tr("Problem details (every field, as sent):")));
            out += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\" border=\"0\">");
            for (const ProblemDetails::Member &member : outcome.problem.members()) {
                out += QStringLiteral(
                    "<tr><td "
                    "style=\"padding-right:12px;\"><tt>%1</tt></td><td><tt>%2</tt></td></tr>")
                           .arg(esc(member.name),
                               esc(member.displayValue())
                                   .replace(QLatin1Char('\n'), QStringLiteral("<br>")));
            }
            out += QStringLiteral("</table>");
        } else if (!denial && (!entry.title.isEmpty() || !entry.detail.isEmpty())) {
            if (!entry.title.isEmpty())
                out += QStringLiteral("<p><b>%1</b> %2</p>")
                           .arg(esc(tr("Title:")), esc(entry.title));
            if (!entry.detail.isEmpty())
                out += QStringLiteral("<p><b>%1</b> %2</p>")
                           .arg(esc(tr("Detail:")), esc(entry.detail));
        }
        if (!entry.responseHeaders.isEmpty()) {
            out += QStringLiteral("<p style=\"margin-bottom:0px;\"><b>%1</b></p>")
                       .arg(esc(tr("Headers")));
            out += pre(headersText(redacted(entry.responseHeaders)));
        }
        out += bodyBlock(tr("Body"), entry.responseBody, entry.responseBodyTotalBytes,
            entry.responseBodyTruncated);
    }

    out += section(tr("Request"));
    if (entry.request.method.isEmpty() && entry.request.url.isEmpty()) {
        out += QStringLiteral("<p>%1</p>").arg(esc(tr("Not recorded.")));
    } else {
        out += pre(QString::fromLatin1(entry.request.method) + QLatin1Char(' ')
            + entry.request.url.toDisplayString());
        if (!entry.request.headers.isEmpty()) {
            out += QStringLiteral("<p style=\"margin-bottom:0px;\"><b>%1</b> <span>(%2)</span></p>")
                       .arg(esc(tr("Headers")), esc(tr("secrets redacted")));
            out += pre(headersText(redacted(entry.request.headers)));
        }
        out += bodyBlock(tr("Body"), entry.request.body, entry.request.body.size(), false);
    }
    return out;
}

} // namespace JobDesk
