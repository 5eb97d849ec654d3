// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/JobKey.h"

#include <algorithm>

namespace JobDesk {

namespace {

constexpr QLatin1String kMaxKey("9223372036854775807");

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

/// A number with a decimal point or an exponent, e.g. "2.2517998136852E+15" or
/// "2251799813685249.0".
bool looksLikeFloat(QStringView s)
{
    qsizetype i = 0;
    const auto at = [&](qsizetype k) { return k < s.size() ? s[k] : QChar(); };
    if (at(i) == u'+' || at(i) == u'-')
        ++i;
    qsizetype digits = 0;
    while (isAsciiDigit(at(i))) {
        ++i;
        ++digits;
    }
    bool fraction = false;
    if (at(i) == u'.' || at(i) == u',') {
        fraction = true;
        ++i;
        while (isAsciiDigit(at(i))) {
            ++i;
            ++digits;
        }
    }
    bool exponent = false;
    if (digits > 0 && (at(i) == u'e' || at(i) == u'E')) {
        ++i;
        if (at(i) == u'+' || at(i) == u'-')
            ++i;
        if (!isAsciiDigit(at(i)))
            return false;
        while (isAsciiDigit(at(i)))
            ++i;
        exponent = true;
    }
    // "1,5" alone is ambiguous with digit grouping; only a single '.'/',' with digits on both
    // sides or an exponent counts as a float here.
    if (i != s.size() || digits == 0)
        return false;
    if (exponent)
        return true;
    return fraction && s.contains(u'.');
}

QString describeChar(QChar c)
{
    if (c == u' ')
        return QStringLiteral("a space");
    if (c == u'\t')
        return QStringLiteral("a tab");
    if (c == u'\n' || c == u'\r')
        return QStringLiteral("a line break");
    if (c.unicode() < 0x20 || c.unicode() == 0x7F)
        return QStringLiteral("a control character (U+%1)")
            .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0')));
    return QStringLiteral("'%1'").arg(QString(c));
}

QString describeNonAscii(QStringView s, qsizetype i)
{
    const QChar c = s[i];
    char32_t cp = c.unicode();
    if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate())
        cp = QChar::surrogateToUcs4(c, s[i + 1]);
    const QString code = QLatin1String("U+")
        + QString::number(static_cast<uint>(cp), 16).toUpper().rightJustified(4, QLatin1Char('0'));
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return QStringLiteral("a full-width digit '%1' (%2)").arg(QString(c), code);
    if (cp == 0x00A0 || cp == 0x202F || cp == 0x2007)
        return QStringLiteral("a no-break space (%1)").arg(code);
    if (cp == 0x200B || cp == 0xFEFF || cp == 0x200E || cp == 0x200F || cp == 0x2060)
        return QStringLiteral("an invisible character (%1)").arg(code);
    if (QChar::isSpace(cp))
        return QStringLiteral("a non-ASCII space (%1)").arg(code);
    if (QChar::isDigit(cp))
        return QStringLiteral("a non-ASCII digit '%1' (%2)").arg(QString::fromUcs4(&cp, 1), code);
    return QStringLiteral("the character '%1' (%2)").arg(QString::fromUcs4(&cp, 1), code);
}

} // namespace

JobKey::ParseResult JobKey::parse(QStringView text)
{
    return parse(text, KeyKind::Job);
}

JobKey::ParseResult JobKey::parse(QStringView text, KeyKind kind)
{
    const QString noun = keyNoun(kind);
    ParseResult result;
    const auto failWith = [&result](const QString &message) {
        result.error = message;
        return result;
    };

    // Trim surrounding whitespace, then one pair of matching quotes (as pasted from JSON).
    qsizetype begin = 0;
    qsizetype end = text.size();
    const auto trim = [&] {
        while (begin < end && text[begin].isSpace())
            ++begin;
        while (end > begin && text[end - 1].isSpace())
            --end;
    };
    trim();
    if (end - begin >= 2 && (text[begin] == u'"' || text[begin] == u'\'')
        && text[end - 1] == text[begin]) {
        ++begin;
        --end;
        trim();
    }
    const QStringView key = text.mid(begin, end - begin);
    // Positions in messages count characters of the text as typed, from 1.
    const auto position = [&](qsizetype i) { return begin + i + 1; };

    if (key.isEmpty())
        return failWith(kind == KeyKind::Job
                ? QStringLiteral("The job key is empty: paste the key of the job to complete.")
                : QStringLiteral("The %1 is empty: paste the key.").arg(noun));

    for (qsizetype i = 0; i < key.size(); ++i) {
        if (key[i].unicode() > 0x7F) {
            return failWith(QStringLiteral("The %1 contains %2 at position %3: type the key "
                                           "with plain ASCII digits 0-9.")
                                .arg(noun, describeNonAscii(key, i))
                                .arg(position(i)));
        }
    }
    if (looksLikeFloat(key)) {
        return failWith(QStringLiteral("The %1 \"%2\" has a decimal point or an exponent: it "
                                       "looks like a number rounded by a spreadsheet or JavaScript "
                                       "— copy the key as text.")
                            .arg(noun, key));
    }
    if (key.front() == u'+' || key.front() == u'-') {
        const bool rest = key.size() > 1
            && std::all_of(key.begin() + 1, key.end(), [](QChar c) { return isAsciiDigit(c); });
        if (rest) {
            return failWith(key.front() == u'-'
                    ? QStringLiteral("The %1 must not be negative: %1s are "
                                     "positive whole numbers without a sign.")
                          .arg(noun)
                    : QStringLiteral("The %1 must not have a '+' sign: %1s are "
                                     "positive whole numbers without a sign.")
                          .arg(noun));
        }
    }
    for (qsizetype i = 0; i < key.size(); ++i) {
        if (!isAsciiDigit(key[i])) {
            return failWith(QStringLiteral("The %1 may contain only digits 0-9, but it has "
                                           "%2 at position %3.")
                                .arg(noun, describeChar(key[i]))
                                .arg(position(i)));
        }
    }

    qsizetype firstNonZero = 0;
    while (firstNonZero < key.size() && key[firstNonZero] == u'0')
        ++firstNonZero;
    const QStringView digits = key.mid(firstNonZero);
    if (digits.isEmpty())
        return failWith(QStringLiteral("The %1 cannot be 0: %1s start at 1.").arg(noun));
    if (digits.size() > kMaxKey.size()
        || (digits.size() == kMaxKey.size() && digits.compare(kMaxKey) > 0)) {
        return failWith(QStringLiteral("The %1 is too large: keys are at most "
                                       "9223372036854775807 (a 64-bit integer). Check that it was "
                                       "copied completely and nothing was appended.")
                            .arg(noun));
    }
    // Digits and range are checked, so this cannot overflow.
    qint64 value = 0;
    for (const QChar c : digits)
        value = value * 10 + (c.unicode() - u'0');

    JobKey jobKey;
    jobKey.m_text = digits.toString();
    jobKey.m_value = value;
    result.key = jobKey;
    return result;
}

QString JobKey::keyNoun(KeyKind kind)
{
    switch (kind) {
    case KeyKind::Job:
        return QStringLiteral("job key");
    case KeyKind::Incident:
        return QStringLiteral("incident key");
    case KeyKind::ElementInstance:
        return QStringLiteral("element instance key");
    case KeyKind::ProcessInstance:
        return QStringLiteral("process instance key");
    case KeyKind::Variable:
        return QStringLiteral("variable key");
    case KeyKind::BatchOperation:
        return QStringLiteral("batch operation key");
    }
    return QStringLiteral("key");
}

QString JobKey::partitionHint() const
{
    if (!isValid())
        return QString();
    const int partition = partitionId();
    if (partition == 0) {
        return QStringLiteral("This key points to no partition: Camunda keys carry the partition "
                              "id in their top 13 bits, so real keys are at least "
                              "2251799813685248 (2^51). Check that the whole key was copied.");
    }
    return QStringLiteral("partition %1").arg(partition);
}

} // namespace JobDesk
