#pragma once

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

class QIODevice;

namespace otrack {

// Writes a ZIP archive (PKWARE APPNOTE 6.3: deflate, CRC-32, UTF-8 names, no ZIP64), as any
// unzip tool or Windows Explorer reads it. Qt has no public ZIP writer; zlib does the
// compression. Entries are held to 4 GiB less a byte each, and the archive too.
class ZipWriter {
public:
    // `device` must be open for writing, and outlive the writer.
    explicit ZipWriter(QIODevice *device);

    // Adds one file. InvalidArgument for an empty or absolute name, or one with "..";
    // TooLarge beyond the ZIP limits; NotWritable when the device refuses.
    Status add(const QString &name, const QByteArray &data, const QDateTime &modified);
    // Writes the central directory. Nothing may be added after it.
    Status finish();

private:
    struct Entry {
        QByteArray name;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint32 offset = 0;
        quint16 dosTime = 0;
        quint16 dosDate = 0;
    };
    Status write(const QByteArray &bytes);

    QIODevice *m_device;
    QList<Entry> m_entries;
    qint64 m_offset = 0;
    bool m_finished = false;
};

}  // namespace otrack
