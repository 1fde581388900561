#pragma once

#include "signinresult.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace otrack {

class BackgroundSync;

// The first window: school, username and password. Signing in goes to the school's OTrack
// server (BackgroundSync: off the GUI thread, scrypt included), which opens this person's
// encrypted store on this PC or creates it at the first sign-in. When the server cannot be
// reached the window says so and, if this PC holds the person's store, offers to work offline
// with the same password. Failures show one translated sentence per outcome. The password is
// never logged; the field is cleared at each attempt, and the copy kept for "Work offline" is
// wiped as soon as it is used or another attempt starts.
class SignInWindow : public QWidget {
    Q_OBJECT

public:
    // `sync` signs in; `serverProblem`, when set, is why no server can be used (not set up, or
    // its address is not valid): then only offline unlock is possible.
    explicit SignInWindow(BackgroundSync *sync, const QString &serverProblem = QString(), QWidget *parent = nullptr);
    ~SignInWindow() override;

    void setSchool(const QString &school);
    void setUsername(const QString &username);

    // Signs in with the fields' values (the sign-in button does the same).
    void signIn();
    // For scripted demos: sign in with a password that never went through the UI.
    void signInWith(const QString &password);
    // Opens the store on this PC with the password of the last attempt, without the server.
    void workOffline();

    // Says why the person is back here (their device was revoked, ...).
    void showProblem(const QString &sentence) { showError(sentence); }

    QString school() const;
    QString username() const;
    QString errorText() const;
    bool isBusy() const { return m_busy; }
    bool isOfflineOffered() const;

protected:
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    // The store is open (online, or offline): BackgroundSync::takeStore() hands it over.
    void signedIn(const otrack::SignInResult &result);
    // An attempt ended without a store.
    void signInFailed(const otrack::SignInResult &result);

private:
    void retranslate();
    void onFinished(const SignInResult &result);
    void setBusy(bool busy, const QString &what = QString());
    void showError(const QString &sentence);
    void forgetPassword();

    BackgroundSync *m_sync;
    QString m_serverProblem;
    QString m_offlinePassword;
    bool m_busy = false;

    QLabel *m_logo;
    QLabel *m_heading;
    QLabel *m_schoolLabel;
    QLabel *m_usernameLabel;
    QLabel *m_passwordLabel;
    QLineEdit *m_school;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QPushButton *m_signIn;
    QPushButton *m_offline;
    QProgressBar *m_busyBar;
    QLabel *m_error;
    QLabel *m_hint;
};

}  // namespace otrack
