// SPDX-License-Identifier: GPL-3.0-or-later
// The profiles file reader (ProfileStore::load) on any file content: never crashes; a file it
// refuses is reported as corrupt with a reason; the profiles it accepts have unique names
// (case-insensitively) and survive toJson → fromJson unchanged.
#include "FuzzSupport.h"

#include "core/connection/ProfileStore.h"

#include <QJsonObject>
#include <QSet>

using namespace JobDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FuzzSupport::ScratchFile file(QStringLiteral("profiles.json"));
    const QString &path
        = file.write(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    ProfileStore store;
    if (!store.load(path)) {
        FUZZ_CHECK(store.isCorrupt() && !store.error().isEmpty());
        return 0;
    }
    QSet<QString> names;
    for (const Profile &profile : store.profiles()) {
        FUZZ_CHECK(!names.contains(profile.name.toCaseFolded()));
        names.insert(profile.name.toCaseFolded());
        const std::optional<Profile> again = Profile::fromJson(profile.toJson());
        FUZZ_CHECK(again && *again == profile);
    }
    (void)store.startupProfile();
    return 0;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::initialise();
    return 0;
}
