// What kith log records, inside a transaction someone else runs (kith intro logs as part of
// its own). Internal to the core's use cases.
#pragma once

#include "kith/date.hpp"
#include "kith/store.hpp"
#include "kith/use_cases/interactions.hpp"

namespace kith {

// log_interaction's body: everything it records and returns, without check_log and without a
// transaction of its own. REQUIRES: inside Store::write(); the request passed check_log. Gives
// the journal a "log" note, which the caller may replace with its own.
Result<Logged> record_log(Store& store, const LogRequest& request, Date today);

}  // namespace kith
