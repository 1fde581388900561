#include "legaldocumentpage.h"

#include "errortext.h"
#include "logging.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include <memory>

namespace otrack {

namespace {

QString versionLine(const LegalDocument &document)
{
    //: %1 is a document's version number, %2 the date it takes effect
    return LegalDocumentPage::tr("Version %1, effective from %2")
        .arg(document.version(), QLocale().toString(document.effectiveDate(), QLocale::LongFormat));
}

QTextBrowser *makeBrowser(const QString &markdown, const QString &accessibleName, QWidget *parent)
{
    auto *browser = new QTextBrowser(parent);
    browser->setMarkdown(markdown);
    browser->setOpenExternalLinks(true);
    // Tab leaves the text (it is read-only), so the keyboard reaches the box below it.
    browser->setTabChangesFocus(true);
    browser->setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::TextSelectableByKeyboard);
    browser->setAccessibleName(accessibleName);
    return browser;
}

QPushButton *makeButton(const QString &text, const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setAutoDefault(false);
    return button;
}

}  // namespace

LegalDocumentPage::LegalDocumentPage(RequiredDocument required, QWidget *parent)
    : QWidget(parent), m_required(std::move(required))
{
    const LegalDocument &doc = m_required.document;
    setObjectName(QStringLiteral("legalPage_") + toString(doc.kind()));
    setAccessibleName(doc.title());

    auto *title = new QLabel(doc.title(), this);
    title->setObjectName(QStringLiteral("documentTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAccessibleName(doc.title());

    auto *version = new QLabel(versionLine(doc), this);
    version->setObjectName(QStringLiteral("documentVersion"));
    version->setAccessibleName(tr("Version and effective date"));
    version->setAccessibleDescription(version->text());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(version);

    QPushButton *previousButton = nullptr;
    if (m_required.previous) {
        auto *changes = new QGroupBox(tr("What changed"), this);
        changes->setObjectName(QStringLiteral("whatChanged"));
        //: %1 is the version the user accepted before, %2 a one-line summary of the changes
        auto *summary = new QLabel(tr("You accepted version %1 before. Summary of the changes: %2")
                                       .arg(m_required.previous->version(), doc.summary()),
                                   changes);
        summary->setObjectName(QStringLiteral("changeSummary"));
        summary->setWordWrap(true);
        summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
        summary->setAccessibleName(tr("Summary of the changes"));
        summary->setAccessibleDescription(summary->text());
        previousButton = makeButton(tr("View the previous &version"), QStringLiteral("viewPrevious"),
                                    tr("View the version you accepted before"), changes);
        auto *changesLayout = new QHBoxLayout(changes);
        changesLayout->addWidget(summary, 1);
        changesLayout->addWidget(previousButton);
        layout->addWidget(changes);
        connect(previousButton, &QPushButton::clicked, this, &LegalDocumentPage::showPrevious);
    }

    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("find"));
    m_find->setPlaceholderText(tr("Find in this document (Ctrl+F)"));
    m_find->setAccessibleName(tr("Find in this document"));
    m_find->setClearButtonEnabled(true);
    auto *findNextButton = makeButton(tr("Find ne&xt"), QStringLiteral("findNext"), tr("Find next"), this);
    m_findStatus = new QLabel(this);
    m_findStatus->setObjectName(QStringLiteral("findStatus"));
    m_findStatus->setAccessibleName(tr("Find result"));
    auto *zoomOutButton = makeButton(tr("A-"), QStringLiteral("zoomOut"), tr("Make the text smaller"), this);
    auto *zoomInButton = makeButton(tr("A+"), QStringLiteral("zoomIn"), tr("Make the text larger"), this);
    auto *printButton = makeButton(tr("&Print..."), QStringLiteral("print"), tr("Print this document"), this);
    auto *pdfButton
        = makeButton(tr("Save as PD&F..."), QStringLiteral("savePdf"), tr("Save this document as a PDF file"), this);

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_find, 1);
    tools->addWidget(findNextButton);
    tools->addWidget(m_findStatus);
    tools->addSpacing(12);
    tools->addWidget(zoomOutButton);
    tools->addWidget(zoomInButton);
    tools->addSpacing(12);
    tools->addWidget(printButton);
    tools->addWidget(pdfButton);
    layout->addLayout(tools);

    m_text = makeBrowser(doc.body(), tr("Text of the %1").arg(doc.title()), this);
    m_text->setObjectName(QStringLiteral("documentText"));
    layout->addWidget(m_text, 1);

    m_endHint = new QLabel(tr("Read to the end of the document to accept it."), this);
    m_endHint->setObjectName(QStringLiteral("endHint"));
    m_endHint->setAccessibleName(tr("How to accept"));
    layout->addWidget(m_endHint);

    //: %1 is the document's title, e.g. "Privacy Policy"
    m_accept = new QCheckBox(tr("I have &read and accept the %1").arg(doc.title()), this);
    m_accept->setObjectName(QStringLiteral("acceptDocument"));
    m_accept->setAccessibleName(tr("I have read and accept the %1").arg(doc.title()));
    m_accept->setEnabled(false);
    layout->addWidget(m_accept);

    // Visual order: find, zoom, print, then the text, then the box.
    QWidget *chain[] = {previousButton, m_find,    findNextButton, zoomOutButton, zoomInButton,
                        printButton,    pdfButton, m_text,         m_accept};
    QWidget *last = nullptr;
    for (QWidget *w : chain) {
        if (!w)
            continue;
        if (last)
            setTabOrder(last, w);
        last = w;
    }

    connect(m_find, &QLineEdit::returnPressed, this, &LegalDocumentPage::findNext);
    connect(m_find, &QLineEdit::textChanged, m_findStatus, &QLabel::clear);
    connect(findNextButton, &QPushButton::clicked, this, &LegalDocumentPage::findNext);
    connect(zoomInButton, &QPushButton::clicked, this, &LegalDocumentPage::zoomIn);
    connect(zoomOutButton, &QPushButton::clicked, this, &LegalDocumentPage::zoomOut);
    connect(printButton, &QPushButton::clicked, this, &LegalDocumentPage::print);
    connect(pdfButton, &QPushButton::clicked, this, &LegalDocumentPage::savePdfAs);
    connect(m_text->verticalScrollBar(), &QScrollBar::valueChanged, this, &LegalDocumentPage::checkReachedEnd);
    connect(m_text->verticalScrollBar(), &QScrollBar::rangeChanged, this, &LegalDocumentPage::checkReachedEnd);
    connect(m_accept, &QCheckBox::toggled, this, &LegalDocumentPage::acceptedChanged);
}

LegalDocumentPage::~LegalDocumentPage() = default;

bool LegalDocumentPage::isAccepted() const
{
    return m_accept->isEnabled() && m_accept->isChecked();
}

void LegalDocumentPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    checkReachedEnd();
}

void LegalDocumentPage::checkReachedEnd()
{
    // Only what the reader can see counts: a page in a hidden tab, or not yet laid out, has
    // not been read.
    if (m_reachedEnd || !m_text->isVisible() || m_text->viewport()->height() <= 0)
        return;
    const QScrollBar *bar = m_text->verticalScrollBar();
    const bool fits = bar->maximum() == 0 && m_text->document()->size().height() <= m_text->viewport()->height();
    // Within a line of the bottom counts: moving the caret to the end (Ctrl+End) scrolls
    // just far enough to show the last line, a few pixels short of the maximum.
    const int slack = m_text->fontMetrics().lineSpacing();
    if (!fits && (bar->maximum() == 0 || bar->value() < bar->maximum() - slack))
        return;
    m_reachedEnd = true;
    m_accept->setEnabled(true);
    m_endHint->setText(tr("You have reached the end of the document."));
}

void LegalDocumentPage::focusFind()
{
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
}

bool LegalDocumentPage::findNext()
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return false;
    bool found = m_text->find(needle);
    if (!found) {
        QTextCursor start = m_text->textCursor();
        start.movePosition(QTextCursor::Start);
        m_text->setTextCursor(start);
        found = m_text->find(needle);
    }
    m_findStatus->setText(found ? QString() : tr("Not found"));
    m_findStatus->setAccessibleDescription(m_findStatus->text());
    return found;
}

void LegalDocumentPage::zoomIn()
{
    m_text->zoomIn(2);
}

void LegalDocumentPage::zoomOut()
{
    m_text->zoomOut(2);
}

QString LegalDocumentPage::printableMarkdown() const
{
    const LegalDocument &doc = m_required.document;
    // The version, date and fingerprint go on paper too, so a printout names its exact text.
    //: %1 is the SHA-256 fingerprint of the document's text (64 hexadecimal digits)
    return QStringLiteral("*%1. %2*\n\n").arg(versionLine(doc), tr("SHA-256 of this text: %1").arg(doc.sha256()))
        + doc.body();
}

Status LegalDocumentPage::saveAsPdf(const QString &path) const
{
    {
        QPdfWriter writer(path);
        writer.setTitle(m_required.document.title());
        writer.setCreator(QStringLiteral("OTrack"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
        QTextDocument printable;
        printable.setMarkdown(printableMarkdown());
        printable.print(&writer);
    }
    // QPdfWriter reports no errors: check that a file was written.
    if (QFileInfo(path).size() <= 0)
        return Error{ErrorCode::NotWritable, QStringLiteral("the PDF file could not be written")};
    return {};
}

void LegalDocumentPage::savePdfAs()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    //: Suggested file name; %1 is the document's title, %2 its version
    const QString suggested = tr("%1 version %2.pdf").arg(m_required.document.title(), m_required.document.version());
    const QString path = QFileDialog::getSaveFileName(this, tr("Save as PDF"), QDir(folder).filePath(suggested),
                                                      tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto saved = saveAsPdf(path); !saved) {
        qCWarning(lcUi) << "saving a legal document as PDF failed:" << errorCodeName(saved.error().code);
        m_findStatus->setText(ErrorText::forStore(saved.error().code));
    }
}

void LegalDocumentPage::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(m_required.document.title());
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print %1").arg(m_required.document.title()));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QTextDocument printable;
    printable.setMarkdown(printableMarkdown());
    printable.print(&printer);
}

void LegalDocumentPage::showPrevious()
{
    if (!m_required.previous)
        return;
    const LegalDocument &previous = *m_required.previous;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("previousVersion"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    //: %1 is the document's title, %2 the version the user accepted before
    dialog->setWindowTitle(tr("%1, version %2 (accepted before)").arg(previous.title(), previous.version()));
    auto *heading = new QLabel(versionLine(previous), dialog);
    auto *text = makeBrowser(previous.body(), tr("Text of the version accepted before"), dialog);
    text->setObjectName(QStringLiteral("previousText"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(heading);
    layout->addWidget(text, 1);
    layout->addWidget(buttons);
    dialog->resize(720, 560);
    dialog->open();
}

}  // namespace otrack
