// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/VariableStore.h"

namespace JobDesk::Sandbox {

void VariableStore::setTemplate(qint64 firstInstanceKey, qint64 count,
    std::vector<RawJson::Member> members, const QString &tenantId)
{
    m_template = std::move(members);
    m_templateTenant = tenantId;
    m_templateFirst = firstInstanceKey;
    m_templateCount = count;
    m_materialized.assign(std::size_t(count), false);
    m_materializedCount = 0;
}

std::optional<qint64> VariableStore::templateIndex(qint64 instanceKey) const
{
    const qint64 index = instanceKey - m_templateFirst;
    if (m_templateCount == 0 || index < 0 || index >= m_templateCount
        || m_materialized.at(std::size_t(index)))
        return std::nullopt;
    return index;
}

Variable VariableStore::templateVariable(qint64 index, std::size_t member) const
{
    const qint64 instance = m_templateFirst + index;
    Variable v;
    v.key = instance + TemplateKeyOffset * qint64(1 + member);
    v.scopeKey = instance;
    v.processInstanceKey = instance;
    v.name = m_template.at(member).name;
    v.tenantId = m_templateTenant;
    v.value = m_template.at(member).value;
    return v;
}

void VariableStore::materialize(qint64 instanceKey)
{
    const auto index = templateIndex(instanceKey);
    if (!index)
        return;
    m_materialized.at(std::size_t(*index)) = true;
    ++m_materializedCount;
    for (std::size_t m = 0; m < m_template.size(); ++m) {
        const Variable v = templateVariable(*index, m);
        const auto position = quint32(m_variables.size());
        m_variables.push_back(v);
        m_byKey.insert(v.key, position);
        m_byScope[v.scopeKey].push_back(position);
    }
}

Variable *VariableStore::findAt(qint64 scopeKey, const QString &name)
{
    const auto it = m_byScope.constFind(scopeKey);
    if (it == m_byScope.constEnd())
        return nullptr;
    for (const quint32 position : it.value()) {
        if (m_variables.at(position).name == name)
            return &m_variables.at(position);
    }
    return nullptr;
}

void VariableStore::set(qint64 scopeKey, qint64 processInstanceKey, const QString &tenantId,
    const RawJson::Member &member)
{
    if (Variable *existing = findAt(scopeKey, member.name)) {
        if (m_changeHook)
            m_changeHook(existing->key, *existing);
        existing->value = RawJson::compact(member.value);
        return;
    }
    Variable v;
    v.key = m_keySource ? m_keySource(processInstanceKey) : qint64(m_variables.size() + 1);
    v.scopeKey = scopeKey;
    v.processInstanceKey = processInstanceKey;
    v.name = member.name;
    v.tenantId = tenantId;
    v.value = RawJson::compact(member.value);
    if (m_changeHook)
        m_changeHook(v.key, std::nullopt);
    const auto position = quint32(m_variables.size());
    m_variables.push_back(v);
    m_byKey.insert(v.key, position);
    m_byScope[scopeKey].push_back(position);
}

void VariableStore::setLocal(qint64 scopeKey, qint64 processInstanceKey, const QString &tenantId,
    const std::vector<RawJson::Member> &members)
{
    materialize(processInstanceKey);
    for (const RawJson::Member &member : members)
        set(scopeKey, processInstanceKey, tenantId, member);
}

void VariableStore::merge(qint64 scopeKey, qint64 processInstanceKey, const QString &tenantId,
    const std::vector<RawJson::Member> &members)
{
    materialize(processInstanceKey);
    for (const RawJson::Member &member : members) {
        // The sandbox's scopes are flat: an element instance's parent is its process instance.
        const bool foundLocally
            = scopeKey != processInstanceKey && findAt(scopeKey, member.name) != nullptr;
        set(foundLocally ? scopeKey : processInstanceKey, processInstanceKey, tenantId, member);
    }
}

std::optional<Variable> VariableStore::find(qint64 key) const
{
    const auto it = m_byKey.constFind(key);
    if (it != m_byKey.constEnd())
        return m_variables.at(it.value());
    for (std::size_t m = 0; m < m_template.size(); ++m) {
        const qint64 instance = key - TemplateKeyOffset * qint64(1 + m);
        if (const auto index = templateIndex(instance))
            return templateVariable(*index, m);
    }
    return std::nullopt;
}

std::vector<Variable> VariableStore::inScope(qint64 scopeKey) const
{
    std::vector<Variable> out;
    if (const auto index = templateIndex(scopeKey)) {
        for (std::size_t m = 0; m < m_template.size(); ++m)
            out.push_back(templateVariable(*index, m));
    }
    const auto it = m_byScope.constFind(scopeKey);
    if (it != m_byScope.constEnd()) {
        for (const quint32 position : it.value())
            out.push_back(m_variables.at(position));
    }
    return out;
}

void VariableStore::forEach(const std::function<void(const Variable &)> &visit) const
{
    for (const Variable &v : m_variables)
        visit(v);
    for (qint64 i = 0; i < m_templateCount; ++i) {
        if (m_materialized.at(std::size_t(i)))
            continue;
        for (std::size_t m = 0; m < m_template.size(); ++m)
            visit(templateVariable(i, m));
    }
}

qint64 VariableStore::count() const
{
    return qint64(m_variables.size())
        + (m_templateCount - m_materializedCount) * qint64(m_template.size());
}

} // namespace JobDesk::Sandbox
