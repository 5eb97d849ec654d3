// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/ProblemDetails.h"

#include "core/json/Json.h"

#include <utility>

namespace JobDesk {

namespace {

bool isStandard(const QString &name)
{
    return name == QLatin1String("type") || name == QLatin1String("title")
        || name == QLatin1String("status") || name == QLatin1String("detail")
        || name == QLatin1String("instance");
}

/// A string member unescaped, null as empty, anything else as its raw JSON.
QString textValue(const QByteArray &raw)
{
    if (raw == "null")
        return QString();
    if (raw.startsWith('"'))
        return Json::unescape(QString::fromUtf8(raw));
    return QString::fromUtf8(raw);
}

std::optional<int> statusValue(const QByteArray &raw)
{
    QByteArray digits = raw;
    if (digits.startsWith('"'))
        digits = Json::unescape(QString::fromUtf8(raw)).trimmed().toUtf8();
    bool ok = false;
    const int value = digits.toInt(&ok);
    if (ok)
        return value;
    const double d = digits.toDouble(&ok);
    if (ok && d >= 0 && d < 1000 && d == static_cast<double>(static_cast<int>(d)))
        return static_cast<int>(d);
    return std::nullopt;
}

} // namespace

QString ProblemDetails::Member::displayValue() const
{
    if (rawJson.startsWith('"'))
        return Json::unescape(QString::fromUtf8(rawJson));
    return QString::fromUtf8(rawJson);
}

ProblemDetails ProblemDetails::parse(const QByteArray &body, const QByteArray &contentType)
{
    // The content type is not trusted either way: servers send problem documents as
    // application/json and proxies send HTML as anything. The body decides.
    Q_UNUSED(contentType)
    ProblemDetails problem;
    QByteArray bytes = body;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QString text = QString::fromUtf8(bytes);

    Json::ScanOptions options;
    options.findDuplicates = false;
    options.collectTopLevelMembers = true;
    const Json::ScanResult scanned = Json::scan(text, options);
    problem.m_isJson = scanned.ok();
    if (scanned.rootKind != Json::ValueKind::Object)
        return problem;
    problem.m_isPartial = !scanned.ok();

    bool seen[5] = {false, false, false, false, false};
    for (const Json::Member &m : scanned.members) {
        Member member {m.name, QStringView(text).mid(m.valueOffset, m.valueLength).toUtf8()};
        const QString &name = member.name;
        if (isStandard(name)) {
            problem.m_isProblem = true;
            if (name == QLatin1String("type") && !std::exchange(seen[0], true))
                problem.m_type = textValue(member.rawJson);
            else if (name == QLatin1String("title") && !std::exchange(seen[1], true))
                problem.m_title = textValue(member.rawJson);
            else if (name == QLatin1String("status") && !std::exchange(seen[2], true))
                problem.m_status = statusValue(member.rawJson);
            else if (name == QLatin1String("detail") && !std::exchange(seen[3], true))
                problem.m_detail = textValue(member.rawJson);
            else if (name == QLatin1String("instance") && !std::exchange(seen[4], true))
                problem.m_instance = textValue(member.rawJson);
        }
        problem.m_members.append(std::move(member));
    }
    return problem;
}

QList<ProblemDetails::Member> ProblemDetails::extensionMembers() const
{
    QList<Member> result;
    for (const Member &m : m_members) {
        if (!isStandard(m.name))
            result.append(m);
    }
    return result;
}

} // namespace JobDesk
