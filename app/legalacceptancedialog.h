#pragma once

#include "legalledger.h"

#include <QDialog>
#include <QList>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace otrack {

class LegalDocumentPage;

// The modal dialog shown after sign-in and before any pupil data, whenever documents are
// still to be accepted (docs/legal.md): one tab per document; "Accept" enables once every
// document has been read to the end and ticked. "Decline" first explains what declining means
// (closing the window or Escape does the same), then rejects. The dialog records nothing
// itself: its caller writes the ledger.
class LegalAcceptanceDialog : public QDialog {
    Q_OBJECT

public:
    explicit LegalAcceptanceDialog(const QList<RequiredDocument> &documents, QWidget *parent = nullptr);
    ~LegalAcceptanceDialog() override;

    // The variant for the school's signatory: full name, position, and a confirmation of
    // authority, all required before "Accept".
    void setSignatoryMode(bool on);
    // Says that earlier acceptances on this PC failed their check and must be given again.
    void showLedgerWarning();

    QList<LegalDocument> documents() const;
    QList<LegalDocumentPage *> pages() const { return m_pages; }
    // Filled in the signatory variant, once accepted.
    std::optional<Signatory> signatory() const;
    bool isAcceptEnabled() const;
    bool isShowingDeclineConfirmation() const;

    // Escape and the window's close button ask whether to decline, rather than decline.
    void reject() override;

private:
    LegalDocumentPage *currentPage() const;
    void updateAcceptButton();
    void confirmDecline();

    QList<LegalDocumentPage *> m_pages;
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    QLabel *m_ledgerWarning;
    QLabel *m_progress;
    QWidget *m_signatoryBox;
    QLineEdit *m_signatoryName;
    QLineEdit *m_signatoryPosition;
    QCheckBox *m_authorised;
    QPushButton *m_accept;
    QPushButton *m_decline;
    QPushButton *m_back;
    QPushButton *m_confirmDecline;
    bool m_signatoryMode = false;
};

}  // namespace otrack
