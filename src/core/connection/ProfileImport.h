// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    QMap<SecretKind, QByteArray> secrets;
    QStringList notes; ///< what was derived or ignored, for the person to check
    QString error; ///< empty on success
    bool ok() const { return error.isEmpty(); }
};

/// Reading connection settings the way Camunda's own clients do.
///
/// Recognised: `CAMUNDA_REST_ADDRESS` (else `ZEEBE_REST_ADDRESS`, else derived from
/// `CAMUNDA_CLUSTER_ID` + `CAMUNDA_CLUSTER_REGION` or a SaaS `ZEEBE_ADDRESS` as
/// `https://<region>.zeebe.camunda.io/<clusterId>`), `CAMUNDA_AUTH_STRATEGY` (NONE, BASIC,
/// OAUTH, BEARER; inferred from the credentials when absent), `CAMUNDA_CLIENT_ID`/`_SECRET`
/// (`ZEEBE_CLIENT_ID`/`_SECRET`), `CAMUNDA_OAUTH_URL` (`ZEEBE_AUTHORIZATION_SERVER_URL`),
/// `CAMUNDA_TOKEN_AUDIENCE` (`ZEEBE_TOKEN_AUDIENCE`), `CAMUNDA_TOKEN_SCOPE`
/// (`CAMUNDA_OAUTH_SCOPE`, `ZEEBE_TOKEN_SCOPE`), `CAMUNDA_BASIC_AUTH_USERNAME`/`_PASSWORD`,
/// `CAMUNDA_OAUTH_TOKEN` (bearer), `CAMUNDA_MTLS_CA_PATH`/`_CERT_PATH`/`_KEY_PATH`/
/// `_KEY_PASSPHRASE` (`ZEEBE_CA_CERTIFICATE_PATH`).
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
