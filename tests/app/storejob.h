#pragma once

#include "storeworker.h"

#include <catch2/catch.hpp>

#include <optional>

namespace otrack::test {

// Runs `job` on the window's store thread and waits for its result: tests read and write the
// store exactly as the window does, never from a second thread at the same time.
template <typename Job>
auto onStore(StoreWorker *worker, Job job)
{
    using R = std::invoke_result_t<Job, LocalStore &>;
    std::optional<R> out;
    worker->run(worker, std::move(job), [&out](R r) { out.emplace(std::move(r)); });
    REQUIRE(worker->waitForIdle());
    REQUIRE(out.has_value());
    return std::move(*out);
}

}  // namespace otrack::test
