// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace JobDesk {

/// Removes secrets known to a request (passwords, tokens, client secrets, the Base64 of a Basic
/// header) from what a server sent back — bodies, header values, problem fields, error sentences —
/// before anything is shown or stored.
///
/// A secret is replaced only where it stands as a whole value: not touching a letter or digit on
/// either side, and not joined to one by `-`, `_`, `.`, `~`, `+`, `%` or `/` (so password `demo`
/// leaves `demo-shop` and `demo.example` alone, but `"demo"`, `client_secret=demo&` and
/// `password is demo.` lose it). Each secret is also looked for in the forms an echoing server
/// writes it in: percent-encoded (as a form body carries it, with `%20` or `+` for a space),
/// JSON-escaped and HTML-escaped. What a request *sends* is never rewritten: redact answers, not
/// records of what went out.
class SecretRedactor
{
public:
    SecretRedactor() = default;
    /// Empty secrets are ignored.
    explicit SecretRedactor(const QList<QByteArray> &secrets);

    bool isEmpty() const { return m_needles.isEmpty(); }
    QByteArray redact(const QByteArray &text) const;
    QString redact(const QString &text) const;

    /// The forms a secret may take in an echo: itself, percent-encoded, form-encoded,
    /// JSON-escaped, HTML-escaped (each once).
    static QList<QByteArray> variants(const QByteArray &secret);

private:
    QList<QByteArray> m_needles; ///< longest first, so a longer secret is not cut by a shorter one
};

} // namespace JobDesk
