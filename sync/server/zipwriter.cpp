#include "zipwriter.h"

#include <QIODevice>
#include <QtEndian>

#include <zlib.h>

#include <limits>

using namespace Qt::StringLiterals;

namespace otrack {

namespace {

constexpr quint32 kLocalHeader = 0x04034b50;
constexpr quint32 kCentralHeader = 0x02014b50;
constexpr quint32 kEndOfCentralDirectory = 0x06054b50;
constexpr quint16 kVersion = 20;  // 2.0: deflate
constexpr quint16 kUtf8Names = 1 << 11;
constexpr quint16 kDeflate = 8;
constexpr qint64 kLimit = std::numeric_limits<quint32>::max();
// "Made by" Unix, with the file mode in the external attributes (rw-r--r--): Info-ZIP's unzip
// would otherwise translate names from an MS-DOS code page despite the UTF-8 flag.
constexpr quint16 kMadeByUnix = (3 << 8) | kVersion;
constexpr quint32 kRegularFileMode = 0100644u << 16;

void put16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void put32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

// Raw deflate (no zlib header), as ZIP stores it.
Result<QByteArray> deflateRaw(const QByteArray &data)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return Error{ErrorCode::StorageFailure, u"zlib: deflateInit2 failed"_s};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int status = deflate(&stream, Z_FINISH);
    const qsizetype written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END)
        return Error{ErrorCode::StorageFailure, u"zlib: deflate failed (%1)"_s.arg(status)};
    out.resize(written);
    return out;
}

}  // namespace

ZipWriter::ZipWriter(QIODevice *device) : m_device(device)
{
}

Status ZipWriter::write(const QByteArray &bytes)
{
    if (m_device->write(bytes) != bytes.size())
        return Error{ErrorCode::NotWritable, u"writing the archive: "_s + m_device->errorString()};
    m_offset += bytes.size();
    return {};
}

Status ZipWriter::add(const QString &name, const QByteArray &data, const QDateTime &modified)
{
    if (m_finished)
        return Error{ErrorCode::InvalidArgument, u"the archive is finished"_s};
    if (name.isEmpty() || name.startsWith(u'/') || name.contains(u'\\') || name.split(u'/').contains(u".."_s))
        return Error{ErrorCode::InvalidArgument, u"'%1' is not a relative path inside an archive"_s.arg(name)};
    if (data.size() >= kLimit || m_offset >= kLimit || m_entries.size() >= 0xffff)
        return Error{ErrorCode::TooLarge, u"the archive would need ZIP64, which this writer does not make"_s};
    auto compressed = deflateRaw(data);
    if (!compressed)
        return compressed.error();
    Entry entry;
    entry.name = name.toUtf8();
    entry.crc
        = quint32(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
    entry.compressedSize = quint32(compressed->size());
    entry.size = quint32(data.size());
    entry.offset = quint32(m_offset);
    // MS-DOS time, local to the archive's reader by convention; from 1980 only.
    const QDateTime when = modified.toLocalTime();
    const QDate date = when.date().year() < 1980 ? QDate(1980, 1, 1) : when.date();
    entry.dosDate = quint16(((date.year() - 1980) << 9) | (date.month() << 5) | date.day());
    entry.dosTime = quint16((when.time().hour() << 11) | (when.time().minute() << 5) | (when.time().second() / 2));

    QByteArray header;
    put32(header, kLocalHeader);
    put16(header, kVersion);
    put16(header, kUtf8Names);
    put16(header, kDeflate);
    put16(header, entry.dosTime);
    put16(header, entry.dosDate);
    put32(header, entry.crc);
    put32(header, entry.compressedSize);
    put32(header, entry.size);
    put16(header, quint16(entry.name.size()));
    put16(header, 0);  // no extra field
    header.append(entry.name);
    if (Status s = write(header); !s)
        return s;
    if (Status s = write(compressed.value()); !s)
        return s;
    m_entries.append(entry);
    return {};
}

Status ZipWriter::finish()
{
    if (m_finished)
        return {};
    const qint64 directoryStart = m_offset;
    QByteArray directory;
    for (const Entry &entry : m_entries) {
        put32(directory, kCentralHeader);
        put16(directory, kMadeByUnix);
        put16(directory, kVersion);
        put16(directory, kUtf8Names);
        put16(directory, kDeflate);
        put16(directory, entry.dosTime);
        put16(directory, entry.dosDate);
        put32(directory, entry.crc);
        put32(directory, entry.compressedSize);
        put32(directory, entry.size);
        put16(directory, quint16(entry.name.size()));
        put16(directory, 0);  // extra field
        put16(directory, 0);  // comment
        put16(directory, 0);  // disk
        put16(directory, 0);  // internal attributes
        put32(directory, kRegularFileMode);
        put32(directory, entry.offset);
        directory.append(entry.name);
    }
    if (directoryStart + directory.size() >= kLimit)
        return Error{ErrorCode::TooLarge, u"the archive would need ZIP64, which this writer does not make"_s};
    QByteArray end;
    put32(end, kEndOfCentralDirectory);
    put16(end, 0);
    put16(end, 0);
    put16(end, quint16(m_entries.size()));
    put16(end, quint16(m_entries.size()));
    put32(end, quint32(directory.size()));
    put32(end, quint32(directoryStart));
    put16(end, 0);  // comment length
    if (Status s = write(directory + end); !s)
        return s;
    m_finished = true;
    return {};
}

}  // namespace otrack
