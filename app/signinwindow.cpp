#include "signinwindow.h"

#include "backgroundsync.h"
#include "errortext.h"
#include "logging.h"
#include "uistyle.h"

#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace otrack {

SignInWindow::SignInWindow(BackgroundSync *sync, const QString &serverProblem, QWidget *parent)
    : QWidget(parent), m_sync(sync), m_serverProblem(serverProblem)
{
    setObjectName(QStringLiteral("signInWindow"));

    m_logo = new QLabel(this);
    m_logo->setPixmap(QIcon(QStringLiteral(":/icons/otrack.svg")).pixmap(64, 64));

    m_heading = new QLabel(this);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_school = new QLineEdit(this);
    m_school->setObjectName(QStringLiteral("school"));
    m_school->setMaxLength(200);

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setMaxLength(200);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_password->setMaxLength(1024);

    m_signIn = new QPushButton(this);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setDefault(true);
    m_signIn->setAutoDefault(true);

    m_offline = new QPushButton(this);
    m_offline->setObjectName(QStringLiteral("workOffline"));
    m_offline->hide();

    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busy"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(true);
    m_busyBar->hide();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(UiStyle::errorText(m_error));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);

    m_schoolLabel = new QLabel(this);
    m_schoolLabel->setBuddy(m_school);
    m_usernameLabel = new QLabel(this);
    m_usernameLabel->setBuddy(m_username);
    m_passwordLabel = new QLabel(this);
    m_passwordLabel->setBuddy(m_password);
    retranslate();

    auto *form = new QFormLayout;
    form->addRow(m_schoolLabel, m_school);
    form->addRow(m_usernameLabel, m_username);
    form->addRow(m_passwordLabel, m_password);

    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_logo);
    headingRow->addWidget(m_heading, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_offline);
    buttons->addWidget(m_signIn);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(headingRow);
    layout->addWidget(m_hint);
    layout->addLayout(form);
    layout->addWidget(m_busyBar);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addStretch(1);

    setTabOrder(m_school, m_username);
    setTabOrder(m_username, m_password);
    setTabOrder(m_password, m_signIn);
    setTabOrder(m_signIn, m_offline);

    connect(m_signIn, &QPushButton::clicked, this, &SignInWindow::signIn);
    connect(m_offline, &QPushButton::clicked, this, &SignInWindow::workOffline);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInWindow::signIn);
    connect(m_username, &QLineEdit::returnPressed, m_password, [this] { m_password->setFocus(); });
    connect(m_school, &QLineEdit::returnPressed, m_username, [this] { m_username->setFocus(); });
    connect(m_sync, &BackgroundSync::signInFinished, this, &SignInWindow::onFinished);

    setMinimumWidth(480);
    m_school->setFocus();
}

SignInWindow::~SignInWindow()
{
    forgetPassword();
}

void SignInWindow::retranslate()
{
    setWindowTitle(tr("Sign in to OTrack"));
    m_logo->setAccessibleName(tr("OTrack logo"));
    m_heading->setText(tr("Sign in to OTrack"));
    m_heading->setAccessibleName(tr("Sign in to OTrack"));
    m_school->setAccessibleName(tr("School"));
    m_school->setAccessibleDescription(tr("The name of your school as your data manager gave it to you"));
    m_username->setAccessibleName(tr("Username"));
    m_password->setAccessibleName(tr("Password"));
    m_signIn->setText(tr("&Sign in"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_offline->setText(tr("&Work offline"));
    m_offline->setAccessibleName(tr("Work offline"));
    m_offline->setAccessibleDescription(tr("Open your marks on this PC without the server. They sync when the "
                                           "server can be reached again."));
    m_busyBar->setAccessibleName(tr("Signing in"));
    m_error->setAccessibleName(tr("Sign-in problem"));
    m_hint->setText(tr("Sign in with the school, username and password your data manager gave you. Your data "
                       "on this PC is kept encrypted and opens only with your password."));
    m_hint->setAccessibleName(tr("About signing in"));
    m_schoolLabel->setText(tr("S&chool:"));
    m_usernameLabel->setText(tr("&Username:"));
    m_passwordLabel->setText(tr("&Password:"));
}

void SignInWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

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

bool SignInWindow::isOfflineOffered() const
{
    return !m_offline->isHidden();
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
    if (m_busy)
        return;
    forgetPassword();
    m_offline->hide();
    if (school().isEmpty() || username().isEmpty() || password.isEmpty()) {
        showError(tr("Enter your school, username and password."));
        return;
    }
    m_offlinePassword = password;
    if (!m_serverProblem.isEmpty()) {
        // No server to ask: the store on this PC is all there is.
        setBusy(true, tr("Opening your data on this PC..."));
        m_sync->unlockOffline(school(), username(), password);
        return;
    }
    setBusy(true, tr("Signing in to your school's OTrack server..."));
    m_sync->signIn(school(), username(), password);
}

void SignInWindow::workOffline()
{
    if (m_busy || m_offlinePassword.isEmpty())
        return;
    m_offline->hide();
    setBusy(true, tr("Opening your data on this PC..."));
    m_sync->unlockOffline(school(), username(), m_offlinePassword);
}

void SignInWindow::onFinished(const SignInResult &result)
{
    if (!m_busy)
        return;  // another window's attempt
    setBusy(false);
    // The outcome only: the detail may name the school or the server.
    qCInfo(lcUi) << "sign-in ended:" << outcomeName(result.outcome);
    if (result.hasStore()) {
        forgetPassword();
        m_error->hide();
        Q_EMIT signedIn(result);
        return;
    }
    using Outcome = SignInResult::Outcome;
    const bool unreachable = result.outcome == Outcome::ServerUnreachable || result.outcome == Outcome::CertificateError
        || result.outcome == Outcome::TlsError;
    QString sentence = !m_serverProblem.isEmpty() && result.outcome == Outcome::NoLocalStore
        ? m_serverProblem + QLatin1Char(' ')
            + tr("The first sign-in on a PC needs the server, so there is nothing on this PC to open yet.")
        : ErrorText::forSignIn(result);
    if (unreachable && result.offlineUnlockAvailable && !m_offlinePassword.isEmpty()) {
        sentence += QLatin1Char(' ')
            + tr("You can work offline with the marks on this PC: they sync when the server can be reached again.");
        m_offline->show();
        m_offline->setFocus();
    } else {
        forgetPassword();
        m_password->setFocus();
    }
    showError(sentence);
    Q_EMIT signInFailed(result);
}

void SignInWindow::setBusy(bool busy, const QString &what)
{
    m_busy = busy;
    m_signIn->setEnabled(!busy);
    m_offline->setEnabled(!busy);
    m_school->setEnabled(!busy);
    m_username->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_busyBar->setVisible(busy);
    m_busyBar->setFormat(what);
    m_busyBar->setAccessibleDescription(what);
    if (busy)
        m_error->hide();
}

void SignInWindow::showError(const QString &sentence)
{
    m_error->setText(sentence);
    m_error->setAccessibleDescription(sentence);
    m_error->show();
}

void SignInWindow::forgetPassword()
{
    m_offlinePassword.fill(QChar(u'\0'));
    m_offlinePassword.clear();
}

}  // namespace otrack
