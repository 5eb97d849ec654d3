// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/ProfileForm.h"

#include "ui_ProfileForm.h"

#include <QColorDialog>
#include <QFileDialog>

#include <utility>

namespace JobDesk {

ProfileForm::ProfileForm(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ProfileForm>())
{
    m_ui->setupUi(this);
    for (const auto env :
        {Environment::Dev, Environment::Test, Environment::Prod, Environment::Custom})
        m_ui->environmentComboBox->addItem(environmentName(env), int(env));
    m_ui->authKindComboBox->addItem(tr("None"), int(AuthKind::None));
    m_ui->authKindComboBox->addItem(tr("Basic (user name and password)"), int(AuthKind::Basic));
    m_ui->authKindComboBox->addItem(tr("Bearer token"), int(AuthKind::Bearer));
    m_ui->authKindComboBox->addItem(tr("OAuth2 client credentials"), int(AuthKind::OAuth));
    // Red through the palette: a style sheet would load the style-sheet engine just for this.
    QPalette palette = m_ui->validationLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(0xd6, 0x3b, 0x3b));
    m_ui->validationLabel->setPalette(palette);

    connect(m_ui->colourPushButton, &QPushButton::clicked, this, [this] {
        const QColor chosen
            = QColorDialog::getColor(QColor(profile().effectiveColour()), this, tr("Tag colour"));
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
    connect(m_ui->authKindComboBox, &QComboBox::currentIndexChanged, this, [this] {
        updateRows();
        validate();
        emit changed();
    });
    connect(m_ui->clientKeyLineEdit, &QLineEdit::textChanged, this, &ProfileForm::updateRows);
    for (QLineEdit *edit : {m_ui->nameLineEdit, m_ui->addressLineEdit, m_ui->colourLineEdit,
             m_ui->usernameLineEdit, m_ui->tokenUrlLineEdit, m_ui->clientIdLineEdit,
             m_ui->audienceLineEdit, m_ui->scopeLineEdit, m_ui->caBundleLineEdit,
             m_ui->clientCertLineEdit, m_ui->clientKeyLineEdit, m_ui->tenantLineEdit}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            validate();
            emit changed();
        });
    }
    // A new secret makes an earlier test result stale too.
    for (QLineEdit *edit : {m_ui->secretLineEdit, m_ui->keyPassphraseLineEdit})
        connect(edit, &QLineEdit::textChanged, this, &ProfileForm::changed);
    connect(m_ui->environmentComboBox, &QComboBox::currentIndexChanged, this, [this] {
        validate();
        emit changed();
    });
    connect(m_ui->timeoutSpinBox, &QSpinBox::valueChanged, this, [this] {
        validate();
        emit changed();
    });
    setProfile(Profile {});
}

ProfileForm::~ProfileForm() = default;

void ProfileForm::updateRows()
{
    const auto kind = AuthKind(m_ui->authKindComboBox->currentData().toInt());
    QFormLayout *form = m_ui->formLayout;
    form->setRowVisible(m_ui->usernameLineEdit, kind == AuthKind::Basic);
    for (QWidget *field : {m_ui->tokenUrlLineEdit, m_ui->clientIdLineEdit, m_ui->audienceLineEdit,
             m_ui->scopeLineEdit})
        form->setRowVisible(field, kind == AuthKind::OAuth);
    form->setRowVisible(m_ui->secretLineEdit, kind != AuthKind::None);
    m_ui->secretRowLabel->setText(kind == AuthKind::Basic ? tr("Password:")
            : kind == AuthKind::Bearer                    ? tr("Token:")
                                                          : tr("Client secret:"));
    form->setRowVisible(m_ui->keyPassphraseLineEdit, !m_ui->clientKeyLineEdit->text().isEmpty());
}

void ProfileForm::setProfile(const Profile &profile)
{
    m_ui->nameLineEdit->setText(profile.name);
    m_ui->addressLineEdit->setText(profile.apiAddress);
    m_ui->environmentComboBox->setCurrentIndex(
        m_ui->environmentComboBox->findData(int(profile.environment)));
    m_ui->colourLineEdit->setText(profile.colour);
    m_ui->authKindComboBox->setCurrentIndex(
        m_ui->authKindComboBox->findData(int(profile.authKind)));
    m_ui->usernameLineEdit->setText(profile.username);
    m_ui->tokenUrlLineEdit->setText(profile.tokenUrl);
    m_ui->clientIdLineEdit->setText(profile.clientId);
    m_ui->audienceLineEdit->setText(profile.audience);
    m_ui->scopeLineEdit->setText(profile.scope);
    m_ui->caBundleLineEdit->setText(profile.caBundlePath);
    m_ui->clientCertLineEdit->setText(profile.clientCertPath);
    m_ui->clientKeyLineEdit->setText(profile.clientKeyPath);
    m_ui->timeoutSpinBox->setValue(profile.timeoutSeconds);
    m_ui->tenantLineEdit->setText(profile.tenantId);
    clearSecretFields();
    setStoredSecrets(StoredSecret::NotStored, StoredSecret::NotStored);
    updateRows();
    validate();
}

Profile ProfileForm::profile() const
{
    Profile p;
    p.name = m_ui->nameLineEdit->text();
    p.apiAddress = m_ui->addressLineEdit->text().trimmed();
    p.environment = Environment(m_ui->environmentComboBox->currentData().toInt());
    p.colour = m_ui->colourLineEdit->text().trimmed();
    p.authKind = AuthKind(m_ui->authKindComboBox->currentData().toInt());
    if (p.authKind == AuthKind::Basic)
        p.username = m_ui->usernameLineEdit->text().trimmed();
    if (p.authKind == AuthKind::OAuth) {
        p.tokenUrl = m_ui->tokenUrlLineEdit->text().trimmed();
        p.clientId = m_ui->clientIdLineEdit->text().trimmed();
        p.audience = m_ui->audienceLineEdit->text().trimmed();
        p.scope = m_ui->scopeLineEdit->text().trimmed();
    }
    p.caBundlePath = m_ui->caBundleLineEdit->text().trimmed();
    p.clientCertPath = m_ui->clientCertLineEdit->text().trimmed();
    p.clientKeyPath = m_ui->clientKeyLineEdit->text().trimmed();
    p.timeoutSeconds = m_ui->timeoutSpinBox->value();
    p.tenantId = m_ui->tenantLineEdit->text().trimmed();
    return p;
}

ConnectionSecrets ProfileForm::typedSecrets() const
{
    const Profile p = profile();
    ConnectionSecrets secrets;
    AuthSettings auth;
    auth.kind = p.authKind;
    if (const std::optional<SecretKind> kind = auth.secretKind();
        kind && !m_ui->secretLineEdit->text().isEmpty())
        secrets.insert(*kind, m_ui->secretLineEdit->text().toUtf8());
    if (!p.clientKeyPath.isEmpty() && !m_ui->keyPassphraseLineEdit->text().isEmpty())
        secrets.insert(SecretKind::KeyPassphrase, m_ui->keyPassphraseLineEdit->text().toUtf8());
    return secrets;
}

void ProfileForm::clearSecretFields()
{
    m_ui->secretLineEdit->clear();
    m_ui->keyPassphraseLineEdit->clear();
}

QString ProfileForm::hintFor(StoredSecret stored)
{
    switch (stored) {
    case StoredSecret::Stored:
        return tr("leave empty to keep the stored one");
    case StoredSecret::NotStored:
        return tr("nothing stored yet");
    case StoredSecret::Unknown:
        break;
    }
    return QString();
}

void ProfileForm::setStoredSecrets(StoredSecret authSecret, StoredSecret keyPassphrase)
{
    m_authSecret = authSecret;
    m_keyPassphrase = keyPassphrase;
    m_ui->secretLineEdit->setPlaceholderText(hintFor(authSecret));
    m_ui->keyPassphraseLineEdit->setPlaceholderText(hintFor(keyPassphrase));
}

QString ProfileForm::secretHint() const
{
    return m_ui->secretLineEdit->placeholderText();
}

void ProfileForm::validate()
{
    m_ui->validationLabel->setText(profile().validationError());
}

QString ProfileForm::validationText() const
{
    return m_ui->validationLabel->text();
}

void ProfileForm::setValidationText(const QString &text)
{
    m_ui->validationLabel->setText(text);
}

void ProfileForm::focusName()
{
    m_ui->nameLineEdit->setFocus();
    m_ui->nameLineEdit->selectAll();
}

} // namespace JobDesk
