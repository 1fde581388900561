#include "admincommon.h"

#include "servercli.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace otrack::admin {

void printOut(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

int fail(int code, const QString &message)
{
    std::fputs(("otrack-server admin: " + message.toUtf8() + '\n').constData(), stderr);
    std::fflush(stderr);
    return code;
}

int exitCodeFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::NotFound:
        return kExitNotFound;
    case ErrorCode::AlreadyExists:
        return kExitExists;
    case ErrorCode::InvalidArgument:
        return kExitInvalid;
    case ErrorCode::Forbidden:
        return kExitRefused;
    case ErrorCode::NewerVersion:
    case ErrorCode::StorageFailure:
    case ErrorCode::Busy:
        return kExitDatabase;
    default:
        return kExitFailure;
    }
}

int failWith(const Error &error)
{
    return fail(exitCodeFor(error), error.message);
}

int usageError(const char *usage)
{
    return fail(kExitUsage, u"usage: otrack-server admin --db URL %1"_s.arg(QLatin1String(usage)));
}

int needArguments(const QStringList &args, int count, const char *usage)
{
    return args.size() == count ? kExitOk : usageError(usage);
}

std::optional<QString> takeOption(QStringList &args, const QString &name)
{
    const auto at = args.indexOf(name);
    if (at < 0)
        return std::nullopt;
    const QString value = at + 1 < args.size() ? args.at(at + 1) : QString();
    args.remove(at, at + 1 < args.size() ? 2 : 1);
    return value;
}

bool takeFlag(QStringList &args, const QString &name)
{
    return args.removeAll(name) > 0;
}

}  // namespace otrack::admin
