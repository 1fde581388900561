#include "analysisreport.h"

#include <QAbstractTextDocumentLayout>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

namespace otrack {

namespace {

const QUrl kDistributionUrl(QStringLiteral("otrack-chart:distribution"));
const QUrl kGapsUrl(QStringLiteral("otrack-chart:gaps"));

}  // namespace

AnalysisReport::AnalysisReport(const GroupAnalysis &analysis, ReportInfo info)
    : m_analysis(analysis), m_info(std::move(info))
{
}

void AnalysisReport::setCharts(QImage distribution, QImage gaps)
{
    m_distribution = std::move(distribution);
    m_gaps = std::move(gaps);
}

QString AnalysisReport::html() const
{
    auto esc = [](const QString &text) {
        return text.toHtmlEscaped();
    };
    QString h = QStringLiteral("<html><body style=\"font-family: sans-serif;\">");
    //: the report's title: %1 framework, %2 group, %3 term
    h += QStringLiteral("<h1>%1</h1>")
             .arg(esc(tr("Attainment: %1, %2, %3").arg(m_info.framework, m_info.group, m_info.term)));
    h += QStringLiteral("<p>%1<br/>%2<br/>%3</p>")
             .arg(esc(m_info.school),
                  //: %1 is a date
                  esc(tr("Produced on %1").arg(QLocale().toString(m_info.date, QLocale::LongFormat))),
                  esc(tr("Produced by %1").arg(m_info.producedBy)));
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(tr("Shares are of the pupils assessed in each objective; for all objectives together, of all "
                         "marks. Means are in the scale's points. A gap is the first group's mean minus the "
                         "second's: below zero, the first group is behind.")));
    if (!m_distribution.isNull())
        h += QStringLiteral("<h2>%1</h2><p><img src=\"%2\" width=\"640\"/></p>")
                 .arg(esc(tr("Pupils at each value")), kDistributionUrl.toString());
    if (!m_gaps.isNull())
        h += QStringLiteral("<h2>%1</h2><p><img src=\"%2\" width=\"640\"/></p>")
                 .arg(esc(tr("Gaps between groups")), kGapsUrl.toString());
    h += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Table")));
    h += QStringLiteral(
        "<table border=\"1\" cellspacing=\"0\" cellpadding=\"2\" width=\"100%\" style=\"font-size: 7pt;\"><tr>");
    for (const QString &column : m_analysis.header())
        h += QStringLiteral("<th>%1</th>").arg(esc(column));
    h += QStringLiteral("</tr>");
    for (const QStringList &line : m_analysis.table()) {
        h += QStringLiteral("<tr>");
        for (const QString &cell : line)
            h += QStringLiteral("<td>%1</td>").arg(esc(cell));
        h += QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table><h2>%1</h2><ul>").arg(esc(tr("Objectives")));
    for (const AnalysisRow &row : m_analysis.rows())
        if (!row.isSubject())
            h += QStringLiteral("<li><b>%1</b> %2</li>").arg(esc(row.objectiveCode), esc(row.statement));
    h += QStringLiteral("</ul></body></html>");
    return h;
}

Result<bool> AnalysisReport::writePdf(const QString &path, const Progress &progress) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::NotWritable, file.errorString()};
    QPdfWriter writer(&file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 20), QPageLayout::Millimeter);
    writer.setResolution(150);
    writer.setTitle(tr("Attainment: %1, %2, %3").arg(m_info.framework, m_info.group, m_info.term));
    writer.setCreator(QStringLiteral("OTrack"));

    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);
    doc.addResource(QTextDocument::ImageResource, kDistributionUrl, m_distribution);
    doc.addResource(QTextDocument::ImageResource, kGapsUrl, m_gaps);
    doc.setHtml(html());
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    const qreal footer = writer.resolution() * 0.4;
    doc.setPageSize(QSizeF(page.width(), page.height() - footer));
    const int pages = doc.pageCount();

    QPainter painter(&writer);
    for (int i = 0; i < pages; ++i) {
        if (progress && !progress(i, pages)) {
            painter.end();
            file.cancelWriting();
            return false;
        }
        if (i > 0)
            writer.newPage();
        const qreal top = i * doc.pageSize().height();
        painter.save();
        painter.translate(0, -top);
        doc.drawContents(&painter, QRectF(0, top, doc.pageSize().width(), doc.pageSize().height()));
        painter.restore();
        painter.setFont(QFont(painter.font().family(), 7));
        //: the footer of each page: %1 school, %2 date, %3 page, %4 pages
        painter.drawText(QRectF(0, page.height() - footer * 0.8, page.width(), footer * 0.8),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         tr("%1 - %2 - page %3 of %4")
                             .arg(m_info.school, QLocale().toString(m_info.date, QLocale::ShortFormat))
                             .arg(i + 1)
                             .arg(pages));
    }
    painter.end();
    if (progress)
        progress(pages, pages);
    if (!file.commit())
        return Error{ErrorCode::NotWritable, file.errorString()};
    return true;
}

}  // namespace otrack
