// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/JobsClient.h"
#include "core/lookup/JobSearchPager.h"
#include "support/FakeNetworkAccessManager.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;
using Response = FakeNetworkAccessManager::Response;

namespace {

/// Page `n` of three: two jobs each, a cursor until the last.
Response page(int n)
{
    QByteArray items;
    for (int i = 0; i < 2; ++i) {
        if (i > 0)
            items += ',';
        items += "{\"jobKey\":\"" + QByteArray::number(2251799813685249LL + n * 2 + i) + "\"}";
    }
    const QByteArray cursor = n < 2 ? "\"c" + QByteArray::number(n) + "\"" : QByteArray("null");
    return Response::json(200,
        "{\"items\":[" + items + "],\"page\":{\"totalItems\":6,\"endCursor\":" + cursor + "}}");
}

} // namespace

class TestJobSearchPager final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void pagesOnlyWhenAsked()
    {
        FakeNetworkAccessManager nam;
        JobsClient client(&nam);
        client.setApiRoot(QUrl(QStringLiteral("http://camunda.test:8080")));
        for (int n = 0; n < 3; ++n)
            nam.enqueue(page(n));
        JobSearchPager pager(&client);
        QSignalSpy pages(&pager, &JobSearchPager::pageArrived);
        SearchRequest search;
        search.target = SearchTarget::Jobs;
        search.limit = 2;
        pager.start(search);
        QVERIFY(pages.wait());
        QCOMPARE(pages.first().at(1).toBool(), true); // first
        QCOMPARE(pager.total(), std::optional<qint64>(6));
        QVERIFY(pager.hasMore());
        QTest::qWait(20);
        QCOMPARE(nam.requestCount(), 1); // nothing read ahead unasked

        pager.fetchNext();
        pager.fetchNext(); // one in flight: ignored
        QVERIFY(pages.wait());
        QCOMPARE(nam.requestCount(), 2);
        QVERIFY(nam.lastRequest().body.contains("\"after\":\"c0\""));
        pager.fetchNext();
        QVERIFY(pages.wait());
        QCOMPARE(pages.size(), 3);
        QVERIFY(!pager.hasMore()); // no cursor: the end
        pager.fetchNext();
        QTest::qWait(20);
        QCOMPARE(nam.requestCount(), 3);
    }

    void failureEnds()
    {
        FakeNetworkAccessManager nam;
        JobsClient client(&nam);
        client.setApiRoot(QUrl(QStringLiteral("http://camunda.test:8080")));
        nam.enqueue(Response::json(405));
        JobSearchPager pager(&client);
        QSignalSpy failed(&pager, &JobSearchPager::failed);
        pager.start(SearchRequest {});
        QVERIFY(failed.wait());
        QVERIFY(!pager.hasMore());
        QCOMPARE(failed.first().at(0).value<Outcome>().httpStatus, std::optional<int>(405));
    }
};

QTEST_GUILESS_MAIN(TestJobSearchPager)
#include "tst_JobSearchPager.moc"
