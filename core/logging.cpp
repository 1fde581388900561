#include "logging.h"

Q_LOGGING_CATEGORY(lcCore, "otrack.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "otrack.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "otrack.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "otrack.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "otrack.ui", QtInfoMsg)
