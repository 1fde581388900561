#include "signinwindow.h"

#include "errortext.h"
#include "logging.h"
#include "storelocation.h"

#include <QApplication>
#include <QFile>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace otrack {

namespace {

constexpr int kMinimumNewPasswordLength = 8;

}  // namespace

SignInWindow::SignInWindow(QString dataBase, QWidget *parent)
    : QWidget(parent), m_dataBase(std::move(dataBase)), m_newStoreParams(ScryptParams::recommended())
{
    setWindowTitle(tr("Sign in to OTrack"));
    setObjectName(QStringLiteral("signInWindow"));

    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/otrack.svg")).pixmap(64, 64));
    logo->setAccessibleName(tr("OTrack logo"));

    auto *heading = new QLabel(tr("Sign in to OTrack"), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setAccessibleName(tr("Sign in to OTrack"));

    m_school = new QLineEdit(this);
    m_school->setObjectName(QStringLiteral("school"));
    m_school->setAccessibleName(tr("School"));
    m_school->setAccessibleDescription(tr("The name of your school as your data manager gave it to you"));
    m_school->setMaxLength(200);

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setAccessibleName(tr("Username"));
    m_username->setMaxLength(200);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_password->setMaxLength(1024);

    m_signIn = new QPushButton(tr("&Sign in"), this);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_signIn->setDefault(true);
    m_signIn->setAutoDefault(true);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setAccessibleName(tr("Sign-in problem"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #a4000f;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_hint = new QLabel(tr("Your data on this PC is kept encrypted and opens only with your password. "
                           "The first time you sign in on this PC, OTrack sets this up for you."),
                        this);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setAccessibleName(tr("About signing in"));
    m_hint->setWordWrap(true);

    auto *form = new QFormLayout;
    auto *schoolLabel = new QLabel(tr("S&chool:"), this);
    schoolLabel->setBuddy(m_school);
    auto *usernameLabel = new QLabel(tr("&Username:"), this);
    usernameLabel->setBuddy(m_username);
    auto *passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_password);
    form->addRow(schoolLabel, m_school);
    form->addRow(usernameLabel, m_username);
    form->addRow(passwordLabel, m_password);

    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(logo);
    headingRow->addWidget(heading, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_signIn);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(headingRow);
    layout->addWidget(m_hint);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addStretch(1);

    setTabOrder(m_school, m_username);
    setTabOrder(m_username, m_password);
    setTabOrder(m_password, m_signIn);

    connect(m_signIn, &QPushButton::clicked, this, &SignInWindow::signIn);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInWindow::signIn);
    connect(m_username, &QLineEdit::returnPressed, m_password, [this] { m_password->setFocus(); });
    connect(m_school, &QLineEdit::returnPressed, m_username, [this] { m_username->setFocus(); });

    setMinimumWidth(460);
    m_school->setFocus();
}

SignInWindow::~SignInWindow() = default;

void SignInWindow::setSchool(const QString &school)
{
    m_school->setText(school);
}

void SignInWindow::setUsername(const QString &username)
{
    m_username->setText(username);
}

QString SignInWindow::school() const
{
    return m_school->text().trimmed();
}

QString SignInWindow::username() const
{
    return m_username->text().trimmed();
}

QString SignInWindow::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignInWindow::signIn()
{
    QString password = m_password->text();
    m_password->clear();
    signInWith(password);
    password.fill(QChar(u'\0'));
}

void SignInWindow::signInWith(const QString &password)
{
    if (school().isEmpty() || username().isEmpty() || password.isEmpty()) {
        showError(tr("Enter your school, username and password."));
        return;
    }

    const QString folder = StoreLocation::folderFor(m_dataBase, school(), username());
    const bool firstUse = !QFile::exists(LocalStore::databasePath(folder));
    if (firstUse && password.size() < kMinimumNewPasswordLength) {
        showError(tr("Choose a password of at least %n characters.", nullptr, kMinimumNewPasswordLength));
        return;
    }

    m_signIn->setEnabled(false);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    // Deriving the key takes a moment by design (scrypt): it is what makes guessing slow.
    auto store = firstUse ? LocalStore::create(folder, password, m_newStoreParams)
                          : LocalStore::openWithPassword(folder, password);
    QApplication::restoreOverrideCursor();
    m_signIn->setEnabled(true);

    if (!store) {
        // The code only: the message may hold the folder, which holds the school and username.
        qCWarning(lcUi) << "sign-in failed:" << errorCodeName(store.error().code);
        showError(ErrorText::forStore(store.error().code));
        m_password->setFocus();
        return;
    }
    qCInfo(lcUi) << (firstUse ? "created and opened" : "opened") << "the local store";
    m_store = std::move(store.value());
    m_created = firstUse;
    m_error->hide();
    Q_EMIT signedIn();
}

void SignInWindow::showError(const QString &sentence)
{
    m_error->setText(sentence);
    m_error->setAccessibleDescription(sentence);
    m_error->show();
}

}  // namespace otrack
