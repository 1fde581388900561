#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace otrack::test {

// An XML file as a small tree, for the installer checks (QtCore has no DOM). Namespaces are
// dropped: the checks compare local names.
struct XmlNode {
    QString name;
    QMap<QString, QString> attributes;
    QString text;  // the element's own text, trimmed
    QList<XmlNode> children;
    qint64 line = 0;

    QString attribute(const QString &key) const { return attributes.value(key); }
    // Every descendant (not this node) named `element`, in document order.
    QList<const XmlNode *> descendants(const QString &element) const;
    const XmlNode *child(const QString &element) const;
};

// The root element, or an error ("not well-formed XML: line 3: ...") in `error`.
XmlNode readXmlFile(const QString &path, QString *error);

}  // namespace otrack::test
