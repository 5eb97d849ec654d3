// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

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
/// For tests: the next ask() returns `answer` at once (once).
void setNextAnswer(bool answer);
/// How many times ask() was called (tests check that a question was or was not asked).
int askedCount();

} // namespace Confirm
} // namespace JobDesk
