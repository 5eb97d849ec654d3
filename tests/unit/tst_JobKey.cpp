// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/JobKey.h"

#include <QStandardPaths>
#include <QTest>

#include <limits>

using namespace JobDesk;

class tst_JobKey final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void accepted_data();
    void accepted();
    void rejected_data();
    void rejected();
    void partitionHint();
    void equality();
    void otherKindsOfKeys();
};

void tst_JobKey::accepted_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<int>("partition");

    const qint64 p1 = (qint64(1) << 51) + 1;
    QTest::newRow("plain") << QStringLiteral("2251799813685249")
                           << QStringLiteral("2251799813685249") << p1 << 1;
    QTest::newRow("spaces around") << QStringLiteral("  2251799813685249\t\n")
                                   << QStringLiteral("2251799813685249") << p1 << 1;
    QTest::newRow("double quotes")
        << QStringLiteral("\"2251799813685249\"") << QStringLiteral("2251799813685249") << p1 << 1;
    QTest::newRow("single quotes")
        << QStringLiteral("'2251799813685249'") << QStringLiteral("2251799813685249") << p1 << 1;
    QTest::newRow("quotes and spaces") << QStringLiteral(" \" 2251799813685249 \" ")
                                       << QStringLiteral("2251799813685249") << p1 << 1;
    QTest::newRow("nbsp around") << QStringLiteral("\u00A02251799813685249\u00A0")
                                 << QStringLiteral("2251799813685249") << p1 << 1;
    QTest::newRow("leading zeros dropped")
        << QStringLiteral("0002251799813685249") << QStringLiteral("2251799813685249") << p1 << 1;
    QTest::newRow("partition 4") << QStringLiteral("9007199254741009")
                                 << QStringLiteral("9007199254741009") << (qint64(4) << 51) + 17
                                 << 4;
    QTest::newRow("one") << QStringLiteral("1") << QStringLiteral("1") << qint64(1) << 0;
    QTest::newRow("INT64_MAX") << QStringLiteral("9223372036854775807")
                               << QStringLiteral("9223372036854775807")
                               << std::numeric_limits<qint64>::max() << 4095;
    QTest::newRow("INT64_MAX with zeros")
        << QStringLiteral("000009223372036854775807") << QStringLiteral("9223372036854775807")
        << std::numeric_limits<qint64>::max() << 4095;
    QTest::newRow("beyond 2^53 exact")
        << QStringLiteral("9007199254740993") << QStringLiteral("9007199254740993")
        << qint64(9007199254740993LL) << 4;
}

void tst_JobKey::accepted()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QFETCH(qint64, value);
    QFETCH(int, partition);

    const JobKey::ParseResult result = JobKey::parse(input);
    QVERIFY2(result.key.has_value(), qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QVERIFY(result.key->isValid());
    QCOMPARE(result.key->toString(), canonical);
    QCOMPARE(result.key->value(), value);
    QCOMPARE(result.key->partitionId(), partition);
}

void tst_JobKey::rejected_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("mustContain");

    const QString rounded = QStringLiteral(
        "looks like a number rounded by a spreadsheet or JavaScript — copy the key as text");
    QTest::newRow("empty") << QString() << QStringList {QStringLiteral("empty")};
    QTest::newRow("blank") << QStringLiteral("   \t ") << QStringList {QStringLiteral("empty")};
    QTest::newRow("empty quotes") << QStringLiteral("\"\"")
                                  << QStringList {QStringLiteral("empty")};
    QTest::newRow("full-width digits")
        << QStringLiteral("２２５１７９９８１３６８５２４９")
        << QStringList {QStringLiteral("full-width digit"), QStringLiteral("U+FF12"),
               QStringLiteral("position 1")};
    QTest::newRow("nbsp inside") << QStringLiteral("2251799\u00A0813685249")
                                 << QStringList {QStringLiteral("no-break space"),
                                        QStringLiteral("U+00A0"), QStringLiteral("position 8")};
    QTest::newRow("zero-width space")
        << QStringLiteral("22517998136\u200B85249")
        << QStringList {QStringLiteral("invisible"), QStringLiteral("U+200B")};
    QTest::newRow("arabic-indic digit") << QStringLiteral(
        "12\u0663") << QStringList {QStringLiteral("non-ASCII digit"), QStringLiteral("U+0663")};
    QTest::newRow("letter") << QStringLiteral("22517998x3685249")
                            << QStringList {QStringLiteral("only digits"), QStringLiteral("'x'"),
                                   QStringLiteral("position 9")};
    QTest::newRow("letter position counts quotes") << QStringLiteral(
        " \"12a\"") << QStringList {QStringLiteral("'a'"), QStringLiteral("position 5")};
    QTest::newRow("space inside") << QStringLiteral("2251799 813685249")
                                  << QStringList {
                                         QStringLiteral("a space"), QStringLiteral("position 8")};
    QTest::newRow("thousands separators")
        << QStringLiteral("2,251,799,813,685,249")
        << QStringList {QStringLiteral("','"), QStringLiteral("position 2")};
    QTest::newRow("one quote only") << QStringLiteral(
        "\"2251799813685249") << QStringList {QStringLiteral("'\"'"), QStringLiteral("position 1")};
    QTest::newRow("mismatched quotes")
        << QStringLiteral("\"2251799813685249'") << QStringList {QStringLiteral("only digits")};
    QTest::newRow("two pairs of quotes")
        << QStringLiteral("\"\"1\"\"") << QStringList {QStringLiteral("only digits")};
    QTest::newRow("scientific") << QStringLiteral("2.2517998136852E+15") << QStringList {rounded};
    QTest::newRow("scientific lower")
        << QStringLiteral("2.2517998136852e15") << QStringList {rounded};
    QTest::newRow("decimal .0") << QStringLiteral("2251799813685249.0") << QStringList {rounded};
    QTest::newRow("decimal") << QStringLiteral("22517.5") << QStringList {rounded};
    QTest::newRow("quoted scientific") << QStringLiteral("'2.25E+15'") << QStringList {rounded};
    QTest::newRow("negative scientific") << QStringLiteral("-2.25E+15") << QStringList {rounded};
    QTest::newRow("minus") << QStringLiteral("-2251799813685249")
                           << QStringList {QStringLiteral("negative")};
    QTest::newRow("plus") << QStringLiteral("+2251799813685249")
                          << QStringList {QStringLiteral("'+' sign")};
    QTest::newRow("minus alone") << QStringLiteral(
        "-") << QStringList {QStringLiteral("only digits"), QStringLiteral("'-'")};
    QTest::newRow("zero") << QStringLiteral("0") << QStringList {QStringLiteral("cannot be 0")};
    QTest::newRow("zeros") << QStringLiteral("0000") << QStringList {QStringLiteral("cannot be 0")};
    QTest::newRow("INT64_MAX + 1")
        << QStringLiteral("9223372036854775808")
        << QStringList {QStringLiteral("too large"), QStringLiteral("9223372036854775807")};
    QTest::newRow("UINT64_MAX") << QStringLiteral("18446744073709551615")
                                << QStringList {QStringLiteral("too large")};
    QTest::newRow("40 digits") << QStringLiteral("1234567890123456789012345678901234567890")
                               << QStringList {QStringLiteral("too large")};
    QTest::newRow("control character")
        << QString(QStringLiteral("12") + QChar(1) + QStringLiteral("34"))
        << QStringList {QStringLiteral("control character"), QStringLiteral("position 3")};
}

void tst_JobKey::rejected()
{
    QFETCH(QString, input);
    QFETCH(QStringList, mustContain);

    const JobKey::ParseResult result = JobKey::parse(input);
    QVERIFY2(!result.key.has_value(), qPrintable(result.key ? result.key->toString() : QString()));
    QVERIFY(!result.error.isEmpty());
    for (const QString &part : mustContain)
        QVERIFY2(result.error.contains(part),
            qPrintable(result.error + QStringLiteral("  <- missing: ") + part));
    // Sentences for a person: start with a capital letter and end with a full stop.
    QVERIFY2(result.error.front().isUpper(), qPrintable(result.error));
    QVERIFY2(result.error.endsWith(QLatin1Char('.')), qPrintable(result.error));
}

void tst_JobKey::partitionHint()
{
    QCOMPARE(
        JobKey::parse(u"2251799813685249").key->partitionHint(), QStringLiteral("partition 1"));
    QCOMPARE(
        JobKey::parse(u"9007199254741009").key->partitionHint(), QStringLiteral("partition 4"));
    const QString none = JobKey::parse(u"123").key->partitionHint();
    QVERIFY2(none.contains(QLatin1String("no partition")), qPrintable(none));
    QVERIFY2(none.contains(QLatin1String("2251799813685248")), qPrintable(none));
    // The largest key below 2^51 still points nowhere, 2^51 itself is partition 1.
    QVERIFY(JobKey::parse(u"2251799813685247")
                .key->partitionHint()
                .contains(QLatin1String("no partition")));
    QCOMPARE(
        JobKey::parse(u"2251799813685248").key->partitionHint(), QStringLiteral("partition 1"));
    QCOMPARE(JobKey().partitionHint(), QString());
    QVERIFY(!JobKey().isValid());
}

void tst_JobKey::equality()
{
    QCOMPARE(*JobKey::parse(u"007").key, *JobKey::parse(u" '7' ").key);
    QVERIFY(*JobKey::parse(u"7").key != *JobKey::parse(u"8").key);
}

void tst_JobKey::otherKindsOfKeys()
{
    // The same rules; the messages name the key the person typed.
    const JobKey::ParseResult incident = JobKey::parse(u"-5", KeyKind::Incident);
    QVERIFY(!incident.key);
    QCOMPARE(incident.error,
        QStringLiteral("The incident key must not be negative: incident keys are positive whole "
                       "numbers without a sign."));
    QVERIFY(JobKey::parse(u"", KeyKind::ElementInstance)
                .error.startsWith(QLatin1String("The element instance key is empty")));
    QVERIFY(JobKey::parse(u"1.5E3", KeyKind::ProcessInstance)
                .error.startsWith(QLatin1String("The process instance key \"1.5E3\"")));
    QCOMPARE(JobKey::parse(u"0", KeyKind::Variable).error,
        QStringLiteral("The variable key cannot be 0: variable keys start at 1."));
    QCOMPARE(JobKey::parse(u" 2251799813685249 ", KeyKind::BatchOperation).key->toString(),
        QStringLiteral("2251799813685249"));
    // The job key's own texts are unchanged.
    QCOMPARE(
        JobKey::parse(u"0").error, QStringLiteral("The job key cannot be 0: job keys start at 1."));
    QCOMPARE(JobKey::keyNoun(KeyKind::Job), QStringLiteral("job key"));
}

QTEST_GUILESS_MAIN(tst_JobKey)
#include "tst_JobKey.moc"
