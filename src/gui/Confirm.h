// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace JobDesk {

/// Asks the person to confirm something risky (a send to production, a bulk action).
///
/// The one place the window shows a modal question, so tests can answer it: setNextAnswer()
/// makes the next ask() return that answer without showing anything.
namespace Confirm {

/// True when the person chose `acceptText`. Escape and closing the box mean no.
bool ask(QWidget *parent, const QString &title, const QString &text, const QString &acceptText);
/// Asks the person to pick one of `choices` (button texts; the first is the default). Returns
/// its index, or -1 when they cancel (the Cancel button, Escape, closing the box).
int choose(QWidget *parent, const QString &title, const QString &text, const QStringList &choices);
/// For tests: the next ask() returns `answer` at once (once).
void setNextAnswer(bool answer);
/// For tests: the next choose() returns `choice` at once (once); -1 is Cancel.
void setNextChoice(int choice);
/// How many times ask() or choose() was called (tests check that a question was or was not
/// asked).
int askedCount();

} // namespace Confirm
} // namespace JobDesk
