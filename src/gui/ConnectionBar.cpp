// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/ConnectionBar.h"

#include "core/camunda/Outcome.h"
#include "core/connection/Connection.h"
#include "core/connection/ConnectionCheck.h"
#include "ui_ConnectionBar.h"

#include <QPainter>

namespace JobDesk {

ConnectionBar::ConnectionBar(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConnectionBar>())
{
    m_ui->setupUi(this);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_ui->testConnectionPushButton->setIcon(QIcon(QStringLiteral(":/icons/connection.svg")));
    m_ui->gatewayVersionLabel->hide();
    connect(
        m_ui->testConnectionPushButton, &QPushButton::clicked, this, &ConnectionBar::testRequested);
}

ConnectionBar::~ConnectionBar() = default;

namespace {
constexpr int kProductionLine = 3; ///< px
} // namespace

void ConnectionBar::setProductionMarked(bool marked)
{
    if (marked == m_productionMarked)
        return;
    m_productionMarked = marked;
    // Room for the line above the bar's contents.
    setContentsMargins(0, marked ? kProductionLine + 2 : 0, 0, 0);
    update();
}

void ConnectionBar::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    if (!m_productionMarked)
        return;
    QPainter painter(this);
    painter.fillRect(QRect(0, 0, width(), kProductionLine), QColor(0xd6, 0x3b, 0x3b));
}

void ConnectionBar::setConnection(const Connection &connection)
{
    const bool production = connection.isProduction();
    const QString tag = connection.isAddressOnly() ? tr("No profile") : connection.profileName;
    m_ui->connectionTagLabel->setText(production ? tr("%1 · PRODUCTION").arg(tag) : tag);
    // A colour tag that reads on light and dark: white text on the profile's colour.
    const QString background = !connection.colour.isEmpty() ? connection.colour
        : production                                        ? QStringLiteral("#d63b3b")
                                                            : QStringLiteral("#6f7b88");
    m_ui->connectionTagLabel->setColour(QColor(background));
    m_ui->addressLabel->setText(connection.apiRoot.toString());
    m_ui->topologyLabel->clear();
    setGatewayVersion({});
    setProductionMarked(production);
}

void ConnectionBar::setLeadingWidget(QWidget *picker)
{
    if (m_picker == picker)
        return;
    delete m_picker; // the bar's own child: a previous picker goes with its replacement
    m_picker = picker;
    if (picker)
        m_ui->connectionLayout->insertWidget(0, picker);
    m_ui->connectionTagLabel->setVisible(picker == nullptr);
    setAttribute(Qt::WA_StyledBackground, picker != nullptr);
}

void ConnectionBar::setGatewayVersion(const QString &version)
{
    m_ui->gatewayVersionLabel->setText(
        version.isEmpty() ? QString() : tr("gateway %1").arg(version));
    m_ui->gatewayVersionLabel->setToolTip(version.isEmpty()
            ? QString()
            : tr("The Camunda version the gateway reports (GET /v2/topology)"));
    m_ui->gatewayVersionLabel->setVisible(!version.isEmpty());
}

QString ConnectionBar::gatewayVersionText() const
{
    return m_ui->gatewayVersionLabel->isVisibleTo(this) ? m_ui->gatewayVersionLabel->text()
                                                        : QString();
}

void ConnectionBar::setTesting(bool testing)
{
    m_ui->testConnectionPushButton->setEnabled(!testing);
    if (testing)
        m_ui->topologyLabel->setText(tr("Testing…"));
}

QString ConnectionBar::describeTopology(const QByteArray &body)
{
    const std::optional<Topology> topology = Answers::topology(body);
    if (!topology)
        return {};
    return tr("gateway %1 · %n partition(s)", nullptr, ConnectionCheck::partitionCount(*topology))
               .arg(topology->gatewayVersion.isEmpty() ? tr("(version unknown)")
                                                       : topology->gatewayVersion)
        + tr(" on %n broker(s)", nullptr, ConnectionCheck::brokerCount(*topology));
}

void ConnectionBar::showTopology(const Outcome &outcome)
{
    setTesting(false);
    QString text;
    QColor colour;
    if (outcome.ok()) {
        if (const std::optional<Topology> topology = Answers::topology(outcome.rawBody))
            setGatewayVersion(topology->gatewayVersion);
        const QString described = describeTopology(outcome.rawBody);
        text = described.isEmpty() ? tr("Connected, but the topology could not be read.")
                                   : tr("Connected: %1").arg(described);
        colour = QColor(0x2e, 0x9d, 0x4f);
    } else if (outcome.httpStatus) {
        const QString title = outcome.problem.title().isEmpty()
            ? QString::fromLatin1(outcome.reasonPhrase)
            : outcome.problem.title();
        text = tr("HTTP %1 %2").arg(*outcome.httpStatus).arg(title);
        if (outcome.kind == OutcomeKind::Unauthorized || outcome.kind == OutcomeKind::Forbidden)
            text += tr(" — check the credentials of this connection");
        colour = QColor(0xd6, 0x3b, 0x3b);
    } else {
        text = outcome.transportError.isEmpty() ? tr("No answer from the server.")
                                                : outcome.transportError;
        colour = QColor(0xd6, 0x3b, 0x3b);
    }
    QPalette pal = m_ui->topologyLabel->palette();
    pal.setColor(QPalette::WindowText, colour);
    m_ui->topologyLabel->setPalette(pal);
    m_ui->topologyLabel->setText(text);
    m_ui->topologyLabel->setToolTip(text);
}

QString ConnectionBar::topologyText() const
{
    return m_ui->topologyLabel->text();
}

} // namespace JobDesk
