#include "kith/reconnect.hpp"

#include <algorithm>
#include <cmath>

namespace kith {
namespace {

constexpr double kDaysPerMonth = 30.44;
constexpr double kQuietMonths = 3.0;  // the silence term starts at three months

void add_term(DormantTie& tie, ReconnectTerm term, double points) {
  if (points <= 0) return;
  tie.terms.push_back({term, points});
  tie.score += points;
}

}  // namespace

std::string_view to_string(ReconnectTerm term) {
  switch (term) {
    case ReconnectTerm::history: return "history";
    case ReconnectTerm::exchange: return "exchange";
    case ReconnectTerm::importance: return "importance";
    case ReconnectTerm::silence: return "silence";
    case ReconnectTerm::offer: return "offer";
  }
  return "";
}

bool is_dormant(const TieFacts& facts, Date today) {
  if (facts.archived || facts.interactions <= 0 || !facts.last) return false;
  const Date last = *facts.last;
  if (!facts.cadence) return days_between(last, today) >= kQuietDays;
  const Date lapsed =
      std::max(last.plus_years(1), facts.cadence->after(facts.cadence->after(last)));
  return today > lapsed;
}

std::optional<DormantTie> assess_tie(const TieCandidate& candidate, Date today) {
  const TieFacts& f = candidate.facts;
  if (!is_dormant(f, today)) return std::nullopt;
  DormantTie tie;
  tie.id = candidate.id;
  tie.name = candidate.name;
  tie.name_key = candidate.name_key;
  tie.facts = f;
  tie.silent_days = days_between(*f.last, today);

  const auto counted = static_cast<double>(std::min(f.interactions, kMaxCountedInteractions));
  add_term(tie, ReconnectTerm::history, kHistoryPoints * std::log2(1.0 + counted));
  const auto flowed = static_cast<double>(std::max<std::int64_t>(0, f.given) +
                                          std::max<std::int64_t>(0, f.received));
  add_term(tie, ReconnectTerm::exchange, kExchangePoints * std::log2(1.0 + flowed));
  add_term(tie, ReconnectTerm::importance,
           kReconnectImportancePoints * static_cast<double>(std::max(f.weight, 1) - 1));
  const double months = static_cast<double>(tie.silent_days) / kDaysPerMonth;
  add_term(tie, ReconnectTerm::silence,
           months > kQuietMonths
               ? std::min(kMaxSilencePoints, kSilencePoints * std::log2(months / kQuietMonths))
               : 0.0);
  add_term(tie, ReconnectTerm::offer, f.has_offer ? kOfferPoints : 0.0);
  return tie;
}

bool more_worth_reviving(const DormantTie& a, const DormantTie& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.name_key != b.name_key) return a.name_key < b.name_key;
  if (a.name != b.name) return a.name < b.name;
  return a.id < b.id;
}

void TieSelection::add(const TieCandidate& candidate) {
  auto tie = assess_tie(candidate, today_);
  if (!tie) return;
  ++total_;
  if (limit_ == 0) return;
  // A max-heap under more_worth_reviving keeps the least worth reviving on top.
  if (heap_.size() == limit_) {
    if (!more_worth_reviving(*tie, heap_.front())) return;
    std::pop_heap(heap_.begin(), heap_.end(), more_worth_reviving);
    heap_.back() = std::move(*tie);
  } else {
    heap_.push_back(std::move(*tie));
  }
  std::push_heap(heap_.begin(), heap_.end(), more_worth_reviving);
}

std::vector<DormantTie> TieSelection::take() {
  std::sort_heap(heap_.begin(), heap_.end(), more_worth_reviving);
  return std::move(heap_);
}

std::vector<DormantTie> rank_dormant(const std::vector<TieCandidate>& candidates, Date today,
                                     std::size_t limit) {
  std::vector<DormantTie> out;
  for (const TieCandidate& c : candidates) {
    if (auto tie = assess_tie(c, today)) out.push_back(std::move(*tie));
  }
  std::sort(out.begin(), out.end(), more_worth_reviving);
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace kith
