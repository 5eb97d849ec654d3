// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/ProfileEditorDialog.h"

#include "core/connection/ConnectionFactory.h"
#include "core/connection/ProfileImport.h"
#include "core/connection/ProfileStore.h"
#include "core/connection/SecretStore.h"
#include "core/http/AuthProvider.h"
#include "core/http/JobsClient.h"
#include "gui/ConnectionController.h"
#include "ui_ProfileEditorDialog.h"

#include <QColorDialog>
#include <QFileDialog>

#include <utility>

namespace JobDesk {

namespace {
SecretKind mainSecretKind(Profile::AuthKind kind)
{
    switch (kind) {
    case Profile::AuthKind::Basic:
        return SecretKind::Password;
    case Profile::AuthKind::Bearer:
        return SecretKind::Token;
    default:
        return SecretKind::ClientSecret;
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
    buildUi();
    reloadList({});
    if (m_ui->profileListWidget->count() == 0)
        addProfile();
}

ProfileEditorDialog::~ProfileEditorDialog()
{
    if (m_testCall)
        m_testCall->disconnect(this);
}

void ProfileEditorDialog::buildUi()
{
    m_ui->setupUi(this);
    for (const auto env : {Profile::Environment::Dev, Profile::Environment::Test,
             Profile::Environment::Prod, Profile::Environment::Custom})
        m_ui->environmentComboBox->addItem(environmentName(env), int(env));
    m_ui->authKindComboBox->addItem(tr("None"), int(Profile::AuthKind::None));
    m_ui->authKindComboBox->addItem(
        tr("Basic (user name and password)"), int(Profile::AuthKind::Basic));
    m_ui->authKindComboBox->addItem(tr("Bearer token"), int(Profile::AuthKind::Bearer));
    m_ui->authKindComboBox->addItem(tr("OAuth2 client credentials"), int(Profile::AuthKind::OAuth));
    setTextColour(m_ui->validationLabel, QColor(0xd6, 0x3b, 0x3b));
    m_save = m_ui->buttonBox->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    m_save->setObjectName(QStringLiteral("savePushButton"));
    m_save->setDefault(true); // Enter saves

    connect(m_ui->colourPushButton, &QPushButton::clicked, this, [this] {
        const QColor chosen = QColorDialog::getColor(
            QColor(profileFromFields().effectiveColor()), this, tr("Tag colour"));
        if (chosen.isValid())
            m_ui->colourLineEdit->setText(chosen.name());
    });
    // Each "…" button picks a PEM file into the line edit beside it; its tooltip is the title.
    const std::pair<QLineEdit *, QPushButton *> pickers[] = {
        {m_ui->caBundleLineEdit, m_ui->caBundleLineEditBrowse},
        {m_ui->clientCertLineEdit, m_ui->clientCertLineEditBrowse},
        {m_ui->clientKeyLineEdit, m_ui->clientKeyLineEditBrowse},
    };
    for (const auto &picker : pickers) {
        QLineEdit *edit = picker.first;
        QPushButton *browse = picker.second;
        connect(browse, &QPushButton::clicked, this, [this, edit, browse] {
            const QString path = QFileDialog::getOpenFileName(this, browse->toolTip(), edit->text(),
                tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
            if (!path.isEmpty())
                edit->setText(path);
        });
    }

    // The rows each auth kind needs.
    connect(m_ui->authKindComboBox, &QComboBox::currentIndexChanged, this, [this] {
        const auto kind = Profile::AuthKind(m_ui->authKindComboBox->currentData().toInt());
        QFormLayout *form = m_ui->formLayout;
        form->setRowVisible(m_ui->usernameLineEdit, kind == Profile::AuthKind::Basic);
        for (QWidget *field : {m_ui->tokenUrlLineEdit, m_ui->clientIdLineEdit,
                 m_ui->audienceLineEdit, m_ui->scopeLineEdit})
            form->setRowVisible(field, kind == Profile::AuthKind::OAuth);
        form->setRowVisible(m_ui->secretLineEdit, kind != Profile::AuthKind::None);
        m_ui->secretRowLabel->setText(kind == Profile::AuthKind::Basic ? tr("Password:")
                : kind == Profile::AuthKind::Bearer                    ? tr("Token:")
                                                                       : tr("Client secret:"));
        validate();
    });
    connect(m_ui->clientKeyLineEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->formLayout->setRowVisible(
            m_ui->keyPassphraseLineEdit, !m_ui->clientKeyLineEdit->text().isEmpty());
    });
    for (QLineEdit *edit : {m_ui->nameLineEdit, m_ui->addressLineEdit, m_ui->colourLineEdit,
             m_ui->usernameLineEdit, m_ui->tokenUrlLineEdit, m_ui->clientIdLineEdit,
             m_ui->audienceLineEdit, m_ui->scopeLineEdit, m_ui->caBundleLineEdit,
             m_ui->clientCertLineEdit, m_ui->clientKeyLineEdit})
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditorDialog::validate);
    connect(m_ui->environmentComboBox, &QComboBox::currentIndexChanged, this,
        &ProfileEditorDialog::validate);
    connect(m_ui->timeoutSpinBox, &QSpinBox::valueChanged, this, &ProfileEditorDialog::validate);
    connect(m_ui->profileListWidget, &QListWidget::currentTextChanged, this,
        [this](const QString &name) {
            if (const auto profile = m_store->find(name)) {
                m_editing = profile->name;
                m_imported.clear();
                loadFields(*profile);
            }
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
    loadFields(Profile {});
}

void ProfileEditorDialog::setTextColour(QLabel *label, const QColor &colour)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
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
    if (const auto profile = m_store->find(name.isEmpty() ? m_ui->profileListWidget->currentItem()
                    ? m_ui->profileListWidget->currentItem()->text()
                    : QString()
                                                          : name)) {
        reloadList(profile->name);
        m_editing = profile->name;
        loadFields(*profile);
    }
}

void ProfileEditorDialog::loadFields(const Profile &profile)
{
    m_ui->nameLineEdit->setText(profile.name);
    m_ui->addressLineEdit->setText(profile.apiAddress);
    m_ui->environmentComboBox->setCurrentIndex(
        m_ui->environmentComboBox->findData(int(profile.environment)));
    m_ui->colourLineEdit->setText(profile.color);
    m_ui->authKindComboBox->setCurrentIndex(
        m_ui->authKindComboBox->findData(int(profile.authKind)));
    emit m_ui->authKindComboBox->currentIndexChanged(m_ui->authKindComboBox->currentIndex());
    m_ui->usernameLineEdit->setText(profile.username);
    m_ui->tokenUrlLineEdit->setText(profile.tokenUrl);
    m_ui->clientIdLineEdit->setText(profile.clientId);
    m_ui->audienceLineEdit->setText(profile.audience);
    m_ui->scopeLineEdit->setText(profile.scope);
    m_ui->secretLineEdit->clear();
    m_ui->keyPassphraseLineEdit->clear();
    m_ui->caBundleLineEdit->setText(profile.caBundlePath);
    m_ui->clientCertLineEdit->setText(profile.clientCertPath);
    m_ui->clientKeyLineEdit->setText(profile.clientKeyPath);
    emit m_ui->clientKeyLineEdit->textChanged(m_ui->clientKeyLineEdit->text());
    m_ui->timeoutSpinBox->setValue(profile.timeoutSeconds);
    m_ui->testResultLabel->clear();
    validate();
}

Profile ProfileEditorDialog::profileFromFields() const
{
    Profile p;
    p.name = m_ui->nameLineEdit->text();
    p.apiAddress = m_ui->addressLineEdit->text().trimmed();
    p.environment = Profile::Environment(m_ui->environmentComboBox->currentData().toInt());
    p.color = m_ui->colourLineEdit->text().trimmed();
    p.authKind = Profile::AuthKind(m_ui->authKindComboBox->currentData().toInt());
    if (p.authKind == Profile::AuthKind::Basic)
        p.username = m_ui->usernameLineEdit->text().trimmed();
    if (p.authKind == Profile::AuthKind::OAuth) {
        p.tokenUrl = m_ui->tokenUrlLineEdit->text().trimmed();
        p.clientId = m_ui->clientIdLineEdit->text().trimmed();
        p.audience = m_ui->audienceLineEdit->text().trimmed();
        p.scope = m_ui->scopeLineEdit->text().trimmed();
    }
    p.caBundlePath = m_ui->caBundleLineEdit->text().trimmed();
    p.clientCertPath = m_ui->clientCertLineEdit->text().trimmed();
    p.clientKeyPath = m_ui->clientKeyLineEdit->text().trimmed();
    p.timeoutSeconds = m_ui->timeoutSpinBox->value();
    return p;
}

void ProfileEditorDialog::validate()
{
    const QString error = profileFromFields().validationError();
    m_ui->validationLabel->setText(error);
    m_save->setEnabled(error.isEmpty());
    m_ui->testConnectionPushButton->setEnabled(error.isEmpty() && !m_testCall);
}

QString ProfileEditorDialog::validationText() const
{
    return m_ui->validationLabel->text();
}

QString ProfileEditorDialog::testResultText() const
{
    return m_ui->testResultLabel->text();
}

QString ProfileEditorDialog::statusText() const
{
    return m_ui->statusLabel->text();
}

void ProfileEditorDialog::addProfile()
{
    m_editing.clear();
    m_imported.clear();
    m_ui->profileListWidget->clearSelection();
    Profile fresh;
    fresh.name = tr("new profile");
    loadFields(fresh);
    m_ui->nameLineEdit->setFocus();
    m_ui->nameLineEdit->selectAll();
}

void ProfileEditorDialog::duplicateProfile()
{
    Profile copy = profileFromFields();
    copy.name = tr("%1 copy").arg(copy.name);
    m_editing.clear();
    m_imported.clear();
    m_ui->profileListWidget->clearSelection();
    loadFields(copy);
    m_ui->statusLabel->setText(tr("A copy: enter its secret, then Save."));
}

QMap<int, QByteArray> ProfileEditorDialog::typedSecrets(const Profile &profile) const
{
    QMap<int, QByteArray> secrets = m_imported;
    if (profile.authKind != Profile::AuthKind::None && !m_ui->secretLineEdit->text().isEmpty())
        secrets.insert(
            int(mainSecretKind(profile.authKind)), m_ui->secretLineEdit->text().toUtf8());
    if (!profile.clientKeyPath.isEmpty() && !m_ui->keyPassphraseLineEdit->text().isEmpty())
        secrets.insert(
            int(SecretKind::KeyPassphrase), m_ui->keyPassphraseLineEdit->text().toUtf8());
    return secrets;
}

bool ProfileEditorDialog::saveProfile()
{
    const Profile profile = profileFromFields();
    if (const QString error = profile.validationError(); !error.isEmpty()) {
        m_ui->validationLabel->setText(error);
        return false;
    }
    const bool ok
        = m_editing.isEmpty() ? m_store->add(profile) : m_store->update(m_editing, profile);
    if (!ok) {
        m_ui->validationLabel->setText(m_store->error());
        return false;
    }
    const QMap<int, QByteArray> secrets = typedSecrets(profile);
    const QString oldName = m_editing;
    m_editing = profile.name;
    m_imported.clear();
    m_ui->secretLineEdit->clear();
    m_ui->keyPassphraseLineEdit->clear();
    reloadList(profile.name);
    m_ui->statusLabel->setText(tr("Saved “%1”.").arg(profile.name));
    auto writeNew = [this, name = profile.name, secrets] { writeSecrets(name, secrets); };
    if (!oldName.isEmpty() && oldName != profile.name)
        moveProfileSecrets(
            m_keychain, oldName, profile.name, this, [writeNew](const QString &) { writeNew(); });
    else
        writeNew();
    emit saved(profile.name);
    return true;
}

void ProfileEditorDialog::writeSecrets(const QString &name, const QMap<int, QByteArray> &secrets)
{
    if (secrets.isEmpty()) {
        emit secretsWritten(name);
        return;
    }
    auto pending = std::make_shared<int>(int(secrets.size()));
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        const QString key = profileSecretKey(name, SecretKind(it.key()));
        const QByteArray value = it.value();
        m_keychain->write(
            key, value, this, [this, key, value, name, pending](const SecretJob &job) {
                if (job.status() == SecretJob::Status::NoBackend) {
                    m_session->write(key, value, this, [](const SecretJob &) {});
                    m_ui->statusLabel->setText(
                        tr("No keychain available: the secret is kept for this run only."));
                    emit noKeychain();
                } else if (!job.succeeded()) {
                    m_ui->statusLabel->setText(
                        tr("The secret could not be stored: %1").arg(job.errorString()));
                }
                if (--*pending == 0)
                    emit secretsWritten(name);
            });
    }
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
    removeProfileSecrets(m_keychain, name, this, [](const QString &) {});
    removeProfileSecrets(m_session, name, this, [](const QString &) {});
    m_ui->statusLabel->setText(tr("Removed “%1” and its stored secrets.").arg(name));
    m_editing.clear();
    reloadList({});
    if (m_ui->profileListWidget->count() > 0)
        m_ui->profileListWidget->setCurrentRow(0);
    else
        addProfile();
}

} // namespace JobDesk
