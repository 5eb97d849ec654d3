// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/RawJson.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <deque>
#include <functional>
#include <optional>
#include <vector>

namespace JobDesk::Sandbox {

/// One variable of a process instance: at the instance's own scope (scopeKey ==
/// processInstanceKey) or local to an element instance. The value is the JSON text exactly as
/// it was sent.
struct Variable
{
    qint64 key = 0;
    qint64 scopeKey = 0;
    qint64 processInstanceKey = 0;
    QString name;
    QString tenantId;
    QByteArray value;
};

/// The variables of all process instances, with the engine's two ways to write them: set at
/// one scope (local), or merged from a scope upwards — an existing variable is updated where it
/// is found on the way up, a new one is created at the process instance (VariableBehavior's
/// mergeDocument). Generated instances share one template; a template variable is copied out
/// only when it is written, so --generate 300000 costs no memory here.
class VariableStore final
{
public:
    /// Called before a variable changes (its old self, or nullopt when it is created), so the
    /// search can keep seeing the old state for a while (--search-delay-ms).
    using ChangeHook = std::function<void(qint64 key, const std::optional<Variable> &before)>;
    /// Gives a fresh key on the partition of the given instance key.
    using KeySource = std::function<qint64(qint64 relatedKey)>;

    VariableStore() = default;
    Q_DISABLE_COPY_MOVE(VariableStore)

    void setKeySource(KeySource source) { m_keySource = std::move(source); }
    void setChangeHook(ChangeHook hook) { m_changeHook = std::move(hook); }

    /// Generated instances i = 0..count-1 have key firstInstanceKey + i and these variables,
    /// with keys derived from the instance key (instance + VariableKeyOffset * (1 + member)).
    void setTemplate(qint64 firstInstanceKey, qint64 count, std::vector<RawJson::Member> members,
        const QString &tenantId);
    static constexpr qint64 TemplateKeyOffset = 400'000'000;

    /// Sets each member at exactly `scopeKey` (create or update).
    void setLocal(qint64 scopeKey, qint64 processInstanceKey, const QString &tenantId,
        const std::vector<RawJson::Member> &members);
    /// Merges each member from `scopeKey` up to the process instance.
    void merge(qint64 scopeKey, qint64 processInstanceKey, const QString &tenantId,
        const std::vector<RawJson::Member> &members);

    std::optional<Variable> find(qint64 key) const;
    /// The variables at one scope, in creation order.
    std::vector<Variable> inScope(qint64 scopeKey) const;
    /// Every variable: the stored ones, then the untouched generated instances' template.
    void forEach(const std::function<void(const Variable &)> &visit) const;
    qint64 count() const;

private:
    std::optional<qint64> templateIndex(qint64 instanceKey) const;
    Variable templateVariable(qint64 index, std::size_t member) const;
    bool isVirtual(qint64 index, std::size_t member) const;
    /// Copies a generated instance's template variable `name` into the store before a write.
    void materialize(qint64 instanceKey, const QString &name);
    Variable *findAt(qint64 scopeKey, const QString &name);
    void set(qint64 scopeKey, qint64 processInstanceKey, const QString &tenantId,
        const RawJson::Member &member);

    void append(const Variable &v);
    /// The positions of a scope's variables, in creation order.
    std::vector<quint32> scopePositions(qint64 scopeKey) const;

    // A deque, so growing never moves what is stored (a completion benchmark adds millions).
    std::deque<Variable> m_variables;
    std::deque<quint32> m_nextInScope; // per variable: the one created before it in its scope
    QHash<qint64, quint32> m_byKey;
    QHash<qint64, quint32> m_lastInScope; // scope -> its newest variable
    std::vector<RawJson::Member> m_template;
    QString m_templateTenant;
    qint64 m_templateFirst = 0;
    qint64 m_templateCount = 0;
    std::vector<quint8> m_copied; ///< per generated instance: the members copied out (bits)
    qint64 m_copiedCount = 0;
    KeySource m_keySource;
    ChangeHook m_changeHook;
};

} // namespace JobDesk::Sandbox
