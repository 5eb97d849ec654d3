// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class ConnectionBar;
}

namespace JobDesk {

struct Outcome;

/// Where requests go: the connection's name and colour tag (red for production), the API root,
/// and "Test connection" with its result in words (gateway version, partitions, brokers, or
/// what went wrong).
class ConnectionBar final : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBar(QWidget *parent = nullptr);
    ~ConnectionBar() override;

    /// `name` is the profile name or empty; `colour` the profile's tag colour (or empty).
    void setConnection(
        const QString &name, const QString &apiRoot, const QString &colour, bool production);
    /// A widget at the start of the bar (the profile picker); the bar takes it over.
    void setLeadingWidget(QWidget *widget);
    /// The name/colour tag; hidden when a profile picker with its own tag sits in the bar.
    void setTagVisible(bool visible);
    /// A production connection: a red line across the top of the whole bar, not only the tag.
    void setProductionMarked(bool marked);
    bool isProductionMarked() const { return m_productionMarked; }
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
    Q_DISABLE_COPY_MOVE(ConnectionBar)
    const std::unique_ptr<Ui::ConnectionBar> m_ui;
    bool m_productionMarked = false;
};

} // namespace JobDesk
