// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/TemplatesPanel.h"

#include "core/templates/TemplateStore.h"
#include "gui/Confirm.h"
#include "gui/SaveTemplateDialog.h"
#include "gui/WindowSettings.h"
#include "ui_TemplatesPanel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QListWidget>
#include <QMenu>

namespace JobDesk {

namespace {
constexpr int kNameRole = Qt::UserRole + 1;
constexpr int kBrokenRole = Qt::UserRole + 2;
constexpr int kVariablesPreviewChars = 160;

bool matches(const Template &t, const QString &needle)
{
    if (needle.isEmpty())
        return true;
    return t.name.contains(needle, Qt::CaseInsensitive)
        || t.description.contains(needle, Qt::CaseInsensitive)
        || t.jobType.contains(needle, Qt::CaseInsensitive);
}
} // namespace

TemplatesPanel::TemplatesPanel(TemplateStore *store, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TemplatesPanel>())
    , m_store(store)
{
    m_ui->setupUi(this);
    m_ui->templateErrorLabel->hide();
    m_ui->templateDetailsLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *menu = new QMenu(this);
    QAction *rename = menu->addAction(tr("&Rename"), this, [this] {
        if (QListWidgetItem *item = m_ui->templatesListWidget->currentItem())
            m_ui->templatesListWidget->editItem(item);
    });
    rename->setShortcut(QKeySequence(Qt::Key_F2));
    menu->addAction(tr("D&uplicate"), this, &TemplatesPanel::duplicateSelected);
    QAction *remove = menu->addAction(tr("&Delete…"), this, &TemplatesPanel::deleteSelected);
    remove->setShortcut(QKeySequence::Delete);
    menu->addSeparator();
    menu->addAction(tr("&Import…"), this, &TemplatesPanel::importInteractive);
    menu->addAction(tr("Export &selected…"), this, [this] { exportInteractive(true); });
    menu->addAction(tr("Export &all…"), this, [this] { exportInteractive(false); });
    m_ui->moreTemplateToolButton->setMenu(menu);
    // The same actions on the list itself (keyboard and context menu).
    m_ui->templatesListWidget->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction *action : menu->actions()) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_ui->templatesListWidget->addAction(action);
    }

    m_ui->templateSearchLineEdit->installEventFilter(this);
    connect(m_ui->templateSearchLineEdit, &QLineEdit::textChanged, this, &TemplatesPanel::refill);
    connect(m_ui->templatesListWidget, &QListWidget::itemActivated, this,
        &TemplatesPanel::applyCurrent);
    connect(
        m_ui->templatesListWidget, &QListWidget::itemChanged, this, &TemplatesPanel::onItemChanged);
    connect(m_ui->templatesListWidget, &QListWidget::itemSelectionChanged, this,
        &TemplatesPanel::updateDetails);
    connect(
        m_ui->applyTemplatePushButton, &QPushButton::clicked, this, &TemplatesPanel::applyCurrent);
    connect(
        m_ui->saveTemplatePushButton, &QPushButton::clicked, this, &TemplatesPanel::saveRequested);
    connect(m_ui->addStartersPushButton, &QPushButton::clicked, this, &TemplatesPanel::addStarters);
    reload();
}

TemplatesPanel::~TemplatesPanel() = default;

void TemplatesPanel::reload()
{
    if (!m_store->reload())
        showError(m_store->error());
    refill();
}

void TemplatesPanel::setPreferredJobType(const QString &type)
{
    if (type == m_preferredJobType)
        return;
    m_preferredJobType = type;
    refill();
}

void TemplatesPanel::focusSearch()
{
    m_ui->templateSearchLineEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->templateSearchLineEdit->selectAll();
}

bool TemplatesPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->templateSearchLineEdit && event->type() == QEvent::KeyPress) {
        QListWidget *list = m_ui->templatesListWidget;
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_Down:
            // Into the list, on the selected match (or the first one).
            if (list->count() > 0) {
                if (!selectedTemplate())
                    list->setCurrentRow(0, QItemSelectionModel::ClearAndSelect);
                list->setFocus(Qt::TabFocusReason);
            }
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (!selectedTemplate() && !visibleNames().isEmpty())
                selectTemplate(visibleNames().constFirst());
            applyCurrent();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TemplatesPanel::refill()
{
    const QString keep = selectedTemplate() ? selectedTemplate()->name : QString();
    const QString needle = m_ui->templateSearchLineEdit->text().trimmed();
    QList<Template> preferred;
    QList<Template> others;
    for (const Template &t : m_store->templates()) {
        if (!matches(t, needle))
            continue;
        const bool forThisJob = !m_preferredJobType.isEmpty()
            && t.jobType.compare(m_preferredJobType, Qt::CaseInsensitive) == 0;
        (forThisJob ? preferred : others).append(t);
    }

    m_filling = true;
    QListWidget *list = m_ui->templatesListWidget;
    list->clear();
    auto add = [&](const Template &t, bool forThisJob) {
        auto *item = new QListWidgetItem(t.name, list);
        item->setData(kNameRole, t.name);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        QStringList tip;
        if (!t.description.isEmpty())
            tip << t.description;
        if (!t.jobType.isEmpty())
            tip << tr("For jobs of type %1").arg(t.jobType);
        if (t.denied)
            tip << tr("Denies the job");
        item->setToolTip(tip.join(u'\n'));
        if (forThisJob) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
            item->setText(tr("%1 — for this job").arg(t.name));
        }
    };
    for (const Template &t : std::as_const(preferred))
        add(t, true);
    for (const Template &t : std::as_const(others))
        add(t, false);
    for (const TemplateStore::BrokenFile &broken : m_store->brokenFiles()) {
        const QString fileName = QFileInfo(broken.filePath).fileName();
        if (!needle.isEmpty() && !fileName.contains(needle, Qt::CaseInsensitive))
            continue;
        auto *item = new QListWidgetItem(tr("⚠ %1 (cannot be read)").arg(fileName), list);
        item->setData(kBrokenRole, broken.filePath);
        item->setFlags(Qt::ItemIsEnabled);
        item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        item->setToolTip(
            tr("%1\n%2\nThe file was left as it is.").arg(broken.filePath, broken.reason));
    }
    m_filling = false;

    const bool empty = m_store->templates().isEmpty() && m_store->brokenFiles().isEmpty();
    m_ui->emptyStateWidget->setVisible(empty);
    if (!keep.isEmpty())
        selectTemplate(keep);
    if (!list->currentItem() && list->count() > 0 && list->item(0)->data(kBrokenRole).isNull())
        list->setCurrentRow(0);
    updateDetails();
}

std::optional<Template> TemplatesPanel::selectedTemplate() const
{
    const QListWidgetItem *item = m_ui->templatesListWidget->currentItem();
    if (!item || !item->isSelected() || item->data(kNameRole).isNull())
        return std::nullopt;
    return m_store->find(item->data(kNameRole).toString());
}

bool TemplatesPanel::selectTemplate(const QString &name)
{
    QListWidget *list = m_ui->templatesListWidget;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(kNameRole).toString().compare(name, Qt::CaseInsensitive) == 0) {
            list->setCurrentRow(i, QItemSelectionModel::ClearAndSelect);
            return true;
        }
    }
    return false;
}

QStringList TemplatesPanel::visibleNames() const
{
    QStringList names;
    for (int i = 0; i < m_ui->templatesListWidget->count(); ++i) {
        const QVariant name = m_ui->templatesListWidget->item(i)->data(kNameRole);
        if (!name.isNull())
            names << name.toString();
    }
    return names;
}

void TemplatesPanel::applyCurrent()
{
    if (const std::optional<Template> t = selectedTemplate()) {
        emit applyRequested(*t);
        emit statusMessage(tr("Template “%1” applied to the form").arg(t->name));
    }
}

void TemplatesPanel::saveFromForm(const Template &fromForm)
{
    SaveTemplateDialog dialog(
        [this](const QString &name) { return m_store->contains(name); }, this);
    const std::optional<Template> selected = selectedTemplate();
    dialog.setValues(selected ? selected->name : m_store->uniqueName(tr("New template")),
        selected ? selected->description : QString(),
        selected && !selected->jobType.isEmpty() ? selected->jobType : m_preferredJobType);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Template t = fromForm;
    t.name = dialog.name();
    t.description = dialog.description();
    t.jobType = dialog.jobType();
    QString error;
    if (!saveTemplate(t, dialog.replaceExisting(), &error))
        showError(error);
}

bool TemplatesPanel::saveTemplate(const Template &t, bool replace, QString *error)
{
    m_store->reload();
    bool ok = false;
    if (m_store->contains(t.name)) {
        if (!replace) {
            if (error)
                *error = tr("A template named “%1” exists already.").arg(t.name);
            return false;
        }
        ok = m_store->update(t.name, t);
    } else {
        ok = m_store->add(t);
    }
    if (!ok) {
        if (error)
            *error = m_store->error();
        return false;
    }
    m_ui->templateErrorLabel->hide();
    refill();
    selectTemplate(t.name);
    emit statusMessage(tr("Template “%1” saved").arg(t.name));
    return true;
}

bool TemplatesPanel::renameTemplate(const QString &oldName, const QString &newName, QString *error)
{
    const QString trimmed = newName.trimmed();
    QString why = Template::nameError(trimmed);
    if (why.isEmpty() && trimmed.compare(oldName, Qt::CaseInsensitive) != 0
        && m_store->contains(trimmed))
        why = tr("A template named “%1” exists already.").arg(trimmed);
    if (why.isEmpty() && !m_store->rename(oldName, trimmed))
        why = m_store->error();
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        refill();
        return false;
    }
    refill();
    selectTemplate(trimmed);
    emit statusMessage(tr("Template renamed to “%1”").arg(trimmed));
    return true;
}

void TemplatesPanel::onItemChanged(QListWidgetItem *item)
{
    if (m_filling || item->data(kNameRole).isNull())
        return;
    const QString oldName = item->data(kNameRole).toString();
    const QString newName = item->text();
    if (newName == oldName || newName.startsWith(oldName + QStringLiteral(" — ")))
        return;
    // Queued: the list is inside its own edit commit; refilling it now would pull the rug.
    QMetaObject::invokeMethod(
        this,
        [this, oldName, newName] {
            QString why;
            if (!renameTemplate(oldName, newName, &why))
                showError(why);
        },
        Qt::QueuedConnection);
}

void TemplatesPanel::deleteSelected()
{
    QStringList names;
    for (QListWidgetItem *item : m_ui->templatesListWidget->selectedItems()) {
        if (!item->data(kNameRole).isNull())
            names << item->data(kNameRole).toString();
    }
    if (names.isEmpty())
        return;
    const QString text = names.size() == 1
        ? tr("Delete the template “%1”? Its file is removed.").arg(names.first())
        : tr("Delete %n templates? Their files are removed.", nullptr, int(names.size()));
    if (!Confirm::ask(this, tr("Delete templates"), text, tr("Delete")))
        return;
    for (const QString &name : std::as_const(names)) {
        if (!m_store->remove(name)) {
            showError(m_store->error());
            break;
        }
    }
    refill();
    emit statusMessage(tr("Deleted %n template(s)", nullptr, int(names.size())));
}

void TemplatesPanel::duplicateSelected()
{
    const std::optional<Template> t = selectedTemplate();
    if (!t)
        return;
    const std::optional<QString> copy = m_store->duplicate(t->name);
    if (!copy) {
        showError(m_store->error());
        return;
    }
    refill();
    selectTemplate(*copy);
}

bool TemplatesPanel::importFile(const QString &path)
{
    m_store->reload();
    TemplateStore::ImportResult result
        = m_store->importFrom(path, TemplateStore::ClashPolicy::Fail);
    if (!result.ok && !result.clashes.isEmpty()) {
        const int choice = Confirm::choose(this, tr("Templates exist already"),
            tr("These templates exist already: %1.\n\nReplace them with the imported ones, or "
               "keep both (the imported ones get new names)?")
                .arg(result.clashes.join(QStringLiteral(", "))),
            {tr("Replace"), tr("Keep both")});
        if (choice < 0) {
            emit statusMessage(tr("Import cancelled: nothing was imported"));
            return false;
        }
        result = m_store->importFrom(path,
            choice == 0 ? TemplateStore::ClashPolicy::Overwrite
                        : TemplateStore::ClashPolicy::KeepBoth);
    }
    refill();
    if (!result.ok) {
        showError(result.error);
        return false;
    }
    m_ui->templateErrorLabel->hide();
    emit statusMessage(tr("Imported %n template(s)", nullptr, int(result.imported.size())));
    return true;
}

bool TemplatesPanel::exportFile(const QString &path, const QStringList &names)
{
    if (!m_store->exportTo(path, names)) {
        showError(m_store->error());
        return false;
    }
    emit statusMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void TemplatesPanel::importInteractive()
{
    auto *dialog = new QFileDialog(this, tr("Import templates"),
        WindowSettings().folder(WindowSettings::Folder::Templates),
        tr("JobDesk templates (*.json);;All files (*)"));
    dialog->setObjectName(QStringLiteral("templatesImportFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    // Queued: a clash question comes after the file dialog has closed, not on top of it.
    connect(
        dialog, &QFileDialog::fileSelected, this,
        [this](const QString &path) {
            WindowSettings().rememberFolder(WindowSettings::Folder::Templates, path);
            importFile(path);
        },
        Qt::QueuedConnection);
    dialog->open();
}

void TemplatesPanel::exportInteractive(bool selectedOnly)
{
    QStringList names;
    if (selectedOnly) {
        for (QListWidgetItem *item : m_ui->templatesListWidget->selectedItems()) {
            if (!item->data(kNameRole).isNull())
                names << item->data(kNameRole).toString();
        }
        if (names.isEmpty())
            return;
    }
    const QString suggested = names.size() == 1 ? TemplateStore::fileNameFor(names.first())
                                                : QStringLiteral("jobdesk-templates.json");
    auto *dialog = new QFileDialog(this, tr("Export templates"),
        QDir(WindowSettings().folder(WindowSettings::Folder::Templates)).filePath(suggested),
        tr("JobDesk templates (*.json)"));
    dialog->setObjectName(QStringLiteral("templatesExportFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, names](const QString &path) {
        WindowSettings().rememberFolder(WindowSettings::Folder::Templates, path);
        exportFile(path, names);
    });
    dialog->open();
}

void TemplatesPanel::addStarters()
{
    int added = 0;
    for (const Template &t : starterTemplates()) {
        if (m_store->contains(t.name))
            continue;
        if (!m_store->add(t)) {
            showError(m_store->error());
            break;
        }
        ++added;
    }
    refill();
    emit statusMessage(tr("Added %n starter template(s)", nullptr, added));
}

void TemplatesPanel::updateDetails()
{
    const std::optional<Template> t = selectedTemplate();
    m_ui->applyTemplatePushButton->setEnabled(t.has_value());
    if (!t) {
        m_ui->templateDetailsLabel->clear();
        return;
    }
    QStringList lines;
    if (!t->description.isEmpty())
        lines << t->description;
    if (!t->jobType.isEmpty())
        lines << tr("Job type: %1").arg(t->jobType);
    if (t->denied)
        lines << (t->deniedReason.isEmpty() ? tr("Denies the job")
                                            : tr("Denies: %1").arg(t->deniedReason));
    QString vars = t->variables.simplified();
    if (vars.size() > kVariablesPreviewChars)
        vars = vars.left(kVariablesPreviewChars) + u'…';
    lines << (vars.isEmpty() ? tr("No variables") : vars);
    m_ui->templateDetailsLabel->setText(lines.join(u'\n'));
}

void TemplatesPanel::showError(const QString &text)
{
    m_ui->templateErrorLabel->setText(text);
    m_ui->templateErrorLabel->setVisible(!text.isEmpty());
}

} // namespace JobDesk
