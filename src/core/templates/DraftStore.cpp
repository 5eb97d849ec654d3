// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/templates/DraftStore.h"

#include "core/base/AtomicFile.h"
#include "core/base/Logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace JobDesk {

namespace {

constexpr int kFormatVersion = 1;

QJsonObject fieldToJson(const Draft::Field &field)
{
    return QJsonObject {{QStringLiteral("set"), field.set}, {QStringLiteral("text"), field.text}};
}

Draft::Field fieldFromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return Draft::Field {object.value(QStringLiteral("set")).toBool(),
        object.value(QStringLiteral("text")).toString()};
}

QString resultKindName(Draft::ResultKind kind)
{
    switch (kind) {
    case Draft::ResultKind::None:
        return QStringLiteral("none");
    case Draft::ResultKind::AdHoc:
        return QStringLiteral("adHocSubProcess");
    case Draft::ResultKind::UserTask:
        break;
    }
    return QStringLiteral("userTask");
}

} // namespace

bool Draft::isEmpty() const
{
    return *this == Draft {};
}

bool operator==(const Draft &a, const Draft &b)
{
    return a.jobKey == b.jobKey && a.variables == b.variables && a.denied == b.denied
        && a.deniedReason == b.deniedReason && a.assignee == b.assignee && a.dueDate == b.dueDate
        && a.followUpDate == b.followUpDate && a.candidateUsers == b.candidateUsers
        && a.candidateGroups == b.candidateGroups && a.priority == b.priority
        && a.correctionsExpanded == b.correctionsExpanded && a.resultKind == b.resultKind
        && a.adHocElements == b.adHocElements
        && a.adHocConditionFulfilled == b.adHocConditionFulfilled
        && a.adHocCancelRemaining == b.adHocCancelRemaining && a.leaseToken == b.leaseToken
        && a.businessId == b.businessId;
}

DraftStore::DraftStore(const QString &path)
    : m_path(path)
{
}

DraftStore::~DraftStore() = default;

QString DraftStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/draft.json");
}

QByteArray DraftStore::toJson(const Draft &draft)
{
    const QJsonObject corrections {
        {QStringLiteral("assignee"), fieldToJson(draft.assignee)},
        {QStringLiteral("dueDate"), fieldToJson(draft.dueDate)},
        {QStringLiteral("followUpDate"), fieldToJson(draft.followUpDate)},
        {QStringLiteral("candidateUsers"), fieldToJson(draft.candidateUsers)},
        {QStringLiteral("candidateGroups"), fieldToJson(draft.candidateGroups)},
        {QStringLiteral("priority"), fieldToJson(draft.priority)},
    };
    QJsonArray elements;
    for (const Draft::AdHocElement &element : draft.adHocElements)
        elements.append(QJsonObject {{QStringLiteral("elementId"), element.elementId},
            {QStringLiteral("variables"), element.variables}});
    const QJsonObject adHoc {
        {QStringLiteral("activateElements"), elements},
        {QStringLiteral("isCompletionConditionFulfilled"), draft.adHocConditionFulfilled},
        {QStringLiteral("isCancelRemainingInstances"), draft.adHocCancelRemaining},
    };
    // The variables travel as a JSON string: their text (digits, key order) is kept verbatim.
    QJsonObject root {
        {QStringLiteral("formatVersion"), kFormatVersion},
        {QStringLiteral("jobKey"), draft.jobKey},
        {QStringLiteral("variables"), draft.variables},
        {QStringLiteral("denied"), draft.denied},
        {QStringLiteral("deniedReason"), draft.deniedReason},
        {QStringLiteral("corrections"), corrections},
        {QStringLiteral("correctionsExpanded"), draft.correctionsExpanded},
        {QStringLiteral("resultType"), resultKindName(draft.resultKind)},
        {QStringLiteral("adHoc"), adHoc},
    };
    if (!draft.leaseToken.isEmpty())
        root.insert(QStringLiteral("leaseToken"), draft.leaseToken);
    if (!draft.businessId.isEmpty())
        root.insert(QStringLiteral("businessId"), draft.businessId);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<Draft> DraftStore::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error)
            *error = QStringLiteral("the draft is not a JSON object (%1)")
                         .arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("formatVersion")).toInt() > kFormatVersion) {
        if (error)
            *error = QStringLiteral("the draft was written by a newer version");
        return std::nullopt;
    }
    Draft draft;
    draft.jobKey = root.value(QStringLiteral("jobKey")).toString();
    draft.variables = root.value(QStringLiteral("variables")).toString();
    draft.denied = root.value(QStringLiteral("denied")).toBool();
    draft.deniedReason = root.value(QStringLiteral("deniedReason")).toString();
    const QJsonObject corrections = root.value(QStringLiteral("corrections")).toObject();
    draft.assignee = fieldFromJson(corrections.value(QStringLiteral("assignee")));
    draft.dueDate = fieldFromJson(corrections.value(QStringLiteral("dueDate")));
    draft.followUpDate = fieldFromJson(corrections.value(QStringLiteral("followUpDate")));
    draft.candidateUsers = fieldFromJson(corrections.value(QStringLiteral("candidateUsers")));
    draft.candidateGroups = fieldFromJson(corrections.value(QStringLiteral("candidateGroups")));
    draft.priority = fieldFromJson(corrections.value(QStringLiteral("priority")));
    draft.correctionsExpanded = root.value(QStringLiteral("correctionsExpanded")).toBool();
    const QString kind = root.value(QStringLiteral("resultType")).toString();
    draft.resultKind = kind == QLatin1String("none") ? Draft::ResultKind::None
        : kind == QLatin1String("adHocSubProcess")   ? Draft::ResultKind::AdHoc
                                                     : Draft::ResultKind::UserTask;
    const QJsonObject adHoc = root.value(QStringLiteral("adHoc")).toObject();
    const QJsonArray elements = adHoc.value(QStringLiteral("activateElements")).toArray();
    for (const QJsonValue &element : elements) {
        const QJsonObject o = element.toObject();
        draft.adHocElements.append({o.value(QStringLiteral("elementId")).toString(),
            o.value(QStringLiteral("variables")).toString()});
    }
    draft.adHocConditionFulfilled
        = adHoc.value(QStringLiteral("isCompletionConditionFulfilled")).toBool();
    draft.adHocCancelRemaining = adHoc.value(QStringLiteral("isCancelRemainingInstances")).toBool();
    draft.leaseToken = root.value(QStringLiteral("leaseToken")).toString();
    draft.businessId = root.value(QStringLiteral("businessId")).toString();
    return draft;
}

DraftStore::Loaded DraftStore::load()
{
    m_error.clear();
    Loaded loaded;
    if (!QFile::exists(m_path))
        return loaded;
    QByteArray json;
    QString why;
    if (!AtomicFile::read(m_path, &json, &why)) {
        m_error = QStringLiteral("Cannot read the draft: %1").arg(why);
        qCWarning(lcStorage).noquote() << m_error;
        loaded.ok = false;
        return loaded;
    }
    loaded.draft = fromJson(json, &why);
    if (!loaded.draft) {
        m_error = QStringLiteral("The draft %1 cannot be used: %2").arg(m_path, why);
        qCWarning(lcStorage).noquote() << m_error;
        loaded.ok = false;
    }
    return loaded;
}

bool DraftStore::save(const Draft &draft)
{
    m_error.clear();
    if (draft.isEmpty()) {
        if (QFile::exists(m_path) && !QFile::remove(m_path)) {
            m_error = QStringLiteral("Cannot remove the draft %1").arg(m_path);
            return false;
        }
        return true;
    }
    if (!AtomicFile::write(m_path, toJson(draft), AtomicFile::Access::Private, &m_error)) {
        m_error = QStringLiteral("Cannot write the draft: %1").arg(m_error);
        return false;
    }
    return true;
}

} // namespace JobDesk
