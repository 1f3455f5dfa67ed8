#include "kith/use_cases/introductions.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "kith/text.hpp"
#include "phrases.hpp"
#include "record_log.hpp"
#include "transaction.hpp"

namespace kith {
namespace {

constexpr std::size_t kMaxRoutes = 50;
constexpr std::size_t kKnownShown = 10;

Status check_how(const std::optional<std::string>& how) {
  if (!how) return {};
  return check_free_text(trim(*how), "--how");
}

// The two people a request names: invalid_input when they are one person.
Result<std::pair<Contact, Contact>> two_people(Store& store, std::string_view a,
                                               std::string_view b) {
  auto first = store.resolve(a);
  if (!first) return first.error();
  auto second = store.resolve(b);
  if (!second) return second.error();
  if (first->id == second->id) {
    return invalid_input("'" + std::string(a) + "' and '" + std::string(b) + "' are both " +
                         first->name + " (#" + std::to_string(first->id) +
                         "): name two different people");
  }
  return std::pair<Contact, Contact>(std::move(*first), std::move(*second));
}

// Records a knows b (or updates how), inside a write. `how` unset keeps a link's how, and
// gives a new one `fallback`.
Result<KnowsRecorded> link_people(Store& store, Contact a, Contact b,
                                  const std::optional<std::string>& how,
                                  const std::string& fallback, Date today) {
  KnowsRecorded out;
  auto existing = store.knows_link(a.id, b.id);
  if (!existing) return existing.error();
  if (*existing) {
    KnowsLink link = **existing;
    out.outcome = KnowsRecorded::Outcome::unchanged;
    if (how && std::string(trim(*how)) != link.how) {
      link.how = std::string(trim(*how));
      KITH_TRY(store.set_knows_how(link.id, link.how));
      out.outcome = KnowsRecorded::Outcome::updated;
    }
    out.link = std::move(link);
  } else {
    std::string text = how ? std::string(trim(*how)) : fallback;
    auto id = store.add_knows(a.id, b.id, text, today);
    if (!id) return id.error();
    auto stored = store.knows_link(a.id, b.id);
    if (!stored) return stored.error();
    out.link = **stored;
    out.outcome = KnowsRecorded::Outcome::added;
  }
  out.a = std::move(a);
  out.b = std::move(b);
  return out;
}

std::string pair_phrase(const Contact& a, const Contact& b) { return a.name + " and " + b.name; }

}  // namespace

Status check_knows(const KnowsRequest& request) {
  if (request.forget && request.how) {
    return invalid_input("--how and --forget exclude each other: give one");
  }
  return check_how(request.how);
}

Result<KnowsRecorded> record_knows(Store& store, const KnowsRequest& request, Date today) {
  KITH_TRY(check_knows(request));
  return in_write<KnowsRecorded>(store, [&]() -> Result<KnowsRecorded> {
    auto pair = two_people(store, request.a, request.b);
    if (!pair) return pair.error();
    auto& [a, b] = *pair;
    if (request.forget) {
      auto existing = store.knows_link(a.id, b.id);
      if (!existing) return existing.error();
      if (!*existing) {
        return invalid_input(pair_phrase(a, b) +
                             " are not linked by kith knows; nothing to forget");
      }
      auto removed = store.remove_knows(a.id, b.id);
      if (!removed) return removed.error();
      store.note_change({"knows", "forget that " + pair_phrase(a, b) + " know each other", today});
      KnowsRecorded out;
      out.outcome = KnowsRecorded::Outcome::forgotten;
      out.link = **existing;
      out.a = std::move(a);
      out.b = std::move(b);
      return out;
    }
    auto recorded = link_people(store, a, b, request.how, "", today);
    if (!recorded) return recorded.error();
    if (recorded->outcome != KnowsRecorded::Outcome::unchanged) {
      std::string how =
          recorded->link.how.empty() ? "" : ": " + phrases::quoted(recorded->link.how);
      store.note_change({"knows", "knows: " + pair_phrase(a, b) + how, today});
    }
    return recorded;
  });
}

Result<Acquaintances> acquaintances(Store& store, std::string_view who, Date today) {
  return in_read<Acquaintances>(store, [&]() -> Result<Acquaintances> {
    auto person = store.resolve(who);
    if (!person) return person.error();
    auto links = store.links_of({person->id});
    if (!links) return links.error();
    std::vector<std::int64_t> others;
    for (const PathLink& l : *links) others.push_back(l.a == person->id ? l.b : l.a);
    auto people = store.path_people(others, today);
    if (!people) return people.error();
    std::unordered_map<std::int64_t, const PathPerson*> by_id;
    for (const PathPerson& p : *people) by_id.emplace(p.id, &p);
    Acquaintances out;
    for (const PathLink& l : *links) {
      std::int64_t other = l.a == person->id ? l.b : l.a;
      auto it = by_id.find(other);
      if (it == by_id.end()) continue;
      Acquaintance a;
      a.id = other;
      a.name = it->second->name;
      a.archived = it->second->archived;
      a.link = l;
      a.strength = link_strength(l, today);
      out.known.push_back(std::move(a));
    }
    std::sort(out.known.begin(), out.known.end(), [](const Acquaintance& x, const Acquaintance& y) {
      if (x.strength != y.strength) return x.strength > y.strength;
      std::string kx = fold_for_match(x.name), ky = fold_for_match(y.name);
      if (kx != ky) return kx < ky;
      if (x.id != y.id) return x.id < y.id;
      return x.link.source < y.link.source;
    });
    out.person = std::move(*person);
    return out;
  });
}

Status check_intro(const IntroRequest& request, Date today) {
  LogRequest log;
  log.people = {request.a, request.b};
  log.summary = request.summary;
  log.on = request.on;
  log.gave = true;
  KITH_TRY(check_log(log, today));
  return check_how(request.how);
}

Result<Introduced> introduce(Store& store, const IntroRequest& request, Date today) {
  KITH_TRY(check_intro(request, today));
  return in_write<Introduced>(store, [&]() -> Result<Introduced> {
    auto pair = two_people(store, request.a, request.b);
    if (!pair) return pair.error();
    auto& [a, b] = *pair;
    LogRequest log;
    log.people = {"#" + std::to_string(a.id), "#" + std::to_string(b.id)};
    log.summary = request.summary;
    log.on = request.on;
    log.via = request.via.value_or(Channel::other);
    log.gave = true;
    auto logged = record_log(store, log, today);
    if (!logged) return logged.error();
    const Date day = logged->interaction.day;
    auto knows =
        link_people(store, a, b, request.how, "introduced by you on " + day.to_string(), today);
    if (!knows) return knows.error();
    store.note_change({"intro",
                       "intro: " + pair_phrase(a, b) + " on " + day.to_string() + ", " +
                           phrases::quoted(logged->interaction.summary),
                       today});
    return Introduced{std::move(*logged), std::move(*knows)};
  });
}

Status check_path(const PathRequest& request) {
  if (is_blank(request.target)) return invalid_input("path to whom? name a person or organisation");
  if (request.limit < 1 || request.limit > kMaxRoutes) {
    return invalid_input("--limit " + std::to_string(request.limit) + ": give 1 to " +
                         std::to_string(kMaxRoutes));
  }
  return {};
}

Result<PathFound> find_path(Store& store, const PathRequest& request, Date today) {
  KITH_TRY(check_path(request));
  return in_read<PathFound>(store, [&]() -> Result<PathFound> {
    PathFound out;
    std::vector<std::int64_t> ends;
    if (!request.org) {
      auto contact = store.resolve(request.target);
      if (contact) {
        if (contact->archived) {
          return invalid_input(contact->name + " is archived: kith unarchive " +
                               std::to_string(contact->id) + " to look for routes to them");
        }
        ends.push_back(contact->id);
        out.target = contact->name;
        out.contact = std::move(*contact);
      } else if (contact.error().code != Errc::not_found) {
        return contact.error();
      }
    }
    if (ends.empty()) {
      auto at = store.contacts_at(trim(request.target));
      if (!at) return at.error();
      if (at->empty()) {
        return not_found(std::string(request.org ? "no active contact works at an organisation"
                                                 : "no contact or organisation") +
                         " matching '" + std::string(trim(request.target)) + "'");
      }
      ends = std::move(*at);
      out.organisation = true;
      out.target = std::string(trim(request.target));
      // The organisation as its people's records write it, when it is theirs whole.
      auto first = store.contact(ends.front());
      if (!first) return first.error();
      if (fold_for_match(first->org) == fold_for_match(out.target)) out.target = first->org;
    }
    out.end_points = ends.size();

    // The links within two steps of the end points: theirs, then their neighbours'.
    std::unordered_set<std::int64_t> seen(ends.begin(), ends.end());
    PathGraph graph;
    auto near = store.links_of(ends);
    if (!near) return near.error();
    std::vector<std::int64_t> next;
    for (const PathLink& l : *near) {
      for (std::int64_t id : {l.a, l.b}) {
        if (seen.insert(id).second) next.push_back(id);
      }
    }
    auto far = store.links_of(next);
    if (!far) return far.error();
    graph.links = std::move(*near);
    graph.links.insert(graph.links.end(), far->begin(), far->end());
    for (const PathLink& l : *far) {
      seen.insert(l.a);
      seen.insert(l.b);
    }
    auto people = store.path_people(std::vector<std::int64_t>(seen.begin(), seen.end()), today);
    if (!people) return people.error();
    graph.people = std::move(*people);
    out.routes = find_routes(graph, ends, today, request.limit);

    std::unordered_map<std::int64_t, const PathPerson*> by_id;
    for (const PathPerson& p : graph.people) by_id.emplace(p.id, &p);
    auto last_with = [&](std::int64_t id) -> Result<std::optional<Interaction>> {
      HistoryQuery q;
      q.contact_id = id;
      q.limit = 1;
      auto latest = store.history(q);
      if (!latest) return latest.error();
      if (latest->empty()) return std::optional<Interaction>();
      return std::optional<Interaction>(std::move(latest->front()));
    };
    std::vector<const PathPerson*> known;
    for (std::int64_t id : ends) {
      auto it = by_id.find(id);
      if (it == by_id.end() || it->second->archived || it->second->target) continue;
      known.push_back(it->second);
    }
    std::sort(known.begin(), known.end(), [](const PathPerson* x, const PathPerson* y) {
      if (x->last_contact != y->last_contact) return x->last_contact > y->last_contact;
      return x->id < y->id;
    });
    out.known_total = known.size();
    for (std::size_t i = 0; i < known.size() && i < kKnownShown; ++i) {
      auto last = last_with(known[i]->id);
      if (!last) return last.error();
      out.known.push_back({*known[i], std::move(*last)});
    }
    std::unordered_set<std::int64_t> listed;
    std::unordered_set<std::int64_t> first_hops;
    for (const Route& r : out.routes) first_hops.insert(r.people.front());
    for (const Route& r : out.routes) {
      for (std::int64_t id : r.people) {
        if (!listed.insert(id).second) continue;
        RoutePerson p{*by_id.at(id), std::nullopt};
        if (first_hops.count(id)) {
          auto last = last_with(id);
          if (!last) return last.error();
          p.last = std::move(*last);
        }
        out.people.push_back(std::move(p));
      }
    }
    std::sort(out.people.begin(), out.people.end(),
              [](const RoutePerson& x, const RoutePerson& y) { return x.person.id < y.person.id; });
    return out;
  });
}

}  // namespace kith
