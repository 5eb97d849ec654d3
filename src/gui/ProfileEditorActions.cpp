// SPDX-License-Identifier: GPL-3.0-or-later
// The profile editor's imports and "Test connection" (topology, then an authenticated call).
#include "gui/ProfileEditorDialog.h"

#include "core/connection/ConnectionFactory.h"
#include "core/connection/ProfileImport.h"
#include "core/http/AuthProvider.h"
#include "core/http/JobsClient.h"
#include "gui/ConnectionController.h"
#include "ui_ProfileEditorDialog.h"

#include <QFileDialog>

namespace JobDesk {

bool ProfileEditorDialog::applyImport(const ProfileImportResult &result)
{
    if (!result.ok()) {
        m_ui->statusLabel->setText(tr("Nothing imported: %1").arg(result.error));
        return false;
    }
    m_editing.clear();
    m_ui->profileListWidget->clearSelection();
    loadFields(result.profile);
    m_imported.clear();
    for (auto it = result.secrets.cbegin(); it != result.secrets.cend(); ++it)
        m_imported.insert(int(it.key()), it.value());
    return true;
}

void ProfileEditorDialog::importFromEnvironment()
{
    const ProfileImportResult result = ProfileImport::fromEnvironment();
    if (!applyImport(result))
        return;
    m_ui->statusLabel->setText(tr("Imported from the environment; check the fields, then Save.\n%1")
                                   .arg(result.notes.join(QLatin1Char('\n'))));
}

void ProfileEditorDialog::importCredentialsFile(const QString &path)
{
    const QString file = path.isEmpty()
        ? QFileDialog::getOpenFileName(this, tr("Camunda Console credentials file"))
        : path;
    if (file.isEmpty())
        return;
    const ProfileImportResult result = ProfileImport::fromCredentialsFile(file);
    if (!applyImport(result))
        return;
    m_ui->statusLabel->setText(tr("Imported %1; check the fields, then Save.\n%2")
                                   .arg(file, result.notes.join(QLatin1Char('\n'))));
}

void ProfileEditorDialog::testConnection()
{
    if (m_testCall)
        return;
    const Profile profile = profileFromFields();
    const ConnectionConfig config = ConnectionFactory::configFor(profile);
    if (!config.error.isEmpty()) {
        finishTest(false, config.error);
        return;
    }
    m_ui->testConnectionPushButton->setEnabled(false);
    m_ui->testResultLabel->setText(tr("Testing…"));
    const QMap<int, QByteArray> typed = typedSecrets(profile);
    Profile stored = profile;
    stored.name = m_editing.isEmpty() ? profile.name : m_editing;
    readProfileSecrets(m_keychain, m_session, stored, this,
        [this, profile, config, typed](const ProfileSecrets &read) {
            QMap<SecretKind, QByteArray> secrets = read.values;
            for (auto it = typed.cbegin(); it != typed.cend(); ++it)
                secrets.insert(SecretKind(it.key()), it.value());
            TlsOptions tls = config.tls;
            tls.clientKeyPassphrase = secrets.value(SecretKind::KeyPassphrase);
            m_testAuth = ConnectionFactory::createAuthProvider(profile, secrets, m_nam, tls);
            delete m_testClient;
            m_testClient = new JobsClient(m_nam, this);
            m_testClient->setApiRoot(config.apiRoot);
            m_testClient->setTimeout(config.timeout);
            if (const QString tlsError = m_testClient->setTlsOptions(tls); !tlsError.isEmpty()) {
                finishTest(false, tr("TLS files: %1").arg(tlsError));
                return;
            }
            // The sandbox and secured clusters want credentials even for the topology.
            m_testClient->setAuthProvider(m_testAuth.get());
            m_testCall = m_testClient->topology();
            connect(m_testCall, &ApiCall::finished, this, [this](const Outcome &outcome) {
                m_testCall.clear();
                if (!outcome.httpStatus) {
                    finishTest(false, tr("No answer: %1").arg(outcome.transportError));
                } else if (*outcome.httpStatus == 401) {
                    finishTest(false,
                        tr("Reached the server, but it refused the credentials "
                           "(401 Unauthorized): check the user name and secret."));
                } else if (*outcome.httpStatus < 200 || *outcome.httpStatus >= 300) {
                    finishTest(
                        false, tr("GET /v2/topology answered HTTP %1").arg(*outcome.httpStatus));
                } else {
                    checkAuth(m_testClient);
                }
            });
        });
}

void ProfileEditorDialog::checkAuth(JobsClient *client)
{
    if (m_testAuth->kind() == QLatin1String("none")) {
        finishTest(true, tr("Connected (GET /v2/topology); no authentication configured."));
        return;
    }
    m_testAuth->authorize(this, [this, client](const AuthProvider::Result &result) {
        if (!result.error.isEmpty()) {
            finishTest(false, tr("Connected, but no token: %1").arg(result.error));
            return;
        }
        client->setAuthProvider(m_testAuth.get());
        m_testCall = client->send(QByteArrayLiteral("POST"), QStringLiteral("jobs/search"),
            QByteArrayLiteral("{\"page\":{\"limit\":1}}"));
        connect(m_testCall, &ApiCall::finished, this, [this](const Outcome &outcome) {
            m_testCall.clear();
            const int status = outcome.httpStatus.value_or(0);
            if (status >= 200 && status < 300)
                finishTest(true, tr("Connected and the credentials were accepted."));
            else if (status == 401)
                finishTest(false,
                    tr("Connected, but the server refused the credentials "
                       "(401 Unauthorized): check the user name and secret."));
            else if (status == 403)
                finishTest(false,
                    tr("Connected and signed in, but not allowed to search jobs "
                       "(403 Forbidden): check the permissions."));
            else if (status == 0)
                finishTest(
                    false, tr("No answer to the auth check: %1").arg(outcome.transportError));
            else
                finishTest(false, tr("The auth check answered HTTP %1").arg(status));
        });
    });
}

void ProfileEditorDialog::finishTest(bool ok, const QString &text)
{
    setTextColour(m_ui->testResultLabel, ok ? QColor(0x2e, 0x9d, 0x4f) : QColor(0xd6, 0x3b, 0x3b));
    m_ui->testResultLabel->setText(text);
    validate();
    emit testFinished(ok, text);
}

} // namespace JobDesk
