#include "writetransaction.h"

#include "logging.h"
#include "serverdatabase.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace otrack {

WriteTransaction::WriteTransaction(QSqlDatabase db) : m_db(std::move(db))
{
}

WriteTransaction::~WriteTransaction()
{
    if (m_open) {
        QSqlQuery rollback(m_db);
        if (!rollback.exec(u"ROLLBACK"_s))
            qCWarning(lcServer) << "rollback failed:" << rollback.lastError().text();
    }
}

Status WriteTransaction::begin(const QString &what)
{
    m_what = what;
    const bool sqlite = m_db.driverName() == u"QSQLITE"_s;
    QSqlQuery query(m_db);
    if (!query.exec(sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s))
        return sqlError(query.lastError(), u"starting "_s + what);
    m_open = true;
    return {};
}

Status WriteTransaction::commit()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"COMMIT"_s))
        return sqlError(query.lastError(), u"committing "_s + m_what);
    m_open = false;
    return {};
}

}  // namespace otrack
