// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/HistoryModel.h"

#include "core/base/Logging.h"

#include <QBrush>
#include <QColor>
#include <QElapsedTimer>
#include <QFont>
#include <QFontDatabase>
#include <QLocale>

#include <algorithm>

namespace JobDesk {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

HistoryModel::~HistoryModel() = default;

void HistoryModel::setStore(const HistoryStore *store)
{
    m_store = store;
    reload();
}

void HistoryModel::setFilter(const HistoryFilter &filter)
{
    if (filter.text == m_filter.text && filter.kinds == m_filter.kinds
        && filter.actions == m_filter.actions && filter.linkId == m_filter.linkId)
        return;
    m_filter = filter;
    reload();
}

void HistoryModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn));
}

void HistoryModel::reload()
{
    // The first page is part of the reset: views see one change, not a reset and an insert.
    beginResetModel();
    m_rows.clear();
    m_ids.clear();
    m_complete = m_store == nullptr || !m_store->isOpen();
    m_newestIdSeen = m_complete ? 0 : m_store->lastId();
    if (!m_complete) {
        for (const HistoryEntry &entry : nextPage()) {
            m_rows.append(entry);
            m_ids.insert(entry.id);
        }
    }
    // No fetching from inside our own modelReset signal (QAbstractItemModelTester in Qt 6.4
    // does that before it considers the reset finished); views fetch later anyway.
    m_fetching = true;
    endResetModel();
    m_fetching = false;
}

QList<HistoryEntry> HistoryModel::nextPage()
{
    QElapsedTimer timer;
    timer.start();
    const QList<HistoryEntry> page
        = m_store->query(m_filter, int(m_rows.size()), kPageSize).value_or(QList<HistoryEntry>());
    m_complete = page.size() < kPageSize;
    QList<HistoryEntry> fresh;
    fresh.reserve(page.size());
    for (const HistoryEntry &entry : page) {
        // Rows another writer added since the last page shift the offset: skip repeats.
        if (!m_ids.contains(entry.id))
            fresh.append(entry);
    }
    qCDebug(lcUi) << "history page at" << m_rows.size() << "in" << timer.elapsed() << "ms";
    return fresh;
}

int HistoryModel::addEntry(qint64 id)
{
    if (m_store == nullptr)
        return -1;
    if (m_ids.contains(id)) {
        // Shown already, e.g. as an attempt without an outcome yet: show it as it is now.
        const int row = rowOfId(id);
        refreshRow(row);
        return row;
    }
    return insertIfMatches(id);
}

bool HistoryModel::refreshRow(int row)
{
    if (row < 0 || row >= m_rows.size())
        return false;
    std::optional<HistoryEntry> entry = m_store->entry(m_rows.at(row).id);
    if (!entry || entry->state == m_rows.at(row).state)
        return false;
    entry->request = {};
    entry->responseHeaders.clear();
    entry->responseBody.clear();
    m_rows[row] = *entry;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    return true;
}

int HistoryModel::refreshPending()
{
    if (m_store == nullptr || !m_store->isOpen())
        return 0;
    // One read for all of them: a running batch keeps a window of rows Pending, and a full
    // entry read per row would hold the UI thread for tens of milliseconds every poll.
    QList<qint64> pending;
    QHash<qint64, int> rowOf;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).state == HistoryState::Pending) {
            pending.append(m_rows.at(row).id);
            rowOf.insert(m_rows.at(row).id, row);
        }
    }
    if (pending.isEmpty())
        return 0;
    const std::optional<QList<HistoryEntry>> now = m_store->summaries(pending);
    if (!now)
        return 0;
    int changed = 0;
    for (const HistoryEntry &entry : *now) {
        const int row = rowOf.value(entry.id, -1);
        if (row < 0 || entry.state == m_rows.at(row).state)
            continue;
        m_rows[row] = entry;
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
        ++changed;
    }
    return changed;
}

int HistoryModel::insertIfMatches(qint64 id)
{
    std::optional<HistoryEntry> entry = m_store->entry(id);
    if (!entry || !matches(*entry, m_filter))
        return -1;
    // Keep only the summary: the details pane reads the full entry when it is selected.
    entry->request = {};
    entry->responseHeaders.clear();
    entry->responseBody.clear();
    // Newest first (time, then id, as the store orders): a new attempt goes to the top; an
    // older one (rare: a concurrent writer) goes where it belongs among the loaded rows.
    int row = 0;
    while (row < m_rows.size()
        && (m_rows.at(row).time > entry->time
            || (m_rows.at(row).time == entry->time && m_rows.at(row).id > id)))
        ++row;
    if (row == m_rows.size() && !m_complete)
        return -1; // belongs to a page not loaded yet; paging will bring it
    beginInsertRows({}, row, row);
    m_rows.insert(row, *entry);
    m_ids.insert(id);
    m_fetching = true; // no paging from inside our own rowsInserted (see reload())
    endInsertRows();
    m_fetching = false;
    return row;
}

int HistoryModel::fetchNewer()
{
    if (m_store == nullptr || !m_store->isOpen())
        return 0;
    const qint64 last = m_store->lastId();
    if (last - m_newestIdSeen > kPageSize) {
        // Many arrived at once: start over rather than look at each.
        const int before = rowCount();
        reload();
        return std::max(0, rowCount() - before);
    }
    // Ids only grow: look at each new one by primary key (never a filtered scan).
    int inserted = 0;
    for (qint64 id = m_newestIdSeen + 1; id <= last; ++id) {
        if (!m_ids.contains(id) && insertIfMatches(id) >= 0)
            ++inserted;
    }
    m_newestIdSeen = std::max(m_newestIdSeen, last);
    return inserted;
}

void HistoryModel::resetWith(
    const HistoryFilter &filter, const QList<HistoryEntry> &firstPage, qint64 newestIdBefore)
{
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_ids.clear();
    for (const HistoryEntry &entry : firstPage) {
        if (!m_ids.contains(entry.id)) {
            m_rows.append(entry);
            m_ids.insert(entry.id);
        }
    }
    m_complete = m_store == nullptr || firstPage.size() < kPageSize;
    m_newestIdSeen = newestIdBefore;
    m_fetching = true; // see reload()
    endResetModel();
    m_fetching = false;
    fetchNewer(); // whatever was appended while the page was read elsewhere
}

const HistoryEntry *HistoryModel::entryAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_rows.at(row);
}

int HistoryModel::rowOfId(qint64 id) const
{
    if (!m_ids.contains(id))
        return -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

bool HistoryModel::matches(const HistoryEntry &entry, const HistoryFilter &filter)
{
    if (!filter.kinds.isEmpty() && !filter.kinds.contains(entry.kind))
        return false;
    if (!filter.actions.isEmpty() && !filter.actions.contains(entry.action))
        return false;
    if ((filter.state && *filter.state != entry.state)
        || (!filter.linkId.isEmpty() && filter.linkId != entry.linkId)
        || (filter.batchId != 0 && filter.batchId != entry.batchId))
        return false;
    if (filter.text.isEmpty())
        return true;
    for (const QString *field : {&entry.jobKey, &entry.title, &entry.detail, &entry.connection}) {
        if (field->contains(filter.text, Qt::CaseInsensitive))
            return true;
    }
    return QString::fromUtf8(entry.request.body).contains(filter.text, Qt::CaseInsensitive);
}

QString HistoryModel::timeText(const QDateTime &time, const QDateTime &now)
{
    const QDateTime local = time.toLocalTime();
    const QDate today = now.toLocalTime().date();
    if (local.date() == today)
        return local.toString(QStringLiteral("HH:mm:ss"));
    if (local.date().year() == today.year())
        return local.toString(QStringLiteral("MM-dd HH:mm:ss"));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString HistoryModel::titleText(const HistoryEntry &entry)
{
    // Completions are most of the log: only the other actions are named.
    QString text = entry.title;
    if (entry.action != ActionKind::Complete)
        text = actionKindName(entry.action) + QStringLiteral(" · ") + text;
    if (!entry.linkId.isEmpty())
        text = tr("repair · %1").arg(text);
    return text;
}

QVariant HistoryModel::linkTint(const QString &linkId)
{
    // One of four light tints, picked by the link id: the rows of one repair share it, and two
    // repairs next to each other rarely do. Light enough for the text on light and dark palettes.
    static const QColor accents[] = {QColor(0x3f, 0x7f, 0xbf), QColor(0x8f, 0x5f, 0xbf),
        QColor(0x3f, 0x9f, 0x8f), QColor(0xbf, 0x8f, 0x3f)};
    QColor tint = accents[qHash(linkId) % 4];
    tint.setAlpha(48);
    return QBrush(tint);
}

QString HistoryModel::connectionText(const QString &connection)
{
    // Profiles are recorded by name; address-only connections by their API root.
    QString text = connection;
    for (const QLatin1String scheme : {QLatin1String("https://"), QLatin1String("http://")}) {
        if (text.startsWith(scheme)) {
            text.remove(0, scheme.size());
            if (text.endsWith(QLatin1String("/v2/")))
                text.chop(4);
            else if (text.endsWith(u'/'))
                text.chop(1);
            break;
        }
    }
    return text;
}

QString HistoryModel::durationText(qint64 elapsedMs)
{
    if (elapsedMs < 1000)
        return tr("%1 ms").arg(elapsedMs);
    if (elapsedMs < 60000)
        return tr("%1 s").arg(QLocale().toString(double(elapsedMs) / 1000.0, 'f', 1));
    return tr("%1 min %2 s").arg(elapsedMs / 60000).arg((elapsedMs % 60000) / 1000);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &entry = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timeText(entry.time, m_clock.now());
        case ConnectionColumn:
            // Attempts that went to a production profile are marked where the eye looks first.
            return entry.production ? tr("PROD · %1").arg(connectionText(entry.connection))
                                    : connectionText(entry.connection);
        case JobKeyColumn:
            return entry.jobKey;
        case OutcomeColumn:
            return outcomeKindLabel(entry.kind);
        case StatusColumn:
            return entry.httpStatus ? QString::number(*entry.httpStatus) : QStringLiteral("\u2014");
        case TitleColumn:
            return titleText(entry);
        case DurationColumn:
            return durationText(entry.elapsedMs);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return tr("%1 (local)\n%2 (UTC)")
                .arg(entry.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
                    entry.time.toUTC().toString(Qt::ISODateWithMs));
        case ConnectionColumn:
            return entry.production
                ? tr("%1 (from %2) — a production profile")
                      .arg(entry.connection, historySourceName(entry.source))
                : tr("%1 (from %2)").arg(entry.connection, historySourceName(entry.source));
        case OutcomeColumn:
            return tr("%1 (%2)").arg(outcomeKindLabel(entry.kind), outcomeKindName(entry.kind));
        case TitleColumn: {
            QString tip = entry.detail.isEmpty() ? entry.title
                                                 : entry.title + QLatin1Char('\n') + entry.detail;
            if (!entry.linkId.isEmpty())
                tip += tr("\nOne step of a repair (link %1)").arg(entry.linkId);
            return tip;
        }
        default:
            return {};
        }
    case Qt::FontRole:
        if (index.column() == JobKeyColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (index.column() == ConnectionColumn && entry.production) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::BackgroundRole:
        // The steps of one repair share a tint, alternating from one repair to the next, so a
        // repair reads as one block in the log.
        if (!entry.linkId.isEmpty())
            return linkTint(entry.linkId);
        return {};
    case ActionRole:
        return actionKindName(entry.action);
    case LinkIdRole:
        return entry.linkId;
    case ProductionRole:
        return entry.production;
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case EntryIdRole:
        return entry.id;
    case OutcomeKindRole:
        return int(entry.kind);
    case JobKeyRole:
        return entry.jobKey;
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ConnectionColumn:
        return tr("Connection");
    case JobKeyColumn:
        return tr("Job key");
    case OutcomeColumn:
        return tr("Outcome");
    case StatusColumn:
        return tr("Status");
    case TitleColumn:
        return tr("Title");
    case DurationColumn:
        return tr("Duration");
    default:
        return {};
    }
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    // Views (and QAbstractItemModelTester) call fetchMore from rowsInserted handlers: one page
    // at a time, never nested.
    if (parent.isValid() || m_complete || m_store == nullptr || m_fetching)
        return;
    m_fetching = true;
    const QList<HistoryEntry> fresh = nextPage();
    if (!fresh.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const HistoryEntry &entry : fresh) {
            m_rows.append(entry);
            m_ids.insert(entry.id);
        }
        endInsertRows();
    }
    m_fetching = false;
}

} // namespace JobDesk
