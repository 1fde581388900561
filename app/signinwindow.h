#pragma once

#include "keywrap.h"
#include "localstore.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace otrack {

// The first window: school, username and password. Signing in opens this person's encrypted
// store on this PC, or creates it on first use. Failures show one translated sentence per
// error code. The password is never logged and is cleared from the field after each attempt.
class SignInWindow : public QWidget {
    Q_OBJECT

public:
    // `dataBase`: the folder that holds every user's store (see StoreLocation).
    explicit SignInWindow(QString dataBase, QWidget *parent = nullptr);
    ~SignInWindow() override;

    // The scrypt cost for stores created here; tests lower it. Real use keeps the default.
    void setNewStoreParams(const ScryptParams &params) { m_newStoreParams = params; }
    void setSchool(const QString &school);
    void setUsername(const QString &username);

    // Signs in with the fields' values (the sign-in button does the same).
    void signIn();
    // For scripted demos: sign in with a password that never went through the UI.
    void signInWith(const QString &password);

    QString school() const;
    QString username() const;
    QString errorText() const;
    bool createdNewStore() const { return m_created; }
    // After signedIn(): the open store, handed over to the caller.
    std::unique_ptr<LocalStore> takeStore() { return std::move(m_store); }

Q_SIGNALS:
    void signedIn();

private:
    void showError(const QString &sentence);

    QString m_dataBase;
    ScryptParams m_newStoreParams;
    std::unique_ptr<LocalStore> m_store;
    bool m_created = false;

    QLineEdit *m_school;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QPushButton *m_signIn;
    QLabel *m_error;
    QLabel *m_hint;
};

}  // namespace otrack
