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

} // namespace SearchDetail

template <typename Record>
QJsonObject SearchRunner<Record>::run(
    const SearchQuery &query, const std::vector<Record> &records) const
{
    // Rows stay small (a million hits is common): the sort values live in one flat array.
    struct Row
    {
        qint64 key;
        const Record *record;
        std::size_t values; ///< index of the first sort value in `sortValues`
    };
    const std::size_t sortCount = query.sort.size();
    std::vector<Row> rows;
    rows.reserve(records.size()); // no moves while a million hits come in
    std::vector<Value> sortValues;
    sortValues.reserve(sortCount == 0 ? 0 : records.size() * sortCount);
    for (const Record &record : records) {
        const bool hit = std::all_of(query.conditions.begin(), query.conditions.end(),
            [&](const Condition &c) { return matches(c, valueOf(record, c.field)); });
        if (!hit)
            continue;
        rows.push_back(Row {keyOf(record), &record, sortValues.size()});
        for (const auto &s : query.sort)
            sortValues.push_back(valueOf(record, s.first));
    }
    const qint64 total = qint64(rows.size());
    const auto compareTo = [&](const Row &row, const Value *values, qint64 key) {
        for (std::size_t i = 0; i < sortCount; ++i) {
            const Value &a = sortValues[row.values + i];
            if (a.null != values[i].null)
                return a.null ? 1 : -1;
            const int c = compare(a, values[i]);
            if (c != 0)
                return query.sort[i].second ? -c : c;
        }
        return row.key < key ? -1 : (row.key > key ? 1 : 0);
    };
    const auto compareRows = [&](const Row &a, const Row &b) {
        return compareTo(a, sortValues.data() + b.values, b.key);
    };

    // A cursor keeps only the rows after (or before) the record it was made from.
    const std::optional<QJsonArray> &cursor = query.after ? query.after : query.before;
    if (cursor) {
        std::vector<Value> values;
        qint64 key = 0;
        SearchDetail::decodeCursor(*cursor, sortCount, &values, &key);
        const int wantedSign = query.after ? 1 : -1;
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                       [&](const Row &row) {
                           const int c = compareTo(row, values.data(), key);
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
    const auto cursorOf = [&](const Row *row) {
        return QJsonValue(
            encodeCursor(std::vector<Value>(sortValues.begin() + qsizetype(row->values),
                             sortValues.begin() + qsizetype(row->values + sortCount)),
                row->key));
    };
    const QJsonValue start = page.empty() ? QJsonValue() : cursorOf(page.front());
    const QJsonValue end = page.empty() ? QJsonValue() : cursorOf(page.back());
    return QJsonObject {
        {QStringLiteral("items"), items}, {QStringLiteral("page"), pageObject(total, start, end)}};
}

} // namespace JobDesk::Sandbox
