#include "syncstatus.h"

#include "enumnames.h"

namespace otrack {

namespace {

constexpr EnumNames<SyncStatus::State, 11> kStateNames{{
    {SyncStatus::State::Idle, u"idle"},
    {SyncStatus::State::Syncing, u"syncing"},
    {SyncStatus::State::Offline, u"offline"},
    {SyncStatus::State::AuthRequired, u"auth_required"},
    {SyncStatus::State::WaitingForLegalAcceptance, u"waiting_for_legal_acceptance"},
    {SyncStatus::State::SchoolNotActive, u"school_not_active"},
    {SyncStatus::State::UpgradeRequired, u"upgrade_required"},
    {SyncStatus::State::CertificateError, u"certificate_error"},
    {SyncStatus::State::TlsError, u"tls_error"},
    {SyncStatus::State::Revoked, u"revoked"},
    {SyncStatus::State::Error, u"error"},
}};

}  // namespace

QString stateName(SyncStatus::State state)
{
    return enumName(kStateNames, state);
}

}  // namespace otrack
