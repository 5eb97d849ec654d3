// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Answers.h"
#include "core/camunda/CamundaVersion.h"
#include "core/camunda/CompletionRequest.h"
#include "core/json/VariablesDocument.h"
#include "core/lookup/JobFit.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QThreadPool;
class QTimer;

namespace Ui {
class JobForm;
}

namespace JobDesk {

struct Draft;
class JsonEditor;

/// The request form: job key (validated as typed, with the partition hint), the variables
/// editor (validated debounced), the result panel, the 8.10 lease token and business id (shown
/// from 8.10 on, the lease token also once the job turns out to be leased) and the actions.
///
/// Every invalid input shows its message at the field and keeps Send disabled; request() gives
/// nothing for an invalid form, so nothing can be sent. While a request is in flight (setBusy)
/// Send is disabled and Cancel enabled: no double sends.
class JobForm final : public QWidget
{
    Q_OBJECT
public:
    /// How long typing in the editor must pause before the variables are validated again.
    static constexpr int kValidationDelayMs = 150;
    /// From this many characters on, the debounced validation parses on a worker thread, so
    /// typing in a multi-MiB document never waits for it (smaller ones are parsed in place).
    static constexpr qsizetype kBackgroundValidationChars = 128 * 1024;

    explicit JobForm(QWidget *parent = nullptr);
    ~JobForm() override;

    /// The request as the form stands (validating pending edits first), or std::nullopt with
    /// the reason in *why when something is invalid.
    std::optional<CompletionRequest> request(QString *why = nullptr);
    /// True when the form is valid and nothing is in flight.
    bool canSend() const;

    void setBusy(bool inFlight);
    bool isBusy() const { return m_busy; }

    Draft draft() const;
    void setDraft(const Draft &draft);
    /// Fills the form from a request that was sent before (load into form): key, variables
    /// (pretty-printed, tokens unchanged) and the user-task result. False if the body is not
    /// a completion body.
    bool loadRequest(const QString &jobKey, const QByteArray &body);

    void focusJobKey();
    /// Puts a key into the key field (a "did you mean" choice), as if typed.
    void setJobKey(const QString &key);
    /// The job the key names, as looked up (std::nullopt: unknown); the result panel offers
    /// only what it takes.
    void setJob(const std::optional<JobRecord> &job);
    /// The server's version (unknown by default): the lease token and business id fields show
    /// on 8.10 and later (and whenever they hold text).
    void setServerVersion(const CamundaVersion &version);
    /// The job turned out to be leased (its completion was refused for want of its lease
    /// token): the lease token field shows whatever the version, until the key changes.
    void showLeaseToken();
    bool isLeaseTokenShown() const;
    bool isBusinessIdShown() const;
    /// What the form would send, as far as the job's kind cares (see JobFit).
    CompletionShape shape() const;
    /// The valid key in the field, canonical, or empty.
    QString validJobKey() const { return m_announcedKey; }
    /// The job key as typed (trimmed), valid or not.
    QString jobKeyText() const;
    /// Indent / compact the variables; on invalid JSON, go to the error instead.
    void formatVariables();
    void compactVariables();
    /// Validate the variables now (instead of after the debounce or a background parse).
    void validateNow();
    /// A debounced validation is running on the worker thread (large documents only).
    bool isValidatingInBackground() const { return m_backgroundGeneration != 0; }

    JsonEditor *variablesEditor() const;
    /// The last validated variables.
    const VariablesDocument &variables() const { return m_variables; }

signals:
    void sendRequested();
    /// Return in the key field: look the job up (never send).
    void lookUpRequested();
    /// The valid key in the field changed (canonical digits; empty when none is valid).
    void jobKeyChanged(const QString &jobKey);
    void cancelRequested();
    void copyCurlRequested();
    void previewRequested();
    /// Something in the form changed (for the draft and the Send state).
    void changed();
    /// variables() now matches the editor's text (after a debounced or background validation).
    void variablesValidated();
    /// Several job keys (`count`) were pasted into the key field, which was left as it was.
    void severalKeysPasted(const QString &text, qint64 count);

private:
    void onJobKeyEdited(const QString &text);
    void validateJobKey();
    void validateVariables();
    void applyVariables(VariablesDocument document);
    void onBackgroundValidated(quint64 generation, VariablesDocument document);
    void updateSendState();
    void updateJobExtras();
    /// Why the lease token or business id cannot be sent, or empty.
    QString jobExtrasError() const;
    void setMessage(QLabel *label, const QString &text, int severity);

    Q_DISABLE_COPY_MOVE(JobForm)
    const std::unique_ptr<Ui::JobForm> m_ui;
    QTimer *m_validationTimer = nullptr;
    VariablesDocument m_variables;
    /// One worker for background validation; ~JobForm waits for it.
    std::unique_ptr<QThreadPool> m_validationPool;
    quint64 m_textGeneration = 1; ///< counts the editor's text changes
    quint64 m_validatedGeneration = 0; ///< the text generation m_variables belongs to
    quint64 m_backgroundGeneration = 0; ///< the generation being parsed on the worker, or 0
    bool m_keyValid = false;
    /// The last valid key: Deny, reason and corrections belong to it, a new key clears them.
    QString m_lastValidKey;
    QString m_announcedKey; ///< what jobKeyChanged last said (the valid key, or empty)
    bool m_busy = false;
    CamundaVersion m_server;
    bool m_leaseSeen = false; ///< the job of the current key refused for want of a lease token
};

} // namespace JobDesk
