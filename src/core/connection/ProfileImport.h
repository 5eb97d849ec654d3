// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/Connection.h"
#include "core/connection/Profile.h"

#include <QHash>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace JobDesk {

/// A profile read from the Camunda SDK environment variables or a Camunda Console credentials
/// file, with its secrets kept apart (they go to the SecretStore, never to profiles.json).
struct ProfileImportResult
{
    Profile profile;
    ConnectionSecrets secrets;
    QStringList notes; ///< what was derived or ignored, for the person to check
    QString error; ///< empty on success
    bool ok() const { return error.isEmpty(); }
};

/// A profile from the Camunda SDK environment variables or a Console credentials file.
///
/// The variables are read by SdkEnvironment, the same reader the address-only connection uses,
/// so an imported profile connects exactly as the command line would in that shell (see
/// docs/sdk-environment.md). On top of it the import: derives a SaaS address
/// (`https://<region>.zeebe.camunda.io/<clusterId>`) from CAMUNDA_CLUSTER_ID +
/// CAMUNDA_CLUSTER_REGION or a SaaS gRPC address when no REST address is given; accepts a missing
/// secret (entered in the profile later); names the profile; and tags it dev for a loopback
/// address, else prod until the person says otherwise. Inline PEM material cannot go into a
/// profile (it would have to be written to disk): it is left out with a note.
namespace ProfileImport {

using Variables = QHash<QString, QString>;

ProfileImportResult fromVariables(const Variables &variables, const QString &profileName = {});
ProfileImportResult fromEnvironment(
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
    const QString &profileName = {});
/// The file Camunda Console offers for download (`export ZEEBE_ADDRESS='…'` lines; `export`,
/// quotes, comments and CRLF optional).
ProfileImportResult fromCredentialsFile(const QString &path, const QString &profileName = {});

/// Parses shell-style `[export] KEY=value` lines (single, double or no quotes). Lines that are
/// not assignments are reported in `ignoredLines` (1-based numbers).
Variables parseCredentialsText(const QString &text, QList<int> *ignoredLines = nullptr);

/// `https://<region>.zeebe.camunda.io/<clusterId>`.
QString saasApiAddress(const QString &region, const QString &clusterId);

} // namespace ProfileImport

} // namespace JobDesk
