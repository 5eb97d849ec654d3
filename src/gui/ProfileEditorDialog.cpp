// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/ProfileEditorDialog.h"

#include "core/connection/ConnectionCheck.h"
#include "core/connection/ConnectionFactory.h"
#include "core/connection/ProfileImport.h"
#include "core/connection/ProfileSecrets.h"
#include "core/connection/ProfileStore.h"
#include "core/http/ClientConnection.h"
#include "core/http/JobsClient.h"
#include "gui/ProfileForm.h"
#include "ui_ProfileEditorDialog.h"

#include <QFileDialog>

namespace JobDesk {

namespace {
void setTextColour(QLabel *label, const QColor &colour)
{
    // Through the palette: a style sheet would load the style-sheet engine just for this.
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
}

ProfileForm::StoredSecret storedState(const SecretReadResult &read, SecretKind kind)
{
    switch (read.status.value(kind, SecretJob::Status::Failed)) {
    case SecretJob::Status::Ok:
        return ProfileForm::StoredSecret::Stored;
    case SecretJob::Status::NotFound:
        return ProfileForm::StoredSecret::NotStored;
    default:
        return ProfileForm::StoredSecret::Unknown;
    }
}
} // namespace

ProfileEditorDialog::ProfileEditorDialog(ProfileStore *store, SecretStore *keychain,
    MemorySecretStore *session, QNetworkAccessManager *nam, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_keychain(keychain)
    , m_session(session)
    , m_nam(nam)
    , m_ui(std::make_unique<Ui::ProfileEditorDialog>())
{
    m_ui->setupUi(this);
    m_save = m_ui->buttonBox->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    m_save->setObjectName(QStringLiteral("savePushButton"));
    m_save->setDefault(true); // Enter saves

    connect(m_ui->profileForm, &ProfileForm::changed, this, &ProfileEditorDialog::onFormChanged);
    connect(m_ui->profileListWidget, &QListWidget::currentTextChanged, this,
        [this](const QString &name) {
            if (const auto profile = m_store->find(name))
                editStored(*profile);
        });
    connect(m_ui->addPushButton, &QPushButton::clicked, this, &ProfileEditorDialog::addProfile);
    connect(m_ui->duplicatePushButton, &QPushButton::clicked, this,
        &ProfileEditorDialog::duplicateProfile);
    connect(
        m_ui->removePushButton, &QPushButton::clicked, this, &ProfileEditorDialog::removeProfile);
    connect(m_ui->importEnvironmentPushButton, &QPushButton::clicked, this,
        &ProfileEditorDialog::importFromEnvironment);
    connect(m_ui->importFilePushButton, &QPushButton::clicked, this,
        [this] { importCredentialsFile(); });
    connect(m_ui->testConnectionPushButton, &QPushButton::clicked, this,
        &ProfileEditorDialog::testConnection);
    connect(m_save, &QPushButton::clicked, this, &ProfileEditorDialog::saveProfile);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    reloadList({});
    if (m_ui->profileListWidget->count() == 0)
        addProfile();
    else
        onFormChanged();
}

ProfileEditorDialog::~ProfileEditorDialog()
{
    stopTest();
}

ProfileForm *ProfileEditorDialog::form() const
{
    return m_ui->profileForm;
}

Profile ProfileEditorDialog::profileFromFields() const
{
    return m_ui->profileForm->profile();
}

QString ProfileEditorDialog::validationText() const
{
    return m_ui->profileForm->validationText();
}

QString ProfileEditorDialog::testResultText() const
{
    return m_ui->testResultLabel->text();
}

QString ProfileEditorDialog::statusText() const
{
    return m_ui->statusLabel->text();
}

void ProfileEditorDialog::onFormChanged()
{
    // A result (or a refusal) belongs to the fields it was tested with, not to edited ones.
    if (!m_check)
        m_ui->testResultLabel->clear();
    const bool valid = m_ui->profileForm->validationText().isEmpty();
    m_save->setEnabled(valid);
    m_ui->testConnectionPushButton->setEnabled(valid && !m_check);
}

void ProfileEditorDialog::reloadList(const QString &select)
{
    const QSignalBlocker blocker(m_ui->profileListWidget);
    m_ui->profileListWidget->clear();
    for (const Profile &profile : m_store->profiles())
        m_ui->profileListWidget->addItem(profile.name);
    const auto found = m_ui->profileListWidget->findItems(select, Qt::MatchFixedString);
    if (!found.isEmpty())
        m_ui->profileListWidget->setCurrentItem(found.constFirst());
}

void ProfileEditorDialog::selectProfile(const QString &name)
{
    m_store->load();
    reloadList(name);
    QString wanted = name;
    if (wanted.isEmpty() && m_ui->profileListWidget->currentItem())
        wanted = m_ui->profileListWidget->currentItem()->text();
    if (const auto profile = m_store->find(wanted)) {
        reloadList(profile->name);
        editStored(*profile);
    }
}

void ProfileEditorDialog::editStored(const Profile &profile)
{
    stopTest();
    m_editing = profile.name;
    m_imported = {};
    m_ui->profileForm->setProfile(profile);
    m_ui->testResultLabel->clear();
    learnStoredSecrets(profile);
}

void ProfileEditorDialog::editNew(const Profile &profile)
{
    stopTest();
    m_editing.clear();
    m_imported = {};
    m_ui->profileListWidget->clearSelection();
    ++m_loadGeneration; // a stored profile's answer no longer applies
    m_ui->profileForm->setProfile(profile);
    m_ui->testResultLabel->clear();
}

void ProfileEditorDialog::learnStoredSecrets(const Profile &profile)
{
    const quint64 generation = ++m_loadGeneration;
    using Stored = ProfileForm::StoredSecret;
    m_ui->profileForm->setStoredSecrets(Stored::Unknown, Stored::Unknown);
    AuthSettings auth;
    auth.kind = profile.authKind;
    const std::optional<SecretKind> authKind = auth.secretKind();
    QList<SecretKind> kinds {SecretKind::KeyPassphrase};
    if (authKind)
        kinds.prepend(*authKind);
    SecretReadPolicy policy;
    policy.session = m_session;
    // Read only to learn what is stored; the values are dropped unseen.
    readProfileSecrets(m_keychain, profile.name, kinds, policy, this,
        [this, generation, authKind](const SecretReadResult &read) {
            if (generation != m_loadGeneration)
                return;
            m_ui->profileForm->setStoredSecrets(
                authKind ? storedState(read, *authKind) : Stored::NotStored,
                storedState(read, SecretKind::KeyPassphrase));
        });
}

void ProfileEditorDialog::addProfile()
{
    Profile fresh;
    fresh.name = tr("new profile");
    editNew(fresh);
    m_ui->profileForm->focusName();
}

void ProfileEditorDialog::duplicateProfile()
{
    Profile copy = profileFromFields();
    copy.name = tr("%1 copy").arg(copy.name);
    editNew(copy);
    m_ui->statusLabel->setText(tr("A copy: enter its secret, then Save."));
}

bool ProfileEditorDialog::saveProfile()
{
    const Profile profile = profileFromFields();
    if (const QString error = profile.validationError(); !error.isEmpty()) {
        m_ui->profileForm->setValidationText(error);
        return false;
    }
    const bool ok
        = m_editing.isEmpty() ? m_store->add(profile) : m_store->update(m_editing, profile);
    if (!ok) {
        m_ui->profileForm->setValidationText(m_store->error());
        return false;
    }
    ConnectionSecrets secrets = m_imported;
    const ConnectionSecrets typed = m_ui->profileForm->typedSecrets();
    for (auto it = typed.values.cbegin(); it != typed.values.cend(); ++it)
        secrets.insert(it.key(), it.value());
    const QString oldName = m_editing;
    stopTest();
    m_editing = profile.name;
    m_imported = {};
    m_ui->profileForm->clearSecretFields();
    reloadList(profile.name); // signals blocked: the fields are already right
    m_ui->testResultLabel->clear(); // a refusal of the old fields must not outlive the fix
    m_ui->statusLabel->setText(tr("Saved “%1”.").arg(profile.name));
    if (!oldName.isEmpty() && oldName != profile.name) {
        moveProfileSecrets(m_keychain, oldName, profile.name, this,
            [this, name = profile.name, secrets](
                const SecretLoopResult &) { writeSecrets(name, secrets); });
    } else {
        writeSecrets(profile.name, secrets);
    }
    emit saved(profile.name);
    return true;
}

void ProfileEditorDialog::writeSecrets(const QString &name, const ConnectionSecrets &secrets)
{
    writeProfileSecrets(
        m_keychain, m_session, name, secrets, this, [this, name](const SecretWriteResult &written) {
            if (!written.keptForThisRun.isEmpty()) {
                m_ui->statusLabel->setText(
                    tr("No keychain available: the secret is kept for this run only."));
                emit noKeychain();
            } else if (!written.ok()) {
                m_ui->statusLabel->setText(
                    tr("The secret could not be stored: %1").arg(written.error));
            }
            if (m_editing == name) {
                if (const auto profile = m_store->find(name))
                    learnStoredSecrets(*profile);
            }
            emit secretsWritten(name);
        });
}

void ProfileEditorDialog::removeProfile()
{
    if (m_editing.isEmpty()) {
        addProfile();
        return;
    }
    const QString name = m_editing;
    if (!m_store->remove(name)) {
        m_ui->statusLabel->setText(m_store->error());
        return;
    }
    removeProfileSecrets(m_keychain, name, this, [](const SecretLoopResult &) {});
    removeProfileSecrets(m_session, name, this, [](const SecretLoopResult &) {});
    m_ui->statusLabel->setText(tr("Removed “%1” and its stored secrets.").arg(name));
    m_editing.clear();
    reloadList({});
    if (m_ui->profileListWidget->count() > 0)
        m_ui->profileListWidget->setCurrentRow(0);
    else
        addProfile();
}

// ------------------------------------------------------------------------------------ imports

bool ProfileEditorDialog::applyImport(const ProfileImportResult &result)
{
    if (!result.ok()) {
        m_ui->statusLabel->setText(tr("Nothing imported: %1").arg(result.error));
        return false;
    }
    editNew(result.profile);
    m_imported = result.secrets;
    // What the import brought along counts as "stored" for the fields' hints: Save keeps it.
    using Stored = ProfileForm::StoredSecret;
    AuthSettings auth;
    auth.kind = result.profile.authKind;
    const std::optional<SecretKind> kind = auth.secretKind();
    m_ui->profileForm->setStoredSecrets(
        kind && m_imported.contains(*kind) ? Stored::Stored : Stored::NotStored,
        m_imported.contains(SecretKind::KeyPassphrase) ? Stored::Stored : Stored::NotStored);
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

// ---------------------------------------------------------------------------- test connection

void ProfileEditorDialog::testConnection()
{
    if (m_check)
        return;
    const Profile profile = profileFromFields();
    const ResolvedConnection resolved = ConnectionFactory::fromProfile(profile);
    if (!resolved.ok()) {
        finishTest(false, resolved.error);
        return;
    }
    m_ui->testConnectionPushButton->setEnabled(false);
    m_ui->testResultLabel->setText(tr("Testing…"));
    setTextColour(m_ui->testResultLabel, palette().color(QPalette::WindowText));
    ConnectionSecrets typed = m_imported;
    const ConnectionSecrets fields = m_ui->profileForm->typedSecrets();
    for (auto it = fields.values.cbegin(); it != fields.values.cend(); ++it)
        typed.insert(it.key(), it.value());
    SecretReadPolicy policy;
    policy.session = m_session;
    const Connection connection = resolved.connection;
    // What is typed wins; the rest comes from what is stored under the name being edited.
    const QString storedName = m_editing.isEmpty() ? profile.name : m_editing;
    auto *check = new ConnectionCheck(nullptr, connection.auth.kind, m_versions, this);
    m_check = check;
    readProfileSecrets(m_keychain, storedName, connection.secretKinds(), policy, check,
        [this, check, connection, typed](const SecretReadResult &read) {
            ConnectionSecrets secrets = read.secrets;
            for (auto it = typed.values.cbegin(); it != typed.values.cend(); ++it)
                secrets.insert(it.key(), it.value());
            m_testConnection = ConnectionFactory::build(connection, secrets, m_nam);
            delete m_testClient;
            m_testClient = new JobsClient(m_nam, this);
            if (const QString tlsError = m_testClient->setConnection(*m_testConnection);
                !tlsError.isEmpty()) {
                finishTest(false, tr("TLS files: %1").arg(tlsError));
                return;
            }
            check->deleteLater(); // it only guarded the read
            auto *running
                = new ConnectionCheck(m_testClient, connection.auth.kind, m_versions, this);
            m_check = running;
            connect(running, &ConnectionCheck::finished, this,
                [this](const ConnectionCheck::Result &result) {
                    finishTest(result.ok(), result.summary);
                });
            running->start();
        });
}

void ProfileEditorDialog::stopTest()
{
    if (m_check) {
        m_check->cancel();
        m_check->deleteLater();
        m_check.clear();
    }
}

void ProfileEditorDialog::finishTest(bool ok, const QString &text)
{
    if (m_check) {
        m_check->deleteLater();
        m_check.clear();
    }
    setTextColour(m_ui->testResultLabel, ok ? QColor(0x2e, 0x9d, 0x4f) : QColor(0xd6, 0x3b, 0x3b));
    m_ui->testResultLabel->setText(text);
    m_ui->testConnectionPushButton->setEnabled(m_ui->profileForm->validationText().isEmpty());
    emit testFinished(ok, text);
}

} // namespace JobDesk
