// SPDX-License-Identifier: GPL-3.0-or-later
// SearchRunner<Record>::run, included by SearchQuery.h (a template: the searches of jobs,
// incidents, variables and batch items share it).
#pragma once

#include "sandbox/SearchQuery.h"

#include <algorithm>

namespace JobDesk::Sandbox {

namespace SearchDetail {

/// Decodes a cursor's values (as encodeCursor wrote them) into sort values and the key.
bool decodeCursor(
    const QJsonArray &cursor, std::size_t sortCount, std::vector<Value> *values, qint64 *key);

/// Orders two rows by the query's sort (nulls last in either direction), then by key.
inline int compareRows(const std::vector<std::pair<int, bool>> &sort, const std::vector<Value> &a,
    qint64 aKey, const std::vector<Value> &b, qint64 bKey)
{
    for (std::size_t i = 0; i < sort.size(); ++i) {
        if (a[i].null != b[i].null)
            return a[i].null ? 1 : -1;
        const int c = compare(a[i], b[i]);
        if (c != 0)
            return sort[i].second ? -c : c;
    }
    return aKey < bKey ? -1 : (aKey > bKey ? 1 : 0);
}

} // namespace SearchDetail

template <typename Record>
QJsonObject SearchRunner<Record>::run(
    const SearchQuery &query, const std::vector<Record> &records) const
{
    struct Row
    {
        std::vector<Value> sortValues;
        qint64 key;
        const Record *record;
    };
    std::vector<Row> rows;
    for (const Record &record : records) {
        const bool hit = std::all_of(query.conditions.begin(), query.conditions.end(),
            [&](const Condition &c) { return matches(c, valueOf(record, c.field)); });
        if (!hit)
            continue;
        Row row {{}, keyOf(record), &record};
        row.sortValues.reserve(query.sort.size());
        for (const auto &s : query.sort)
            row.sortValues.push_back(valueOf(record, s.first));
        rows.push_back(std::move(row));
    }
    const qint64 total = qint64(rows.size());
    const auto compareRows = [&](const Row &a, const Row &b) {
        return SearchDetail::compareRows(query.sort, a.sortValues, a.key, b.sortValues, b.key);
    };

    // A cursor keeps only the rows after (or before) the record it was made from.
    const std::optional<QJsonArray> &cursor = query.after ? query.after : query.before;
    if (cursor) {
        std::vector<Value> values;
        qint64 key = 0;
        SearchDetail::decodeCursor(*cursor, query.sort.size(), &values, &key);
        const int wantedSign = query.after ? 1 : -1;
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                       [&](const Row &row) {
                           const int c = SearchDetail::compareRows(
                               query.sort, row.sortValues, row.key, values, key);
                           return c == 0 || (c > 0 ? 1 : -1) != wantedSign;
                       }),
            rows.end());
    }

    std::vector<const Row *> page;
    const auto count = qint64(rows.size());
    if (query.before) {
        // The last `limit` rows before the cursor, in order.
        const qint64 n = std::min(count, query.limit);
        std::partial_sort(rows.begin(), rows.begin() + n, rows.end(),
            [&](const Row &a, const Row &b) { return compareRows(a, b) > 0; });
        for (qint64 i = n - 1; i >= 0; --i)
            page.push_back(&rows.at(std::size_t(i)));
    } else {
        const qint64 from = query.after ? 0 : std::min(query.from, count);
        const qint64 end = std::min(count, from + query.limit);
        std::partial_sort(rows.begin(), rows.begin() + end, rows.end(),
            [&](const Row &a, const Row &b) { return compareRows(a, b) < 0; });
        for (qint64 i = from; i < end; ++i)
            page.push_back(&rows.at(std::size_t(i)));
    }

    QJsonArray items;
    for (const Row *row : page)
        items.append(toJson(*row->record));
    const QJsonValue start = page.empty()
        ? QJsonValue()
        : QJsonValue(encodeCursor(page.front()->sortValues, page.front()->key));
    const QJsonValue end = page.empty()
        ? QJsonValue()
        : QJsonValue(encodeCursor(page.back()->sortValues, page.back()->key));
    return QJsonObject {
        {QStringLiteral("items"), items}, {QStringLiteral("page"), pageObject(total, start, end)}};
}

} // namespace JobDesk::Sandbox
