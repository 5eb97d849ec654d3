// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/VariableStore.h"

#include <algorithm>

namespace JobDesk::Sandbox {

void VariableStore::setTemplate(qint64 firstInstanceKey, qint64 count,
    std::vector<RawJson::Member> members, const QString &tenantId)
{
    m_template = std::move(members);
    m_templateTenant = tenantId;
    m_templateFirst = firstInstanceKey;
    m_templateCount = count;
    Q_ASSERT(m_template.size() <= 8); // one bit per member in m_copied
    m_copied.assign(std::size_t(count), 0);
    m_copiedCount = 0;
}

std::optional<qint64> VariableStore::templateIndex(qint64 instanceKey) const
{
    const qint64 index = instanceKey - m_templateFirst;
    if (m_templateCount == 0 || index < 0 || index >= m_templateCount)
        return std::nullopt;
    return index;
}

bool VariableStore::isVirtual(qint64 index, std::size_t member) const
{
    return (m_copied.at(std::size_t(index)) & (1u << member)) == 0;
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

void VariableStore::materialize(qint64 instanceKey, const QString &name)
{
    const auto index = templateIndex(instanceKey);
    if (!index)
        return;
    for (std::size_t m = 0; m < m_template.size(); ++m) {
        if (m_template.at(m).name == name && isVirtual(*index, m)) {
            m_copied.at(std::size_t(*index)) |= quint8(1u << m);
            ++m_copiedCount;
            append(templateVariable(*index, m));
        }
    }
}

namespace {
constexpr quint32 NoVariable = 0xffffffff;
} // namespace

void VariableStore::append(const Variable &v)
{
    const auto position = quint32(m_variables.size());
    m_variables.push_back(v);
    m_nextInScope.push_back(m_lastInScope.value(v.scopeKey, NoVariable));
    m_lastInScope.insert(v.scopeKey, position);
    m_byKey.insert(v.key, position);
}

std::vector<quint32> VariableStore::scopePositions(qint64 scopeKey) const
{
    std::vector<quint32> out;
    for (quint32 p = m_lastInScope.value(scopeKey, NoVariable); p != NoVariable;
         p = m_nextInScope.at(p))
        out.push_back(p);
    std::reverse(out.begin(), out.end());
    return out;
}

Variable *VariableStore::findAt(qint64 scopeKey, const QString &name)
{
    for (quint32 p = m_lastInScope.value(scopeKey, NoVariable); p != NoVariable;
         p = m_nextInScope.at(p)) {
        if (m_variables.at(p).name == name)
            return &m_variables.at(p);
    }
    return nullptr;
}

void VariableStore::set(qint64 scopeKey, qint64 processInstanceKey, const QString &tenantId,
    const RawJson::Member &member)
{
    // A generated instance's shared variable is copied out only when it is written.
    if (scopeKey == processInstanceKey)
        materialize(processInstanceKey, member.name);
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
    append(v);
}

void VariableStore::setLocal(qint64 scopeKey, qint64 processInstanceKey, const QString &tenantId,
    const std::vector<RawJson::Member> &members)
{
    for (const RawJson::Member &member : members)
        set(scopeKey, processInstanceKey, tenantId, member);
}

void VariableStore::merge(qint64 scopeKey, qint64 processInstanceKey, const QString &tenantId,
    const std::vector<RawJson::Member> &members)
{
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
        if (const auto index = templateIndex(instance); index && isVirtual(*index, m))
            return templateVariable(*index, m);
    }
    return std::nullopt;
}

std::vector<Variable> VariableStore::inScope(qint64 scopeKey) const
{
    std::vector<Variable> out;
    if (const auto index = templateIndex(scopeKey)) {
        for (std::size_t m = 0; m < m_template.size(); ++m) {
            if (isVirtual(*index, m))
                out.push_back(templateVariable(*index, m));
        }
    }
    for (const quint32 position : scopePositions(scopeKey))
        out.push_back(m_variables.at(position));
    return out;
}

void VariableStore::forEach(const std::function<void(const Variable &)> &visit) const
{
    for (const Variable &v : m_variables)
        visit(v);
    for (qint64 i = 0; i < m_templateCount; ++i) {
        if (m_copied.at(std::size_t(i)) == 0xff)
            continue;
        for (std::size_t m = 0; m < m_template.size(); ++m) {
            if (isVirtual(i, m))
                visit(templateVariable(i, m));
        }
    }
}

qint64 VariableStore::count() const
{
    return qint64(m_variables.size()) + m_templateCount * qint64(m_template.size()) - m_copiedCount;
}

} // namespace JobDesk::Sandbox
