// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/ConnectionBar.h"

#include "core/camunda/Outcome.h"
#include "ui_ConnectionBar.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>

namespace JobDesk {

ConnectionBar::ConnectionBar(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConnectionBar>())
{
    m_ui->setupUi(this);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_ui->testConnectionPushButton->setIcon(QIcon(QStringLiteral(":/icons/connection.svg")));
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

void ConnectionBar::setConnection(
    const QString &name, const QString &apiRoot, const QString &colour, bool production)
{
    const QString tag = name.isEmpty() ? tr("No profile") : name;
    m_ui->connectionTagLabel->setText(production ? tr("%1 · PRODUCTION").arg(tag) : tag);
    // A colour tag that reads on light and dark: white text on the profile's colour.
    const QString background = !colour.isEmpty() ? colour
        : production                             ? QStringLiteral("#d63b3b")
                                                 : QStringLiteral("#6f7b88");
    m_ui->connectionTagLabel->setColour(QColor(background));
    m_ui->addressLabel->setText(apiRoot);
    m_ui->topologyLabel->clear();
}

void ConnectionBar::setLeadingWidget(QWidget *widget)
{
    m_ui->connectionLayout->insertWidget(0, widget);
}

void ConnectionBar::setTagVisible(bool visible)
{
    m_ui->connectionTagLabel->setVisible(visible);
}

void ConnectionBar::setTesting(bool testing)
{
    m_ui->testConnectionPushButton->setEnabled(!testing);
    if (testing)
        m_ui->topologyLabel->setText(tr("Testing…"));
}

QString ConnectionBar::describeTopology(const QByteArray &body)
{
    const QJsonObject topology = QJsonDocument::fromJson(body).object();
    if (topology.isEmpty())
        return {};
    const QString version = topology.value(QStringLiteral("gatewayVersion")).toString();
    const int partitions = topology.value(QStringLiteral("partitionsCount")).toInt();
    int brokers = int(topology.value(QStringLiteral("brokers")).toArray().size());
    if (brokers == 0)
        brokers = topology.value(QStringLiteral("clusterSize")).toInt();
    return tr("gateway %1 · %n partition(s)", nullptr, partitions)
               .arg(version.isEmpty() ? tr("(version unknown)") : version)
        + tr(" on %n broker(s)", nullptr, brokers);
}

void ConnectionBar::showTopology(const Outcome &outcome)
{
    setTesting(false);
    QString text;
    QColor colour;
    if (outcome.ok()) {
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
