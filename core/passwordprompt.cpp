#include "passwordprompt.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace otrack {

namespace {

// Echo off for as long as it lives, on a terminal only.
class EchoOff {
public:
    EchoOff()
    {
#ifdef Q_OS_WIN
        m_input = GetStdHandle(STD_INPUT_HANDLE);
        m_active = _isatty(_fileno(stdin)) != 0 && GetConsoleMode(m_input, &m_saved) != 0;
        if (m_active)
            SetConsoleMode(m_input, m_saved & ~static_cast<DWORD>(ENABLE_ECHO_INPUT));
#else
        m_active = isatty(STDIN_FILENO) != 0 && tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_active) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
#endif
    }
    ~EchoOff()
    {
        if (!m_active)
            return;
#ifdef Q_OS_WIN
        SetConsoleMode(m_input, m_saved);
#else
        tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
#endif
        // The user's Enter was not echoed either.
        std::fputs("\n", stderr);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

    bool active() const
    {
        return m_active;
    }

private:
    bool m_active = false;
#ifdef Q_OS_WIN
    HANDLE m_input = nullptr;
    DWORD m_saved = 0;
#else
    termios m_saved{};
#endif
};

}  // namespace

QString readPasswordLine(const char *prompt)
{
    std::string line;
    {
        EchoOff echoOff;
        if (echoOff.active()) {
            std::fputs(prompt, stderr);
            std::fflush(stderr);
        }
        std::getline(std::cin, line);
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    QString password = QString::fromStdString(line);
    std::fill(line.begin(), line.end(), '\0');
    return password;
}

}  // namespace otrack
