#include "signinresult.h"

#include "enumnames.h"

namespace otrack {

namespace {

using Outcome = SignInResult::Outcome;

constexpr EnumNames<Outcome, 12> kOutcomeNames{{
    {Outcome::SignedIn, u"signed_in"},
    {Outcome::UnlockedOffline, u"unlocked_offline"},
    {Outcome::ServerUnreachable, u"server_unreachable"},
    {Outcome::CertificateError, u"certificate_error"},
    {Outcome::TlsError, u"tls_error"},
    {Outcome::WrongCredentials, u"wrong_credentials"},
    {Outcome::RateLimited, u"rate_limited"},
    {Outcome::NoLocalStore, u"no_local_store"},
    {Outcome::StoreProblem, u"store_problem"},
    {Outcome::UpgradeRequired, u"upgrade_required"},
    {Outcome::Revoked, u"revoked"},
    {Outcome::Failed, u"failed"},
}};

}  // namespace

QString outcomeName(SignInResult::Outcome outcome)
{
    return enumName(kOutcomeNames, outcome);
}

}  // namespace otrack
