// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/AuthProvider.h"

namespace JobDesk {

AuthProvider::AuthProvider(QObject *parent)
    : QObject(parent)
{
}

AuthProvider::~AuthProvider() = default;

void NoAuthProvider::authorize(QObject *context, Callback done)
{
    Q_UNUSED(context)
    done(Result {});
}

} // namespace JobDesk
