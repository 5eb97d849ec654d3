// SPDX-License-Identifier: GPL-3.0-or-later
// Variables as the engine writes them: set at a scope (local) or merged upwards (found where it
// exists, else created at the process instance), the generated instances' shared template, and
// the hook the lagging search listens to.
#include "sandbox/VariableStore.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk::Sandbox;

class tst_SandboxVariableStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void mergeFindsOrCreatesAtTheInstance();
    void localStaysLocal();
    void templateCopiedOnWrite();
    void templateCopiedPerVariable();
    void changeHookSeesBeforeImages();

private:
    static std::vector<RawJson::Member> vars(
        std::initializer_list<std::pair<const char *, const char *>> list)
    {
        std::vector<RawJson::Member> out;
        for (const auto &[name, value] : list)
            out.push_back({QLatin1String(name), QByteArray(value)});
        return out;
    }
};

namespace {
constexpr qint64 Instance = 2251799823685394;
constexpr qint64 Element = 2251799823685401;
} // namespace

void tst_SandboxVariableStore::mergeFindsOrCreatesAtTheInstance()
{
    VariableStore store;
    qint64 next = 100;
    store.setKeySource([&](qint64) { return next++; });
    store.setLocal(Element, Instance, QStringLiteral("<default>"), vars({{"attempt", "1"}}));
    store.merge(
        Element, Instance, QStringLiteral("<default>"), vars({{"attempt", "2"}, {"paid", "true"}}));
    const auto local = store.inScope(Element);
    QCOMPARE(local.size(), std::size_t(1));
    QCOMPARE(local.at(0).value, QByteArray("2"));
    const auto instance = store.inScope(Instance);
    QCOMPARE(instance.size(), std::size_t(1));
    QCOMPARE(instance.at(0).name, QStringLiteral("paid"));
    QCOMPARE(instance.at(0).processInstanceKey, Instance);
    // Merging again updates in place: same key.
    const qint64 key = instance.at(0).key;
    store.merge(Instance, Instance, QStringLiteral("<default>"), vars({{"paid", " false "}}));
    QCOMPARE(store.find(key)->value, QByteArray("false"));
    QCOMPARE(store.count(), 2);
}

void tst_SandboxVariableStore::localStaysLocal()
{
    VariableStore store;
    store.merge(Instance, Instance, QStringLiteral("<default>"), vars({{"orderId", "\"A\""}}));
    store.setLocal(Element, Instance, QStringLiteral("<default>"), vars({{"orderId", "\"B\""}}));
    QCOMPARE(store.inScope(Instance).at(0).value, QByteArray("\"A\""));
    QCOMPARE(store.inScope(Element).at(0).value, QByteArray("\"B\""));
}

void tst_SandboxVariableStore::templateCopiedOnWrite()
{
    VariableStore store;
    store.setKeySource([](qint64 related) { return related + 7; });
    store.setTemplate(1000, 3, vars({{"a", "1"}, {"b", "\"x\""}}), QStringLiteral("<default>"));
    QCOMPARE(store.count(), 6);
    QCOMPARE(store.inScope(1001).size(), std::size_t(2));
    const qint64 keyOfB = 1001 + VariableStore::TemplateKeyOffset * 2;
    QCOMPARE(store.find(keyOfB)->value, QByteArray("\"x\""));
    store.merge(1001, 1001, QStringLiteral("<default>"), vars({{"b", "\"y\""}, {"c", "3"}}));
    QCOMPARE(store.find(keyOfB)->value, QByteArray("\"y\"")); // the same variable, updated
    QCOMPARE(store.inScope(1001).size(), std::size_t(3));
    QCOMPARE(store.count(), 7);
    int seen = 0;
    store.forEach([&](const Variable &) { ++seen; });
    QCOMPARE(seen, 7);
    QCOMPARE(store.inScope(1002).at(1).value, QByteArray("\"x\"")); // others untouched
}

void tst_SandboxVariableStore::templateCopiedPerVariable()
{
    // Writing one template variable copies only that one; the others stay shared and are still
    // found, listed and counted once.
    VariableStore store;
    store.setKeySource([](qint64 related) { return related + 7; });
    store.setTemplate(
        1000, 2, vars({{"a", "1"}, {"b", "2"}, {"c", "3"}}), QStringLiteral("<default>"));
    store.merge(1000, 1000, QStringLiteral("<default>"), vars({{"b", "20"}}));
    store.merge(1000, 1000, QStringLiteral("<default>"), vars({{"b", "21"}}));
    QCOMPARE(store.count(), 6);
    const qint64 keyOfA = 1000 + VariableStore::TemplateKeyOffset * 1;
    const qint64 keyOfB = 1000 + VariableStore::TemplateKeyOffset * 2;
    QCOMPARE(store.find(keyOfA)->value, QByteArray("1"));
    QCOMPARE(store.find(keyOfB)->value, QByteArray("21"));
    const auto scope = store.inScope(1000);
    QCOMPARE(scope.size(), std::size_t(3));
    QStringList names;
    for (const Variable &v : scope)
        names.append(v.name + QLatin1Char('=') + QString::fromLatin1(v.value));
    names.sort();
    QCOMPARE(names,
        (QStringList {QStringLiteral("a=1"), QStringLiteral("b=21"), QStringLiteral("c=3")}));
    // A local write on an element of the instance copies nothing out.
    store.setLocal(Element, 1000, QStringLiteral("<default>"), vars({{"a", "9"}}));
    QCOMPARE(store.find(keyOfA)->value, QByteArray("1"));
    QCOMPARE(store.count(), 7);
    int seen = 0;
    store.forEach([&](const Variable &) { ++seen; });
    QCOMPARE(seen, 7);
}

void tst_SandboxVariableStore::changeHookSeesBeforeImages()
{
    VariableStore store;
    std::vector<std::optional<Variable>> before;
    store.setChangeHook([&](qint64, const std::optional<Variable> &v) { before.push_back(v); });
    store.merge(Instance, Instance, QStringLiteral("<default>"), vars({{"a", "1"}}));
    store.merge(Instance, Instance, QStringLiteral("<default>"), vars({{"a", "2"}}));
    QCOMPARE(before.size(), std::size_t(2));
    QVERIFY(!before.at(0));
    QCOMPARE(before.at(1)->value, QByteArray("1"));
}

QTEST_APPLESS_MAIN(tst_SandboxVariableStore)
#include "tst_SandboxVariableStore.moc"
