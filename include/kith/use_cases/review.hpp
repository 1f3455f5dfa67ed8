// The review use case: the figures of a period (kith review). One function over the Store that
// the CLI calls and renders; the figures are the pure engine's (kith/review.hpp).
#pragma once

#include "kith/date.hpp"
#include "kith/review.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

// The review of `period` as of `today`, read in one snapshot (Store::review_facts).
// invalid_input when check_review_period fails (before reading anything); Errc::storage from
// the store. Reads only.
Result<Review> review_period(Store& store, const ReviewPeriod& period, Date today);

}  // namespace kith
