// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON scanner, lexer and formatter on any bytes: none of them crashes; a text the scanner
// accepts formats (compact and pretty) into text it accepts again, with the same compact form;
// a text it refuses does not format; tokens stay inside the text and in order; string tokens
// survive unescape → quote → unescape; bytes firstInvalidUtf8() accepts decode without loss.
#include "FuzzSupport.h"

#include "core/json/Json.h"

namespace Json = JobDesk::Json;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (Json::firstInvalidUtf8(bytes) < 0) {
        // Valid UTF-8 decodes without loss (QString::fromUtf8 drops a leading BOM).
        const QByteArray bom("\xef\xbb\xbf");
        FUZZ_CHECK(QString::fromUtf8(bytes).toUtf8()
            == (bytes.startsWith(bom) ? bytes.mid(bom.size()) : bytes));
    }
    const QString text = QString::fromUtf8(bytes);

    Json::ScanOptions options;
    options.collectTopLevelMembers = true;
    qsizetype previousEnd = 0;
    options.onToken = [&](const Json::Token &token) {
        FUZZ_CHECK(token.offset >= previousEnd && token.length > 0);
        FUZZ_CHECK(token.offset + token.length <= text.size());
        previousEnd = token.offset + token.length;
    };
    const Json::ScanResult result = Json::scan(text, options);
    for (const Json::Member &member : result.members)
        FUZZ_CHECK(member.valueOffset + member.valueLength <= text.size());

    const std::optional<QString> compact = Json::formatCompact(text);
    const std::optional<QString> pretty = Json::formatPretty(text);
    FUZZ_CHECK(compact.has_value() == result.ok());
    FUZZ_CHECK(pretty.has_value() == result.ok());
    if (result.ok()) {
        FUZZ_CHECK(Json::scan(*compact).ok());
        FUZZ_CHECK(Json::scan(*pretty).ok());
        FUZZ_CHECK(Json::formatCompact(*pretty) == compact);
    } else {
        const JobDesk::TextPosition at = result.error->position;
        FUZZ_CHECK(at.offset >= 0 && at.offset <= text.size());
        FUZZ_CHECK(Json::positionAt(text, at.offset) == at);
    }

    for (const Json::Token &token : Json::tokenize(text)) {
        FUZZ_CHECK(token.offset >= 0 && token.offset + token.length <= text.size());
        if (token.kind == Json::TokenKind::String || token.kind == Json::TokenKind::Key) {
            const QString value = Json::unescape(QStringView(text).mid(token.offset, token.length));
            FUZZ_CHECK(Json::unescape(Json::quote(value)) == value);
        }
    }
    return 0;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::initialise();
    return 0;
}
