// SPDX-License-Identifier: GPL-3.0-or-later
// The Camunda Console credentials file reader (ProfileImport::fromCredentialsFile) on any file
// content: never crashes, and a profile it returns has a name and survives toJson → fromJson.
#include "FuzzSupport.h"

#include "core/connection/ProfileImport.h"

#include <QJsonObject>

using namespace JobDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FuzzSupport::ScratchFile file(QStringLiteral("credentials.txt"));
    const QString &path
        = file.write(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    const ProfileImportResult result
        = ProfileImport::fromCredentialsFile(path, QStringLiteral("imported"));
    if (!result.ok())
        return 0;
    FUZZ_CHECK(!result.profile.name.isEmpty());
    const std::optional<Profile> again = Profile::fromJson(result.profile.toJson());
    FUZZ_CHECK(again && *again == result.profile);
    return 0;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::initialise();
    return 0;
}
