// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/Confirm.h"

#include <QMessageBox>
#include <QPushButton>

namespace JobDesk::Confirm {

namespace {
std::optional<bool> s_nextAnswer;
std::optional<int> s_nextChoice;
int s_asked = 0;
} // namespace

bool ask(QWidget *parent, const QString &title, const QString &text, const QString &acceptText)
{
    ++s_asked;
    if (s_nextAnswer) {
        const bool answer = *s_nextAnswer;
        s_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    QPushButton *accept = box.addButton(acceptText, QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == accept;
}

int choose(QWidget *parent, const QString &title, const QString &text, const QStringList &choices)
{
    ++s_asked;
    if (s_nextChoice) {
        const int choice = *s_nextChoice;
        s_nextChoice.reset();
        return choice;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QList<QAbstractButton *> buttons;
    for (const QString &choice : choices)
        buttons.append(box.addButton(choice, QMessageBox::AcceptRole));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(
        buttons.isEmpty() ? cancel : static_cast<QPushButton *>(buttons.constFirst()));
    box.setEscapeButton(cancel);
    box.exec();
    return int(buttons.indexOf(box.clickedButton()));
}

void setNextChoice(int choice)
{
    s_nextChoice = choice;
}

void setNextAnswer(bool answer)
{
    s_nextAnswer = answer;
}

int askedCount()
{
    return s_asked;
}

} // namespace JobDesk::Confirm
