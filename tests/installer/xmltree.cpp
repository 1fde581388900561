#include "xmltree.h"

#include <QFile>
#include <QXmlStreamReader>

namespace otrack::test {

QList<const XmlNode *> XmlNode::descendants(const QString &element) const
{
    QList<const XmlNode *> found;
    for (const XmlNode &node : children) {
        if (node.name == element)
            found.append(&node);
        found.append(node.descendants(element));
    }
    return found;
}

const XmlNode *XmlNode::child(const QString &element) const
{
    for (const XmlNode &node : children) {
        if (node.name == element)
            return &node;
    }
    return nullptr;
}

XmlNode readXmlFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString());
        return {};
    }
    QXmlStreamReader reader(&file);
    XmlNode root;
    QList<XmlNode *> open;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            XmlNode node;
            node.name = reader.name().toString();
            node.line = reader.lineNumber();
            for (const QXmlStreamAttribute &attribute : reader.attributes())
                node.attributes.insert(attribute.name().toString(), attribute.value().toString());
            if (open.isEmpty()) {
                root = node;
                open.append(&root);
            } else {
                open.last()->children.append(node);
                open.append(&open.last()->children.last());
            }
        } else if (reader.isEndElement()) {
            open.last()->text = open.last()->text.trimmed();
            open.removeLast();
        } else if (reader.isCharacters() && !open.isEmpty()) {
            open.last()->text += reader.text();
        }
    }
    if (reader.hasError()) {
        *error = QStringLiteral("%1: not well-formed XML: line %2: %3")
                     .arg(path)
                     .arg(reader.lineNumber())
                     .arg(reader.errorString());
        return {};
    }
    error->clear();
    return root;
}

}  // namespace otrack::test
