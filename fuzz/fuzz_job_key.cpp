// SPDX-License-Identifier: GPL-3.0-or-later
// JobKey::parse on any text: never crashes; a key it accepts is canonical digits whose value is
// in range, and parsing its own text gives the same key back.
#include "FuzzSupport.h"

#include "core/camunda/JobKey.h"

using JobDesk::JobKey;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const JobKey::ParseResult result = JobKey::parse(text);
    if (!result.key) {
        FUZZ_CHECK(!result.error.isEmpty());
        return 0;
    }
    const JobKey &key = *result.key;
    FUZZ_CHECK(result.error.isEmpty());
    FUZZ_CHECK(key.isValid() && key.value() > 0);
    const QString &canonical = key.toString();
    FUZZ_CHECK(!canonical.startsWith(u'0'));
    for (const QChar c : canonical)
        FUZZ_CHECK(c >= u'0' && c <= u'9');
    FUZZ_CHECK(canonical == QString::number(key.value()));
    const JobKey::ParseResult again = JobKey::parse(canonical);
    FUZZ_CHECK(again.key && *again.key == key);
    (void)key.partitionHint();
    return 0;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::initialise();
    return 0;
}
