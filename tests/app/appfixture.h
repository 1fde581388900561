#pragma once

#include "appcontroller.h"
#include "demoserver.h"

class QCheckBox;
class QPushButton;

namespace otrack {
class LegalAcceptanceDialog;
class LegalDocumentPage;
}  // namespace otrack

namespace otrack::test {

// The app's options for signing in to `server` as `account`, with stores under `dataDir`.
AppOptions appOptions(const QString &dataDir, const DemoServer &server, const DemoServer::Account &account);
// Fast scrypt and short sync timers, for AppController's `tune`.
void tuneForTests(BackgroundSync::Options &options);

// Signs in through the window and waits until the legal dialog or the main window shows.
void signInAndWait(AppController &controller, const QString &password);
// Waits until sync is idle with nothing to send (or `timeoutMs` passes).
bool waitForSynced(AppController &controller, int timeoutMs = 60000);

QCheckBox *acceptBox(LegalDocumentPage *page);
QPushButton *button(QWidget &parent, const char *name);
// Brings the page to the front and reads it to the end with the keyboard, then ticks its box.
void readAndAccept(LegalAcceptanceDialog &dialog, LegalDocumentPage *page);
void readAndAcceptAll(LegalAcceptanceDialog &dialog);

}  // namespace otrack::test
