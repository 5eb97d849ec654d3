// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfileEditorDialog.h"

#include "AuthProvider.h"
#include "ConnectionController.h"
#include "ConnectionFactory.h"
#include "JobsClient.h"
#include "ProfileImport.h"
#include "ProfileStore.h"
#include "SecretStore.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace JobDesk {

namespace {
QLineEdit *lineEdit(QWidget *parent, const char *name)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    return edit;
}

/// A line edit with a "…" button that picks a file into it.
QWidget *withFilePicker(QLineEdit *edit, const QString &title, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit);
    auto *button = new QPushButton(QStringLiteral("…"), box);
    button->setObjectName(edit->objectName() + QStringLiteral("Browse"));
    button->setToolTip(title);
    layout->addWidget(button);
    QObject::connect(button, &QPushButton::clicked, box, [edit, title, box] {
        const QString path = QFileDialog::getOpenFileName(box, title, edit->text(),
            QObject::tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
        if (!path.isEmpty())
            edit->setText(path);
    });
    return box;
}

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
{
    setObjectName(QStringLiteral("ProfileEditorDialog"));
    setWindowTitle(tr("Connection profiles"));
    buildUi();
    reloadList({});
    if (m_list->count() == 0)
        addProfile();
}

ProfileEditorDialog::~ProfileEditorDialog()
{
    if (m_testCall)
        m_testCall->disconnect(this);
}

void ProfileEditorDialog::buildUi()
{
    auto *outer = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileListWidget"));
    m_list->setMinimumWidth(180);
    left->addWidget(m_list);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add"), this);
    add->setObjectName(QStringLiteral("addPushButton"));
    auto *duplicate = new QPushButton(tr("D&uplicate"), this);
    duplicate->setObjectName(QStringLiteral("duplicatePushButton"));
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removePushButton"));
    listButtons->addWidget(add);
    listButtons->addWidget(duplicate);
    listButtons->addWidget(remove);
    left->addLayout(listButtons);
    auto *importEnv = new QPushButton(tr("Import from &environment"), this);
    importEnv->setObjectName(QStringLiteral("importEnvironmentPushButton"));
    auto *importFile = new QPushButton(tr("Import Console &credentials file…"), this);
    importFile->setObjectName(QStringLiteral("importFilePushButton"));
    left->addWidget(importEnv);
    left->addWidget(importFile);
    outer->addLayout(left);

    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_name = lineEdit(this, "nameLineEdit");
    m_address = lineEdit(this, "addressLineEdit");
    m_address->setPlaceholderText(QStringLiteral("https://bru-2.zeebe.camunda.io/<cluster id>"));
    m_environment = new QComboBox(this);
    m_environment->setObjectName(QStringLiteral("environmentComboBox"));
    for (const auto env : { Profile::Environment::Dev, Profile::Environment::Test,
                            Profile::Environment::Prod, Profile::Environment::Custom })
        m_environment->addItem(environmentName(env), int(env));
    m_colour = lineEdit(this, "colourLineEdit");
    m_colour->setPlaceholderText(tr("default"));
    m_colour->setToolTip(tr("#rrggbb; empty: the environment's colour"));
    auto *colourBox = new QWidget(this);
    auto *colourLayout = new QHBoxLayout(colourBox);
    colourLayout->setContentsMargins(0, 0, 0, 0);
    colourLayout->addWidget(m_environment);
    colourLayout->addWidget(m_colour);
    auto *pick = new QPushButton(tr("Colour…"), colourBox);
    colourLayout->addWidget(pick);
    connect(pick, &QPushButton::clicked, this, [this] {
        const QColor chosen = QColorDialog::getColor(
            QColor(profileFromFields().effectiveColor()), this, tr("Tag colour"));
        if (chosen.isValid())
            m_colour->setText(chosen.name());
    });
    m_authKind = new QComboBox(this);
    m_authKind->setObjectName(QStringLiteral("authKindComboBox"));
    m_authKind->addItem(tr("None"), int(Profile::AuthKind::None));
    m_authKind->addItem(tr("Basic (user name and password)"), int(Profile::AuthKind::Basic));
    m_authKind->addItem(tr("Bearer token"), int(Profile::AuthKind::Bearer));
    m_authKind->addItem(tr("OAuth2 client credentials"), int(Profile::AuthKind::OAuth));
    m_username = lineEdit(this, "usernameLineEdit");
    m_tokenUrl = lineEdit(this, "tokenUrlLineEdit");
    m_clientId = lineEdit(this, "clientIdLineEdit");
    m_audience = lineEdit(this, "audienceLineEdit");
    m_scope = lineEdit(this, "scopeLineEdit");
    m_secret = lineEdit(this, "secretLineEdit");
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("leave empty to keep the stored one"));
    m_secretLabel = new QLabel(tr("Password:"), this);
    m_caBundle = lineEdit(this, "caBundleLineEdit");
    m_clientCert = lineEdit(this, "clientCertLineEdit");
    m_clientKey = lineEdit(this, "clientKeyLineEdit");
    m_keyPassphrase = lineEdit(this, "keyPassphraseLineEdit");
    m_keyPassphrase->setEchoMode(QLineEdit::Password);
    m_keyPassphrase->setPlaceholderText(tr("leave empty to keep the stored one"));
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeoutSpinBox"));
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));

    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("API &address:"), m_address);
    form->addRow(tr("En&vironment:"), colourBox);
    form->addRow(tr("A&uthentication:"), m_authKind);
    form->addRow(tr("User name:"), m_username);
    form->addRow(tr("Token URL:"), m_tokenUrl);
    form->addRow(tr("Client ID:"), m_clientId);
    form->addRow(tr("Audience:"), m_audience);
    form->addRow(tr("Scope:"), m_scope);
    form->addRow(m_secretLabel, m_secret);
    form->addRow(tr("CA bundle:"), withFilePicker(m_caBundle, tr("CA bundle (PEM)"), this));
    form->addRow(tr("Client certificate:"),
                 withFilePicker(m_clientCert, tr("Client certificate (PEM)"), this));
    form->addRow(tr("Client key:"), withFilePicker(m_clientKey, tr("Client key (PEM)"), this));
    form->addRow(tr("Key passphrase:"), m_keyPassphrase);
    form->addRow(tr("&Timeout:"), m_timeout);
    right->addLayout(form);

    m_validation = new QLabel(this);
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_validation->setStyleSheet(QStringLiteral("QLabel { color: #d63b3b; }"));
    m_validation->setWordWrap(true);
    right->addWidget(m_validation);
    auto *secretNote = new QLabel(
        tr("Secrets are stored only in the system keychain, never in a file."), this);
    secretNote->setEnabled(false);
    right->addWidget(secretNote);

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnectionPushButton"));
    m_test->setAutoDefault(false); // Enter saves
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResultLabel"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    right->addLayout(testRow);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    right->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    m_save->setObjectName(QStringLiteral("savePushButton"));
    m_save->setDefault(true);
    right->addWidget(buttons);
    outer->addLayout(right, 1);

    // The rows each auth kind needs.
    auto setRows = [form](const QList<QWidget *> &fields, bool visible) {
        for (QWidget *field : fields)
            form->setRowVisible(field, visible);
    };
    connect(m_authKind, &QComboBox::currentIndexChanged, this, [this, setRows] {
        const auto kind = Profile::AuthKind(m_authKind->currentData().toInt());
        setRows({ m_username }, kind == Profile::AuthKind::Basic);
        setRows({ m_tokenUrl, m_clientId, m_audience, m_scope }, kind == Profile::AuthKind::OAuth);
        setRows({ m_secret }, kind != Profile::AuthKind::None);
        m_secretLabel->setText(kind == Profile::AuthKind::Basic    ? tr("Password:")
                               : kind == Profile::AuthKind::Bearer ? tr("Token:")
                                                                   : tr("Client secret:"));
        validate();
    });
    connect(m_clientKey, &QLineEdit::textChanged, this,
            [form, this] { form->setRowVisible(m_keyPassphrase, !m_clientKey->text().isEmpty()); });
    for (QLineEdit *edit : { m_name, m_address, m_colour, m_username, m_tokenUrl, m_clientId,
                             m_audience, m_scope, m_caBundle, m_clientCert, m_clientKey })
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditorDialog::validate);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &ProfileEditorDialog::validate);
    connect(m_timeout, &QSpinBox::valueChanged, this, &ProfileEditorDialog::validate);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (const auto profile = m_store->find(name)) {
            m_editing = profile->name;
            m_imported.clear();
            loadFields(*profile);
        }
    });
    connect(add, &QPushButton::clicked, this, &ProfileEditorDialog::addProfile);
    connect(duplicate, &QPushButton::clicked, this, &ProfileEditorDialog::duplicateProfile);
    connect(remove, &QPushButton::clicked, this, &ProfileEditorDialog::removeProfile);
    connect(importEnv, &QPushButton::clicked, this, &ProfileEditorDialog::importFromEnvironment);
    connect(importFile, &QPushButton::clicked, this, [this] { importCredentialsFile(); });
    connect(m_test, &QPushButton::clicked, this, &ProfileEditorDialog::testConnection);
    connect(m_save, &QPushButton::clicked, this, &ProfileEditorDialog::saveProfile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    loadFields(Profile {});
}

void ProfileEditorDialog::reloadList(const QString &select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Profile &profile : m_store->profiles())
        m_list->addItem(profile.name);
    const auto found = m_list->findItems(select, Qt::MatchFixedString);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.constFirst());
}

void ProfileEditorDialog::selectProfile(const QString &name)
{
    m_store->load();
    reloadList(name);
    if (const auto profile = m_store->find(name.isEmpty() ? m_list->currentItem()
                                                                 ? m_list->currentItem()->text()
                                                                 : QString()
                                                           : name)) {
        reloadList(profile->name);
        m_editing = profile->name;
        loadFields(*profile);
    }
}

void ProfileEditorDialog::loadFields(const Profile &profile)
{
    m_name->setText(profile.name);
    m_address->setText(profile.apiAddress);
    m_environment->setCurrentIndex(m_environment->findData(int(profile.environment)));
    m_colour->setText(profile.color);
    m_authKind->setCurrentIndex(m_authKind->findData(int(profile.authKind)));
    emit m_authKind->currentIndexChanged(m_authKind->currentIndex());
    m_username->setText(profile.username);
    m_tokenUrl->setText(profile.tokenUrl);
    m_clientId->setText(profile.clientId);
    m_audience->setText(profile.audience);
    m_scope->setText(profile.scope);
    m_secret->clear();
    m_keyPassphrase->clear();
    m_caBundle->setText(profile.caBundlePath);
    m_clientCert->setText(profile.clientCertPath);
    m_clientKey->setText(profile.clientKeyPath);
    emit m_clientKey->textChanged(m_clientKey->text());
    m_timeout->setValue(profile.timeoutSeconds);
    m_testResult->clear();
    validate();
}

Profile ProfileEditorDialog::profileFromFields() const
{
    Profile p;
    p.name = m_name->text();
    p.apiAddress = m_address->text().trimmed();
    p.environment = Profile::Environment(m_environment->currentData().toInt());
    p.color = m_colour->text().trimmed();
    p.authKind = Profile::AuthKind(m_authKind->currentData().toInt());
    if (p.authKind == Profile::AuthKind::Basic)
        p.username = m_username->text().trimmed();
    if (p.authKind == Profile::AuthKind::OAuth) {
        p.tokenUrl = m_tokenUrl->text().trimmed();
        p.clientId = m_clientId->text().trimmed();
        p.audience = m_audience->text().trimmed();
        p.scope = m_scope->text().trimmed();
    }
    p.caBundlePath = m_caBundle->text().trimmed();
    p.clientCertPath = m_clientCert->text().trimmed();
    p.clientKeyPath = m_clientKey->text().trimmed();
    p.timeoutSeconds = m_timeout->value();
    return p;
}

void ProfileEditorDialog::validate()
{
    const QString error = profileFromFields().validationError();
    m_validation->setText(error);
    m_save->setEnabled(error.isEmpty());
    m_test->setEnabled(error.isEmpty() && !m_testCall);
}

QString ProfileEditorDialog::validationText() const
{
    return m_validation->text();
}

QString ProfileEditorDialog::testResultText() const
{
    return m_testResult->text();
}

QString ProfileEditorDialog::statusText() const
{
    return m_status->text();
}

void ProfileEditorDialog::addProfile()
{
    m_editing.clear();
    m_imported.clear();
    m_list->clearSelection();
    Profile fresh;
    fresh.name = tr("new profile");
    loadFields(fresh);
    m_name->setFocus();
    m_name->selectAll();
}

void ProfileEditorDialog::duplicateProfile()
{
    Profile copy = profileFromFields();
    copy.name = tr("%1 copy").arg(copy.name);
    m_editing.clear();
    m_imported.clear();
    m_list->clearSelection();
    loadFields(copy);
    m_status->setText(tr("A copy: enter its secret, then Save."));
}

QMap<int, QByteArray> ProfileEditorDialog::typedSecrets(const Profile &profile) const
{
    QMap<int, QByteArray> secrets = m_imported;
    if (profile.authKind != Profile::AuthKind::None && !m_secret->text().isEmpty())
        secrets.insert(int(mainSecretKind(profile.authKind)), m_secret->text().toUtf8());
    if (!profile.clientKeyPath.isEmpty() && !m_keyPassphrase->text().isEmpty())
        secrets.insert(int(SecretKind::KeyPassphrase), m_keyPassphrase->text().toUtf8());
    return secrets;
}

bool ProfileEditorDialog::saveProfile()
{
    const Profile profile = profileFromFields();
    if (const QString error = profile.validationError(); !error.isEmpty()) {
        m_validation->setText(error);
        return false;
    }
    const bool ok = m_editing.isEmpty() ? m_store->add(profile) : m_store->update(m_editing, profile);
    if (!ok) {
        m_validation->setText(m_store->error());
        return false;
    }
    const QMap<int, QByteArray> secrets = typedSecrets(profile);
    const QString oldName = m_editing;
    m_editing = profile.name;
    m_imported.clear();
    m_secret->clear();
    m_keyPassphrase->clear();
    reloadList(profile.name);
    m_status->setText(tr("Saved “%1”.").arg(profile.name));
    auto writeNew = [this, name = profile.name, secrets] { writeSecrets(name, secrets); };
    if (!oldName.isEmpty() && oldName != profile.name)
        moveProfileSecrets(m_keychain, oldName, profile.name, this,
                           [writeNew](const QString &) { writeNew(); });
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
        m_keychain->write(key, value, this, [this, key, value, name, pending](const SecretJob &job) {
            if (job.status() == SecretJob::Status::NoBackend) {
                m_session->write(key, value, this, [](const SecretJob &) {});
                m_status->setText(tr("No keychain available: the secret is kept for this run only."));
                emit noKeychain();
            } else if (!job.succeeded()) {
                m_status->setText(tr("The secret could not be stored: %1").arg(job.errorString()));
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
        m_status->setText(m_store->error());
        return;
    }
    removeProfileSecrets(m_keychain, name, this, [](const QString &) {});
    removeProfileSecrets(m_session, name, this, [](const QString &) {});
    m_status->setText(tr("Removed “%1” and its stored secrets.").arg(name));
    m_editing.clear();
    reloadList({});
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        addProfile();
}

} // namespace JobDesk
