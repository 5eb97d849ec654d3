// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class ConnectionBar;
}

namespace JobDesk {

struct Connection;
struct Outcome;

/// Where requests go: the connection's name and colour tag (red for production), the API root,
/// the gateway version once known, and "Test connection" with its result in words (gateway
/// version, partitions, brokers, or what went wrong).
class ConnectionBar final : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBar(QWidget *parent = nullptr);
    ~ConnectionBar() override;

    /// Shows `connection`: its tag (name, colour, PRODUCTION), address and production mark; the
    /// gateway version and the last test result are cleared (they belonged to the previous one).
    void setConnection(const Connection &connection);
    /// Puts a profile picker at the front of the bar (the bar owns it from now on) and hides the
    /// bar's own tag: the picker's chip shows the environment.
    void setLeadingWidget(QWidget *picker);
    QWidget *leadingWidget() const { return m_picker; }
    /// A production connection: a red line across the top of the whole bar, not only the tag.
    bool isProductionMarked() const { return m_productionMarked; }
    /// The gateway version of the current connection (empty: not known).
    void setGatewayVersion(const QString &version);
    QString gatewayVersionText() const;
    void setTesting(bool testing);
    /// Shows the result of `GET /v2/topology`.
    void showTopology(const Outcome &outcome);
    QString topologyText() const;

    /// "gateway 8.8.0 · 3 partitions on 3 brokers" from a topology body; empty if unreadable.
    static QString describeTopology(const QByteArray &body);

signals:
    void testRequested();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void setProductionMarked(bool marked);

    Q_DISABLE_COPY_MOVE(ConnectionBar)
    const std::unique_ptr<Ui::ConnectionBar> m_ui;
    QWidget *m_picker = nullptr;
    bool m_productionMarked = false;
};

} // namespace JobDesk
