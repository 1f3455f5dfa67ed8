#include "kith/use_cases/review.hpp"

namespace kith {

Result<Review> review_period(Store& store, const ReviewPeriod& period, Date today) {
  KITH_TRY(check_review_period(period));
  auto facts = store.review_facts(period);
  if (!facts) return facts.error();
  return review(*facts, period, today);
}

}  // namespace kith
