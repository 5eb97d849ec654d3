// SPDX-License-Identifier: GPL-3.0-or-later
// The template readers on any file content: an export or single-template document
// (TemplateStore::parseExportDocument) and a file in the templates folder (TemplateStore::reload).
// Neither crashes; what the document parser accepts exports and parses back unchanged; the
// folder reader either loads the file or lists it as broken with a reason.
#include "FuzzSupport.h"

#include "core/templates/TemplateStore.h"

using namespace JobDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FuzzSupport::ScratchFile file(QStringLiteral("fuzzed.json"));
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    QString error;
    const std::optional<QList<Template>> parsed = TemplateStore::parseExportDocument(bytes, &error);
    if (parsed) {
        const std::optional<QList<Template>> again
            = TemplateStore::parseExportDocument(TemplateStore::exportDocument(*parsed));
        FUZZ_CHECK(again && *again == *parsed);
    } else {
        FUZZ_CHECK(!error.isEmpty());
    }

    file.write(bytes);
    TemplateStore store(file.directory());
    FUZZ_CHECK(store.reload());
    FUZZ_CHECK(store.templates().size() + store.brokenFiles().size() == 1);
    for (const TemplateStore::BrokenFile &broken : store.brokenFiles())
        FUZZ_CHECK(!broken.reason.isEmpty());
    return 0;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::initialise();
    return 0;
}
