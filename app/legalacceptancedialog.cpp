#include "legalacceptancedialog.h"

#include "legaldocumentpage.h"
#include "uistyle.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

#include <functional>

namespace otrack {

namespace {

QLabel *wrappedLabel(const QString &text, const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setAccessibleName(accessibleName);
    label->setAccessibleDescription(text);
    return label;
}

}  // namespace

LegalAcceptanceDialog::LegalAcceptanceDialog(const QList<RequiredDocument> &documents, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("legalAcceptanceDialog"));
    setWindowTitle(tr("OTrack: please read and accept"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/otrack.svg")));
    setModal(true);
    setWindowModality(Qt::ApplicationModal);

    m_stack = new QStackedWidget(this);

    // Page 1: the documents.
    auto *documentsPage = new QWidget(m_stack);
    auto *intro = wrappedLabel(tr("Before OTrack shows or syncs any pupil data, please read each of these "
                                  "documents to the end and accept it. Until you do, OTrack keeps your school's "
                                  "data closed on this PC and does not sync it."),
                               QStringLiteral("intro"), tr("Why you are asked"), documentsPage);
    m_ledgerWarning = wrappedLabel(tr("OTrack found that the record of your earlier acceptances on this PC had "
                                      "been altered, so it asks you to accept again."),
                                   QStringLiteral("ledgerWarning"), tr("Warning"), documentsPage);
    m_ledgerWarning->setStyleSheet(UiStyle::errorText(m_ledgerWarning));
    m_ledgerWarning->hide();

    m_tabs = new QTabWidget(documentsPage);
    m_tabs->setObjectName(QStringLiteral("documentTabs"));
    m_tabs->setAccessibleName(tr("Documents to accept"));
    for (const RequiredDocument &required : documents) {
        auto *page = new LegalDocumentPage(required, m_tabs);
        m_pages.append(page);
        m_tabs->addTab(page, required.document.title());
        connect(page, &LegalDocumentPage::acceptedChanged, this, [this, page](bool accepted) {
            const int index = m_tabs->indexOf(page);
            m_tabs->setTabIcon(index, accepted ? style()->standardIcon(QStyle::SP_DialogApplyButton) : QIcon());
            updateAcceptButton();
        });
    }

    m_signatoryBox = new QGroupBox(tr("Signing for your school"), documentsPage);
    m_signatoryBox->setObjectName(QStringLiteral("signatory"));
    m_signatoryName = new QLineEdit(m_signatoryBox);
    m_signatoryName->setObjectName(QStringLiteral("signatoryName"));
    m_signatoryName->setAccessibleName(tr("Your full name"));
    m_signatoryName->setMaxLength(200);
    m_signatoryPosition = new QLineEdit(m_signatoryBox);
    m_signatoryPosition->setObjectName(QStringLiteral("signatoryPosition"));
    m_signatoryPosition->setAccessibleName(tr("Your position at the school"));
    m_signatoryPosition->setMaxLength(200);
    m_authorised
        = new QCheckBox(tr("I am a&uthorised to sign the Data Processing Terms for this school"), m_signatoryBox);
    m_authorised->setObjectName(QStringLiteral("authorised"));
    m_authorised->setAccessibleName(tr("I am authorised to sign the Data Processing Terms for this school"));
    auto *signatoryForm = new QFormLayout(m_signatoryBox);
    auto *nameLabel = new QLabel(tr("Full &name:"), m_signatoryBox);
    nameLabel->setBuddy(m_signatoryName);
    auto *positionLabel = new QLabel(tr("P&osition:"), m_signatoryBox);
    positionLabel->setBuddy(m_signatoryPosition);
    signatoryForm->addRow(nameLabel, m_signatoryName);
    signatoryForm->addRow(positionLabel, m_signatoryPosition);
    signatoryForm->addRow(m_authorised);
    m_signatoryBox->hide();

    m_progress = new QLabel(documentsPage);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setAccessibleName(tr("Documents accepted"));
    m_decline = new QPushButton(tr("&Decline..."), documentsPage);
    m_decline->setObjectName(QStringLiteral("decline"));
    m_decline->setAccessibleName(tr("Decline"));
    m_decline->setAutoDefault(false);
    m_accept = new QPushButton(tr("&Accept"), documentsPage);
    m_accept->setObjectName(QStringLiteral("accept"));
    m_accept->setAccessibleName(tr("Accept all documents"));
    m_accept->setAutoDefault(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_decline);
    buttons->addWidget(m_accept);
    auto *documentsLayout = new QVBoxLayout(documentsPage);
    documentsLayout->addWidget(intro);
    documentsLayout->addWidget(m_ledgerWarning);
    documentsLayout->addWidget(m_tabs, 1);
    documentsLayout->addWidget(m_signatoryBox);
    documentsLayout->addLayout(buttons);
    m_stack->addWidget(documentsPage);

    // Page 2: what declining means, before it happens.
    auto *declinePage = new QWidget(m_stack);
    declinePage->setObjectName(QStringLiteral("declinePage"));
    auto *declineHeading = new QLabel(tr("Decline and close OTrack?"), declinePage);
    QFont headingFont = declineHeading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    declineHeading->setFont(headingFont);
    declineHeading->setAccessibleName(declineHeading->text());
    auto *consequence
        = wrappedLabel(tr("If you decline, OTrack cannot show or sync any pupil data, and it closes now. Nothing you "
                          "recorded before is deleted: the next time you sign in, OTrack asks you again.\n\n"
                          "If you have questions about these documents, ask your school's data protection officer or "
                          "data manager before you decide."),
                       QStringLiteral("declineConsequence"), tr("What declining means"), declinePage);
    m_back = new QPushButton(tr("&Go back to the documents"), declinePage);
    m_back->setObjectName(QStringLiteral("backToDocuments"));
    m_back->setAccessibleName(tr("Go back to the documents"));
    m_confirmDecline = new QPushButton(tr("Decline and &close OTrack"), declinePage);
    m_confirmDecline->setObjectName(QStringLiteral("confirmDecline"));
    m_confirmDecline->setAccessibleName(tr("Decline and close OTrack"));
    auto *declineButtons = new QHBoxLayout;
    declineButtons->addStretch(1);
    declineButtons->addWidget(m_back);
    declineButtons->addWidget(m_confirmDecline);
    auto *declineLayout = new QVBoxLayout(declinePage);
    declineLayout->addStretch(1);
    declineLayout->addWidget(declineHeading);
    declineLayout->addWidget(consequence);
    declineLayout->addLayout(declineButtons);
    declineLayout->addStretch(2);
    m_stack->addWidget(declinePage);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    setTabOrder(m_tabs, m_signatoryName);
    setTabOrder(m_signatoryName, m_signatoryPosition);
    setTabOrder(m_signatoryPosition, m_authorised);
    setTabOrder(m_authorised, m_decline);
    setTabOrder(m_decline, m_accept);
    setTabOrder(m_back, m_confirmDecline);

    // Shortcuts act on the document in front.
    auto addShortcut = [this](const QKeySequence &keys, const std::function<void(LegalDocumentPage *)> &action) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, [this, action] {
            if (LegalDocumentPage *page = currentPage(); page && m_stack->currentIndex() == 0)
                action(page);
        });
    };
    addShortcut(QKeySequence::Find, &LegalDocumentPage::focusFind);
    addShortcut(QKeySequence::FindNext, [](LegalDocumentPage *page) { page->findNext(); });
    addShortcut(QKeySequence::ZoomIn, &LegalDocumentPage::zoomIn);
    addShortcut(QKeySequence::ZoomOut, &LegalDocumentPage::zoomOut);
    addShortcut(QKeySequence::Print, &LegalDocumentPage::print);

    connect(m_accept, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_decline, &QPushButton::clicked, this, &LegalAcceptanceDialog::reject);
    connect(m_back, &QPushButton::clicked, this, [this] {
        m_stack->setCurrentIndex(0);
        m_decline->setFocus();
    });
    connect(m_confirmDecline, &QPushButton::clicked, this, &LegalAcceptanceDialog::confirmDecline);
    connect(m_signatoryName, &QLineEdit::textChanged, this, &LegalAcceptanceDialog::updateAcceptButton);
    connect(m_signatoryPosition, &QLineEdit::textChanged, this, &LegalAcceptanceDialog::updateAcceptButton);
    connect(m_authorised, &QCheckBox::toggled, this, &LegalAcceptanceDialog::updateAcceptButton);

    updateAcceptButton();
    resize(860, 680);
}

LegalAcceptanceDialog::~LegalAcceptanceDialog() = default;

void LegalAcceptanceDialog::setSignatoryMode(bool on)
{
    m_signatoryMode = on;
    m_signatoryBox->setVisible(on);
    updateAcceptButton();
}

void LegalAcceptanceDialog::showLedgerWarning()
{
    m_ledgerWarning->show();
}

QList<LegalDocument> LegalAcceptanceDialog::documents() const
{
    QList<LegalDocument> documents;
    for (const LegalDocumentPage *page : m_pages)
        documents.append(page->document());
    return documents;
}

std::optional<Signatory> LegalAcceptanceDialog::signatory() const
{
    if (!m_signatoryMode)
        return std::nullopt;
    return Signatory{m_signatoryName->text().trimmed(), m_signatoryPosition->text().trimmed()};
}

bool LegalAcceptanceDialog::isAcceptEnabled() const
{
    return m_accept->isEnabled();
}

bool LegalAcceptanceDialog::isShowingDeclineConfirmation() const
{
    return m_stack->currentIndex() == 1;
}

LegalDocumentPage *LegalAcceptanceDialog::currentPage() const
{
    return qobject_cast<LegalDocumentPage *>(m_tabs->currentWidget());
}

void LegalAcceptanceDialog::updateAcceptButton()
{
    qsizetype accepted = 0;
    for (const LegalDocumentPage *page : std::as_const(m_pages))
        if (page->isAccepted())
            ++accepted;
    const bool signatoryDone = !m_signatoryMode
        || (!m_signatoryName->text().trimmed().isEmpty() && !m_signatoryPosition->text().trimmed().isEmpty()
            && m_authorised->isChecked());
    m_accept->setEnabled(accepted == m_pages.size() && signatoryDone);
    //: %1 documents of %2 accepted so far
    m_progress->setText(tr("%1 of %2 documents accepted").arg(accepted).arg(m_pages.size()));
    m_progress->setAccessibleDescription(m_progress->text());
}

void LegalAcceptanceDialog::reject()
{
    if (m_stack->currentIndex() == 0) {
        m_stack->setCurrentIndex(1);
        m_back->setFocus();
        return;
    }
    confirmDecline();
}

void LegalAcceptanceDialog::confirmDecline()
{
    QDialog::reject();
}

}  // namespace otrack
