#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "opensslinit.h"
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    otrack::initOpenSsl();
    QCoreApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
