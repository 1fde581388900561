#include "requestframer.h"

#include <QList>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

using Http = QHttpServerResponse::StatusCode;

// Qt's header parser (QHttpHeaderParser in Qt 6.4) gives up beyond these, silently for Qt
// HTTP Server, which would then frame the request without its Content-Length.
constexpr qsizetype kMaxHeaderFields = 100;
constexpr qsizetype kMaxHeaderFieldBytes = 8 * 1024;
// More digits than this is beyond any body limit (and beyond qint64).
constexpr qsizetype kMaxLengthDigits = 18;

// What Qt HTTP Server skips before a request line.
bool isBlank(char c)
{
    return c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\v';
}

// RFC 9110 tchar, the same set as Qt's header-name check.
bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool isControl(char c)
{
    return (uchar(c) < 0x20 && c != '\t') || c == 0x7f;
}

bool isVisibleAscii(char c)
{
    return uchar(c) > 0x20 && uchar(c) < 0x7f;
}

}  // namespace

RequestFramer::RequestFramer(qint64 maxBodyBytes, qint64 maxHeaderBytes)
    : m_maxBodyBytes(maxBodyBytes), m_maxHeaderBytes(maxHeaderBytes)
{
}

void RequestFramer::skipBody(qint64 count)
{
    Q_ASSERT(m_state == State::Body && count <= m_bodyRemaining);
    m_bodyRemaining -= count;
    if (m_bodyRemaining == 0)
        completeRequest();
}

void RequestFramer::completeRequest()
{
    m_state = State::Between;
    m_head.clear();
    m_blankBytes = 0;
    ++m_completed;
}

std::optional<RequestFramer::Refusal> RequestFramer::refuse(Http status, const char *code, const QString &message)
{
    m_state = State::Refused;
    m_head.clear();
    return Refusal{status, ApiError{QString::fromLatin1(code), message, QString()}};
}

std::optional<RequestFramer::Refusal> RequestFramer::feed(QByteArrayView bytes)
{
    qsizetype at = 0;
    while (at < bytes.size()) {
        switch (m_state) {
        case State::Refused:
            return std::nullopt;
        case State::Body: {
            const qint64 count = qMin<qint64>(m_bodyRemaining, bytes.size() - at);
            skipBody(count);
            at += count;
            break;
        }
        case State::Between:
            if (!isBlank(bytes[at])) {
                m_state = State::Head;
                ++m_started;
                break;
            }
            if (++m_blankBytes > m_maxHeaderBytes)
                return refuse(Http::RequestHeaderFieldsTooLarge, ApiError::kHeadersTooLarge,
                              u"too many blank lines before the request"_s);
            ++at;
            break;
        case State::Head: {
            const qsizetype lineFeed = bytes.indexOf('\n', at);
            const qsizetype end = lineFeed < 0 ? bytes.size() : lineFeed + 1;
            if (m_blankBytes + m_head.size() + (end - at) > m_maxHeaderBytes)
                return refuse(Http::RequestHeaderFieldsTooLarge, ApiError::kHeadersTooLarge,
                              u"the request line and headers are longer than %1 bytes"_s.arg(m_maxHeaderBytes));
            m_head.append(bytes.sliced(at, end - at));
            at = end;
            if (lineFeed < 0)
                break;
            if (!m_head.endsWith("\r\n"))
                return refuse(Http::BadRequest, ApiError::kBadRequest, u"every line must end with CR LF"_s);
            if (m_head.endsWith("\r\n\r\n")) {
                if (auto refused = endOfHead())
                    return refused;
            }
            break;
        }
        }
    }
    return std::nullopt;
}

std::optional<RequestFramer::Refusal> RequestFramer::endOfHead()
{
    // Every line of the head, without its CR LF; the empty last line is dropped.
    QList<QByteArrayView> lines;
    const QByteArrayView head(m_head.constData(), m_head.size() - 4);
    for (qsizetype from = 0; from <= head.size();) {
        qsizetype crlf = head.indexOf("\r\n", from);
        if (crlf < 0)
            crlf = head.size();
        lines.append(head.sliced(from, crlf - from));
        from = crlf + 2;
    }

    const QByteArrayView requestLine = lines.takeFirst();
    const QList<QByteArrayView> parts = [&] {
        QList<QByteArrayView> result;
        for (qsizetype from = 0; from <= requestLine.size();) {
            qsizetype space = requestLine.indexOf(' ', from);
            if (space < 0)
                space = requestLine.size();
            result.append(requestLine.sliced(from, space - from));
            from = space + 1;
        }
        return result;
    }();
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty()
        || !std::all_of(parts[1].begin(), parts[1].end(), isVisibleAscii)
        || (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0"))
        return refuse(Http::BadRequest, ApiError::kBadRequest,
                      u"the request line must be METHOD SP TARGET SP HTTP/1.1"_s);

    if (lines.size() > kMaxHeaderFields)
        return refuse(Http::RequestHeaderFieldsTooLarge, ApiError::kHeadersTooLarge,
                      u"more than %1 header fields"_s.arg(kMaxHeaderFields));
    qint64 contentLength = 0;
    bool sawContentLength = false;
    bool sawTransferEncoding = false;
    for (const QByteArrayView line : std::as_const(lines)) {
        if (line.size() > kMaxHeaderFieldBytes)
            return refuse(Http::RequestHeaderFieldsTooLarge, ApiError::kHeadersTooLarge,
                          u"a header field is longer than %1 bytes"_s.arg(kMaxHeaderFieldBytes));
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 || !isToken(line.first(colon)) || std::any_of(line.begin(), line.end(), isControl))
            return refuse(Http::BadRequest, ApiError::kBadRequest,
                          u"a header line is not NAME: VALUE (folded lines are not accepted)"_s);
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            sawTransferEncoding = true;
        } else if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            if (sawContentLength)
                return refuse(Http::BadRequest, ApiError::kBadRequest, u"more than one Content-Length"_s);
            sawContentLength = true;
            QByteArrayView digits = value;
            while (digits.size() > 1 && digits.front() == '0')
                digits = digits.sliced(1);
            if (digits.isEmpty()
                || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return refuse(Http::BadRequest, ApiError::kBadRequest, u"Content-Length is not a number"_s);
            contentLength = digits.size() > kMaxLengthDigits ? std::numeric_limits<qint64>::max() : digits.toLongLong();
        }
    }
    if (sawTransferEncoding)
        return refuse(Http::LengthRequired, ApiError::kLengthRequired,
                      u"Transfer-Encoding is not accepted: send the body with a Content-Length"_s);
    if (contentLength > m_maxBodyBytes)
        return refuse(Http::PayloadTooLarge, ApiError::kTooLarge,
                      u"the body is larger than %1 bytes"_s.arg(m_maxBodyBytes));

    m_head.clear();
    if (contentLength == 0) {
        completeRequest();
    } else {
        m_state = State::Body;
        m_bodyRemaining = contentLength;
    }
    return std::nullopt;
}

}  // namespace otrack
