#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

#include "opensslinit.h"
#include <cstdlib>

int main(int argc, char *argv[])
{
    // catch_discover_tests runs this binary at build time without the tests' environment.
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    otrack::initOpenSsl();
    QApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
