#pragma once

#include "legalledger.h"
#include "result.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace otrack {

// One document in the acceptance dialog: its title, version and effective date, what changed
// since the version this user accepted before, the rendered text (selectable, searchable,
// zoomable, printable, savable as PDF) and its "I have read and accept" box, which enables
// only once the reader has reached the end of the text.
class LegalDocumentPage : public QWidget {
    Q_OBJECT

public:
    explicit LegalDocumentPage(RequiredDocument required, QWidget *parent = nullptr);
    ~LegalDocumentPage() override;

    const LegalDocument &document() const { return m_required.document; }
    bool reachedEnd() const { return m_reachedEnd; }
    bool isAccepted() const;
    QTextBrowser *textBrowser() const { return m_text; }

    // Writes the document (with its version, date and SHA-256) as a PDF file.
    Status saveAsPdf(const QString &path) const;
    void print();
    void savePdfAs();
    void focusFind();
    // Finds the next match of the find field's text, wrapping round; false when none.
    bool findNext();
    void zoomIn();
    void zoomOut();
    // Opens the previously accepted version in its own window (when there is one).
    void showPrevious();

Q_SIGNALS:
    void acceptedChanged(bool accepted);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void checkReachedEnd();
    QString printableMarkdown() const;

    RequiredDocument m_required;
    QTextBrowser *m_text;
    QLineEdit *m_find;
    QLabel *m_findStatus;
    QLabel *m_endHint;
    QCheckBox *m_accept;
    bool m_reachedEnd = false;
};

}  // namespace otrack
