// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/TemplateCommand.h"

#include "cli/Console.h"
#include "cli/Output.h"
#include "core/templates/TemplateStore.h"

#include <QFile>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryFile>

namespace JobDesk::Cli {

namespace {

bool reloadStore(TemplateStore &store)
{
    if (store.reload())
        return true;
    printError(QStringLiteral("cannot read the templates in %1: %2")
                   .arg(store.directory(), store.error()));
    return false;
}

/// Broken files are reported, never touched.
void warnAboutBrokenFiles(const TemplateStore &store)
{
    for (const TemplateStore::BrokenFile &broken : store.brokenFiles())
        printError(QStringLiteral("warning: %1 is not a usable template (left untouched): %2")
                       .arg(broken.filePath, broken.reason));
}

QString unknownTemplate(const TemplateStore &store, const QString &name)
{
    QString message = QStringLiteral("unknown template '%1'").arg(name);
    if (!store.brokenFiles().isEmpty())
        message += QStringLiteral(" (%1 template file(s) could not be read; see 'jobdesk-cli "
                                  "template list')")
                       .arg(store.brokenFiles().size());
    return message;
}

int save(const CommandLine &line, QIODevice *input)
{
    QString error;
    const std::optional<Template> t = templateFromArguments(line.templateSave, input, &error);
    if (!t) {
        printError(error);
        return ExitUsage;
    }
    TemplateStore store;
    if (!reloadStore(store))
        return ExitUsage;
    // add() checks the name again under the folder's lock: another program may have saved the
    // same name a moment ago, and then this one is refused like any existing name.
    const bool saved = !store.contains(t->name) && store.add(*t);
    if (!saved && store.contains(t->name)) {
        printError(QStringLiteral("a template named '%1' exists already; remove it first with "
                                  "'jobdesk-cli template remove %1'")
                       .arg(t->name));
        return ExitUsage;
    }
    if (!saved) {
        printError(QStringLiteral("cannot save template '%1': %2").arg(t->name, store.error()));
        return ExitNoAnswer;
    }
    writeOut("template '" + t->name.toUtf8() + "' saved\n");
    return ExitOk;
}

int exportTemplates(const CommandLine &line)
{
    TemplateStore store;
    if (!reloadStore(store))
        return ExitUsage;
    warnAboutBrokenFiles(store);
    QStringList names;
    if (!line.all) {
        const std::optional<Template> t = store.find(line.name);
        if (!t) {
            printError(unknownTemplate(store, line.name));
            return ExitUsage;
        }
        names << t->name;
    } else if (store.templates().isEmpty()) {
        printError(QStringLiteral("there are no templates to export"));
        return ExitUsage;
    }
    if (line.file == QLatin1String("-")) {
        QList<Template> chosen;
        for (const Template &t : store.templates()) {
            if (names.isEmpty() || names.contains(t.name))
                chosen << t;
        }
        writeOut(TemplateStore::exportDocument(chosen));
        return ExitOk;
    }
    if (!store.exportTo(line.file, names)) {
        printError(QStringLiteral("cannot export to '%1': %2").arg(line.file, store.error()));
        return ExitNoAnswer;
    }
    const QByteArray what = line.all
        ? QByteArray(QByteArray::number(store.templates().size()) + " template(s)")
        : QByteArray("template '" + names.first().toUtf8() + '\'');
    writeOut("exported " + what + " to " + line.file.toUtf8() + '\n');
    return ExitOk;
}

int importTemplates(const CommandLine &line, QIODevice *input)
{
    QString path = line.file;
    QTemporaryFile copy; // standard input goes through a private file, so one code path imports
    if (line.file == QLatin1String("-")) {
        if (!copy.open()) {
            printError(QStringLiteral("cannot buffer standard input: %1").arg(copy.errorString()));
            return ExitNoAnswer;
        }
        copy.write(input->readAll());
        copy.flush();
        path = copy.fileName();
    } else if (!QFile::exists(path)) {
        printError(QStringLiteral("cannot import '%1': no such file").arg(path));
        return ExitUsage;
    }
    TemplateStore store;
    if (!reloadStore(store))
        return ExitUsage;
    const TemplateStore::ImportResult result = store.importFrom(path,
        line.overwrite ? TemplateStore::ClashPolicy::Overwrite : TemplateStore::ClashPolicy::Fail);
    if (!result.ok) {
        if (!result.clashes.isEmpty() && !line.overwrite)
            printError(QStringLiteral("nothing was imported: these templates exist already: %1 "
                                      "(use --overwrite to replace them)")
                           .arg(result.clashes.join(QStringLiteral(", "))));
        else
            printError(QStringLiteral("cannot import '%1': %2").arg(line.file, result.error));
        return ExitUsage;
    }
    QByteArray out;
    for (const QString &name : result.imported)
        out += "imported template '" + name.toUtf8() + "'"
            + (result.clashes.contains(name, Qt::CaseInsensitive) ? " (replaced)" : "") + '\n';
    writeOut(out);
    return ExitOk;
}

} // namespace

std::optional<TemplateDefaults> loadTemplateDefaults(const QString &name, QString *error)
{
    TemplateStore store;
    if (!store.reload()) {
        *error = QStringLiteral("cannot read the templates in %1: %2")
                     .arg(store.directory(), store.error());
        return std::nullopt;
    }
    const std::optional<Template> t = store.find(name);
    if (!t) {
        *error = unknownTemplate(store, name);
        return std::nullopt;
    }
    TemplateDefaults defaults;
    defaults.name = t->name;
    defaults.variablesUtf8 = t->variables.toUtf8();
    defaults.result = t->result();
    return defaults;
}

std::optional<Template> templateFromArguments(
    const TemplateSaveArguments &arguments, QIODevice *stdinDevice, QString *error)
{
    Template t;
    t.name = arguments.name;
    if (const QString invalid = Template::nameError(t.name); !invalid.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    t.description = arguments.description;
    if (arguments.variables) {
        QByteArray utf8;
        if (!readVariablesText(*arguments.variables, stdinDevice, &utf8, error))
            return std::nullopt;
        const VariablesDocument document = VariablesDocument::fromUtf8(utf8);
        if (!document.isValid()) {
            *error = QStringLiteral("the variables are not a valid JSON object: %1")
                         .arg(document.errorMessage());
            return std::nullopt;
        }
        t.variables = QString::fromUtf8(utf8); // verbatim: spacing and digits as written
    }
    t.denied = arguments.deny;
    if (arguments.denyReason)
        t.deniedReason = *arguments.denyReason;
    if (!t.denied && !t.deniedReason.isEmpty()) {
        *error = QStringLiteral("--deny-reason needs --deny");
        return std::nullopt;
    }
    for (const ActivateArgument &element : arguments.activate)
        t.adHoc.activateElements.append({element.elementId, element.variables.toUtf8()});
    t.adHoc.isCompletionConditionFulfilled = arguments.completionConditionFulfilled;
    t.adHoc.isCancelRemainingInstances = arguments.cancelRemaining;
    if (const QString invalid = t.adHoc.validationError(); !invalid.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    return t;
}

QByteArray formatTemplateList(const QList<Template> &templates, bool json)
{
    if (json) {
        QJsonArray array;
        for (const Template &t : templates)
            array.append(t.toJson());
        return QJsonDocument(array).toJson(QJsonDocument::Compact) + '\n';
    }
    QByteArray out;
    for (const Template &t : templates) {
        out += t.name.toUtf8();
        if (t.denied)
            out += "\t[deny]";
        if (!t.adHoc.isEmpty())
            out += "\t[ad-hoc]";
        if (!t.description.isEmpty())
            out += '\t' + t.description.toUtf8();
        out += '\n';
    }
    return out;
}

QByteArray formatTemplate(const Template &t)
{
    QByteArray out;
    const auto field = [&out](const char *label, const QString &value) {
        if (!value.isEmpty())
            out += QByteArray(label) + ": " + value.toUtf8() + '\n';
    };
    field("name", t.name);
    field("description", t.description);
    field("job type", t.jobType);
    if (t.denied)
        out += "deny: yes\n";
    field("deny reason", t.deniedReason);
    if (!t.corrections.isEmpty())
        out += "corrections: yes (shown in the window)\n";
    for (const AdHocActivateElement &element : t.adHoc.activateElements) {
        out += "activate: " + element.elementId.toUtf8();
        if (!element.variablesJson.trimmed().isEmpty())
            out += '=' + element.variablesJson;
        out += '\n';
    }
    if (t.adHoc.isCompletionConditionFulfilled)
        out += "completion condition fulfilled: yes\n";
    if (t.adHoc.isCancelRemainingInstances)
        out += "cancel remaining instances: yes\n";
    if (t.created.isValid())
        field("created", t.created.toUTC().toString(Qt::ISODate));
    if (t.updated.isValid())
        field("updated", t.updated.toUTC().toString(Qt::ISODate));
    out += "variables:\n";
    out += t.variables.isEmpty() ? QByteArray("(none)") : t.variables.toUtf8();
    out += '\n';
    return out;
}

int runTemplateCommand(const CommandLine &line, QIODevice *stdinDevice)
{
    QIODevice *input = stdinDevice ? stdinDevice : standardInput();
    switch (line.command) {
    case Command::TemplateSave:
        return save(line, input);
    case Command::TemplateList: {
        TemplateStore store;
        if (!reloadStore(store))
            return ExitUsage;
        warnAboutBrokenFiles(store);
        writeOut(formatTemplateList(store.templates(), line.json));
        return ExitOk;
    }
    case Command::TemplateShow:
    case Command::TemplateRemove: {
        TemplateStore store;
        if (!reloadStore(store))
            return ExitUsage;
        const std::optional<Template> t = store.find(line.name);
        if (!t) {
            printError(unknownTemplate(store, line.name));
            return ExitUsage;
        }
        if (line.command == Command::TemplateShow) {
            writeOut(formatTemplate(*t));
            return ExitOk;
        }
        if (!store.remove(t->name)) {
            printError(
                QStringLiteral("cannot remove template '%1': %2").arg(t->name, store.error()));
            return ExitNoAnswer;
        }
        writeOut("template '" + t->name.toUtf8() + "' removed\n");
        return ExitOk;
    }
    case Command::TemplateExport:
        return exportTemplates(line);
    case Command::TemplateImport:
        return importTemplates(line, input);
    default:
        return ExitUsage;
    }
}

} // namespace JobDesk::Cli
