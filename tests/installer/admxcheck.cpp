#include "admxcheck.h"

#include "clientsettings.h"
#include "xmltree.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <optional>

using namespace Qt::StringLiterals;

namespace otrack::test {

namespace {

std::optional<ClientSetting> settingNamed(const QString &valueName)
{
    for (ClientSetting setting : ClientSettings::kAll) {
        if (ClientSettings::valueName(setting) == valueName)
            return setting;
    }
    return std::nullopt;
}

// Every "$(kind.id)" in the attributes of `node` and its descendants.
void collectReferences(const XmlNode &node, const QString &kind, QList<QPair<QString, qint64>> *found)
{
    static const QRegularExpression reference(uR"(\$\((\w+)\.([^)]*)\))"_s);
    for (const QString &value : node.attributes) {
        auto matches = reference.globalMatch(value);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            if (match.captured(1) == kind)
                found->append({match.captured(2), node.line});
        }
    }
    for (const XmlNode &child : node.children)
        collectReferences(child, kind, found);
}

void checkAccepted(ClientSetting setting, const QVariant &value, const QString &where, QStringList *problems)
{
    if (!ClientSettings::check(setting, value))
        problems->append(
            u"%1: the app refuses %2 for %3"_s.arg(where, value.toString(), ClientSettings::valueName(setting)));
}

void checkRefused(ClientSetting setting, const QVariant &value, const QString &where, QStringList *problems)
{
    if (ClientSettings::check(setting, value))
        problems->append(u"%1: the app accepts %2 for %3, beyond the ADMX's limit"_s.arg(
            where, value.toString(), ClientSettings::valueName(setting)));
}

void checkElementLimits(const XmlNode &element, ClientSetting setting, const QString &where,
                        const QString &translationsFolder, QStringList *problems)
{
    if (element.name == u"decimal"_s) {
        bool okMin = false;
        bool okMax = false;
        const int minimum = element.attribute(u"minValue"_s).toInt(&okMin);
        const int maximum = element.attribute(u"maxValue"_s).toInt(&okMax);
        if (!okMin || !okMax) {
            problems->append(u"%1: a decimal needs minValue and maxValue"_s.arg(where));
            return;
        }
        checkAccepted(setting, minimum, where, problems);
        checkAccepted(setting, maximum, where, problems);
        checkRefused(setting, minimum - 1, where, problems);
        checkRefused(setting, maximum + 1, where, problems);
    } else if (element.name == u"enum"_s) {
        for (const XmlNode *value : element.descendants(u"string"_s)) {
            checkAccepted(setting, value->text, where, problems);
            if (setting == ClientSetting::Language
                && !QFile::exists(QDir(translationsFolder).filePath(u"otrack_%1.ts"_s.arg(value->text))))
                problems->append(u"%1: language %2 has no translation in translations/"_s.arg(where, value->text));
        }
    }
}

}  // namespace

QStringList admxProblems(const QString &admxFile, const QString &admlFile, const QString &translationsFolder)
{
    QStringList problems;
    QString error;
    const XmlNode admx = readXmlFile(admxFile, &error);
    if (!error.isEmpty())
        return {error};
    const XmlNode adml = readXmlFile(admlFile, &error);
    if (!error.isEmpty())
        return {error};
    if (admx.name != u"policyDefinitions"_s)
        problems.append(u"%1: the root element is %2, not policyDefinitions"_s.arg(admxFile, admx.name));
    if (adml.name != u"policyDefinitionResources"_s)
        problems.append(u"%1: the root element is %2, not policyDefinitionResources"_s.arg(admlFile, adml.name));

    const QString policyKey = QString::fromUtf16(ClientSettings::kPolicyKey);
    QSet<QString> offered;
    QSet<QString> presentationIds;
    const XmlNode *presentationTable = adml.descendants(u"presentationTable"_s).value(0);
    for (const XmlNode *policy : admx.descendants(u"policy"_s)) {
        const QString where = u"%1:%2: policy %3"_s.arg(admxFile).arg(policy->line).arg(policy->attribute(u"name"_s));
        if (policy->attribute(u"key"_s) != policyKey)
            problems.append(
                u"%1 writes under %2, but the app reads %3"_s.arg(where, policy->attribute(u"key"_s), policyKey));
        if (!QStringList{u"Machine"_s, u"User"_s, u"Both"_s}.contains(policy->attribute(u"class"_s)))
            problems.append(u"%1 has no class Machine, User or Both"_s.arg(where));

        QStringList valueNames;
        if (!policy->attribute(u"valueName"_s).isEmpty()) {
            const QString name = policy->attribute(u"valueName"_s);
            valueNames.append(name);
            if (const auto setting = settingNamed(name)) {
                for (const QString &state : {u"enabledValue"_s, u"disabledValue"_s}) {
                    const XmlNode *value = policy->child(state);
                    const XmlNode *decimal = value ? value->child(u"decimal"_s) : nullptr;
                    if (decimal)
                        checkAccepted(*setting, decimal->attribute(u"value"_s).toInt(), where, &problems);
                }
            }
        }
        QSet<QString> elementIds;
        if (const XmlNode *elements = policy->child(u"elements"_s)) {
            for (const XmlNode &element : elements->children) {
                const QString name = element.attribute(u"valueName"_s);
                valueNames.append(name);
                elementIds.insert(element.attribute(u"id"_s));
                if (const auto setting = settingNamed(name))
                    checkElementLimits(element, *setting, where, translationsFolder, &problems);
            }
        }
        for (const QString &name : std::as_const(valueNames)) {
            if (!settingNamed(name))
                problems.append(u"%1 sets %2, which the app does not read"_s.arg(where, name));
            offered.insert(name);
        }

        // The presentation's controls and the policy's elements must pair up one to one.
        const QString presentation = policy->attribute(u"presentation"_s);
        static const QRegularExpression presentationRef(uR"(^\$\(presentation\.([^)]*)\)$)"_s);
        const QRegularExpressionMatch match = presentationRef.match(presentation);
        if (!elementIds.isEmpty() && !match.hasMatch()) {
            problems.append(u"%1 has elements but no presentation"_s.arg(where));
            continue;
        }
        if (!match.hasMatch())
            continue;
        QSet<QString> controlIds;
        const XmlNode *shown = nullptr;
        for (const XmlNode &candidate : presentationTable ? presentationTable->children : QList<XmlNode>()) {
            if (candidate.attribute(u"id"_s) == match.captured(1))
                shown = &candidate;
        }
        if (!shown)
            continue;  // reported with the other references below
        for (const XmlNode &control : shown->children) {
            if (!control.attribute(u"refId"_s).isEmpty())
                controlIds.insert(control.attribute(u"refId"_s));
        }
        for (const QString &id : controlIds - elementIds)
            problems.append(u"%1: presentation control %2 refers to no element of the policy"_s.arg(where, id));
        for (const QString &id : elementIds - controlIds)
            problems.append(u"%1: element %2 has no control in presentation %3"_s.arg(where, id, match.captured(1)));
    }
    for (const QString &name : ClientSettings::policyValueNames()) {
        if (!offered.contains(name))
            problems.append(u"%1: no policy sets %2, which the app reads from %3"_s.arg(admxFile, name, policyKey));
    }

    QSet<QString> stringIds;
    for (const XmlNode *string : adml.descendants(u"string"_s)) {
        const QString id = string->attribute(u"id"_s);
        if (stringIds.contains(id))
            problems.append(u"%1:%2: string %3 is defined twice"_s.arg(admlFile).arg(string->line).arg(id));
        stringIds.insert(id);
    }
    if (presentationTable) {
        for (const XmlNode &presentation : presentationTable->children)
            presentationIds.insert(presentation.attribute(u"id"_s));
    }
    for (const auto &[kind, ids] : {std::pair{u"string"_s, stringIds}, std::pair{u"presentation"_s, presentationIds}}) {
        QList<QPair<QString, qint64>> references;
        collectReferences(admx, kind, &references);
        for (const auto &[id, line] : std::as_const(references)) {
            if (!ids.contains(id))
                problems.append(u"%1:%2: $(%3.%4) is not in %5"_s.arg(admxFile).arg(line).arg(kind, id, admlFile));
        }
    }
    return problems;
}

}  // namespace otrack::test
