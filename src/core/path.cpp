#include "kith/path.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace kith {
namespace {

double halved(double days, double half_life) {
  return std::pow(0.5, std::max(0.0, days) / half_life);
}

int source_rank(LinkSource s) { return static_cast<int>(s); }

// A route while it is searched: node indexes, b = -1 for two steps.
struct Candidate {
  double strength = 0;
  int a = -1;
  int b = -1;
  int end = -1;
};

struct Graph {
  const std::vector<PathPerson>* people = nullptr;
  std::unordered_map<std::int64_t, int> index;
  // The strongest link of each pair, both ways, as compressed adjacency.
  std::vector<int> start;      // node -> first edge
  std::vector<int> neighbour;  // edge -> node
  std::vector<double> weight;  // edge -> strength
  std::vector<int> link;       // edge -> index into the graph's links
};

Graph build(const PathGraph& g, Date today) {
  Graph out;
  out.people = &g.people;
  out.index.reserve(g.people.size());
  for (std::size_t i = 0; i < g.people.size(); ++i) {
    out.index.emplace(g.people[i].id, static_cast<int>(i));
  }
  struct Pair {
    int u, v;
    double w;
    int source;
    int link;
  };
  std::vector<Pair> pairs;
  pairs.reserve(g.links.size());
  for (std::size_t i = 0; i < g.links.size(); ++i) {
    const PathLink& l = g.links[i];
    auto a = out.index.find(l.a);
    auto b = out.index.find(l.b);
    if (a == out.index.end() || b == out.index.end() || a->second == b->second) continue;
    int u = std::min(a->second, b->second);
    int v = std::max(a->second, b->second);
    pairs.push_back({u, v, link_strength(l, today), source_rank(l.source), static_cast<int>(i)});
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    if (x.u != y.u) return x.u < y.u;
    if (x.v != y.v) return x.v < y.v;
    if (x.w != y.w) return x.w > y.w;
    if (x.source != y.source) return x.source < y.source;
    return x.link < y.link;
  });
  pairs.erase(std::unique(pairs.begin(), pairs.end(),
                          [](const Pair& x, const Pair& y) { return x.u == y.u && x.v == y.v; }),
              pairs.end());
  const std::size_t n = g.people.size();
  out.start.assign(n + 1, 0);
  for (const Pair& p : pairs) {
    ++out.start[static_cast<std::size_t>(p.u) + 1];
    ++out.start[static_cast<std::size_t>(p.v) + 1];
  }
  for (std::size_t i = 0; i < n; ++i) out.start[i + 1] += out.start[i];
  out.neighbour.resize(pairs.size() * 2);
  out.weight.resize(pairs.size() * 2);
  out.link.resize(pairs.size() * 2);
  std::vector<int> fill(out.start.begin(), out.start.end() - 1);
  auto add = [&](int from, int to, const Pair& p) {
    auto e = static_cast<std::size_t>(fill[static_cast<std::size_t>(from)]++);
    out.neighbour[e] = to;
    out.weight[e] = p.w;
    out.link[e] = p.link;
  };
  for (const Pair& p : pairs) {
    add(p.u, p.v, p);
    add(p.v, p.u, p);
  }
  return out;
}

}  // namespace

std::string_view to_string(LinkSource source) {
  switch (source) {
    case LinkSource::introducer: return "introducer";
    case LinkSource::together: return "together";
    case LinkSource::knows: break;
  }
  return "knows";
}

FirstHop first_hop(const PathPerson& p, Date today) {
  FirstHop h;
  if (p.last_contact) {
    h.recency =
        halved(static_cast<double>(days_between(*p.last_contact, today)), kRecencyHalfLifeDays);
  }
  h.frequency = std::min(1.0, static_cast<double>(std::max(0, p.interactions_year)) /
                                  static_cast<double>(kFrequentPerYear));
  h.balance = std::clamp(0.5 + static_cast<double>(p.given - p.received) / kBalanceSpan, 0.0, 1.0);
  h.type = std::clamp(
      static_cast<double>(p.weight - kMinWeight) / static_cast<double>(kMaxWeight - kMinWeight),
      0.0, 1.0);
  h.strength =
      std::max(kMinLinkStrength, kRecencyShare * h.recency + kFrequencyShare * h.frequency +
                                     kBalanceShare * h.balance + kTypeShare * h.type);
  return h;
}

double link_strength(const PathLink& link, Date today) {
  switch (link.source) {
    case LinkSource::introducer: return kIntroducerStrength;
    case LinkSource::together: {
      double count = std::min(std::max(link.count, 1), kTogetherFull);
      double fresh = link.last ? halved(static_cast<double>(days_between(*link.last, today)),
                                        kTogetherHalfLifeDays)
                               : 0.0;
      return std::max(kMinLinkStrength,
                      kTogetherBase + kTogetherSpan * count / kTogetherFull * fresh);
    }
    case LinkSource::knows: break;
  }
  return kKnowsStrength;
}

bool warmer(const Route& a, const Route& b) {
  if (a.strength != b.strength) return a.strength > b.strength;
  if (a.people.size() != b.people.size()) return a.people.size() < b.people.size();
  return a.people < b.people;
}

std::vector<Route> find_routes(const PathGraph& pg, const std::vector<std::int64_t>& end_ids,
                               Date today, std::size_t limit) {
  if (limit == 0) return {};
  const Graph g = build(pg, today);
  const auto& people = pg.people;
  const std::size_t n = people.size();
  std::vector<char> is_end(n, 0);
  std::vector<int> ends;
  for (std::int64_t id : end_ids) {
    auto it = g.index.find(id);
    if (it == g.index.end() || people[static_cast<std::size_t>(it->second)].archived) continue;
    if (is_end[static_cast<std::size_t>(it->second)]) continue;
    is_end[static_cast<std::size_t>(it->second)] = 1;
    ends.push_back(it->second);
  }
  auto usable = [&](int i) {
    return !people[static_cast<std::size_t>(i)].archived && !is_end[static_cast<std::size_t>(i)];
  };
  // You know them: an active contact, not a target, not an end point.
  auto first_ok = [&](int i) { return usable(i) && !people[static_cast<std::size_t>(i)].target; };
  std::unordered_map<int, double> first_cache;
  auto first_strength = [&](int i) {
    auto [it, fresh] = first_cache.try_emplace(i, 0.0);
    if (fresh) it->second = first_hop(people[static_cast<std::size_t>(i)], today).strength;
    return it->second;
  };
  auto id_of = [&](int i) { return people[static_cast<std::size_t>(i)].id; };
  // The same order as warmer(), on candidates.
  auto better = [&](const Candidate& x, const Candidate& y) {
    if (x.strength != y.strength) return x.strength > y.strength;
    bool x2 = x.b < 0, y2 = y.b < 0;
    if (x2 != y2) return x2;
    if (x.a != y.a) return id_of(x.a) < id_of(y.a);
    if (x.b != y.b) return x2 ? false : id_of(x.b) < id_of(y.b);
    return id_of(x.end) < id_of(y.end);
  };
  // The best `limit` so far, as a heap whose top is the worst of them.
  std::vector<Candidate> best;
  auto offer = [&](const Candidate& c) {
    if (best.size() < limit) {
      best.push_back(c);
      std::push_heap(best.begin(), best.end(), better);
    } else if (better(c, best.front())) {
      std::pop_heap(best.begin(), best.end(), better);
      best.back() = c;
      std::push_heap(best.begin(), best.end(), better);
    }
  };
  // Each person next to an end point (not one, not archived): their `limit` strongest links
  // to end points. A route through A and B uses only these: any other end point makes a route
  // weaker than `limit` routes through the same A and B.
  std::unordered_map<int, std::vector<std::pair<double, int>>> to_end;
  for (int t : ends) {
    for (int e = g.start[static_cast<std::size_t>(t)]; e < g.start[static_cast<std::size_t>(t) + 1];
         ++e) {
      int x = g.neighbour[static_cast<std::size_t>(e)];
      double w = g.weight[static_cast<std::size_t>(e)];
      if (!usable(x)) continue;
      if (first_ok(x)) offer({first_strength(x) * w, x, -1, t});
      to_end[x].emplace_back(w, t);
    }
  }
  for (auto& [b, list] : to_end) {
    std::sort(list.begin(), list.end(), [&](const auto& x, const auto& y) {
      if (x.first != y.first) return x.first > y.first;
      return id_of(x.second) < id_of(y.second);
    });
    if (list.size() > limit) list.resize(limit);
  }
  for (const auto& [b, list] : to_end) {
    for (int e = g.start[static_cast<std::size_t>(b)]; e < g.start[static_cast<std::size_t>(b) + 1];
         ++e) {
      int a = g.neighbour[static_cast<std::size_t>(e)];
      if (a == b || !first_ok(a)) continue;
      double via = first_strength(a) * g.weight[static_cast<std::size_t>(e)];
      for (const auto& [w, t] : list) offer({via * w, a, b, t});
    }
  }
  std::sort(best.begin(), best.end(), better);

  // The link of a pair, from the adjacency (the strongest).
  auto edge = [&](int from, int to) {
    for (int e = g.start[static_cast<std::size_t>(from)];
         e < g.start[static_cast<std::size_t>(from) + 1]; ++e) {
      if (g.neighbour[static_cast<std::size_t>(e)] == to) return e;
    }
    return -1;
  };
  std::vector<Route> routes;
  for (const Candidate& c : best) {
    Route r;
    std::vector<int> nodes{c.a};
    if (c.b >= 0) nodes.push_back(c.b);
    nodes.push_back(c.end);
    r.first = first_hop(people[static_cast<std::size_t>(c.a)], today);
    r.strengths.push_back(r.first.strength);
    r.strength = r.first.strength;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      r.people.push_back(id_of(nodes[i]));
      if (i == 0) continue;
      int e = edge(nodes[i - 1], nodes[i]);
      r.links.push_back(pg.links[static_cast<std::size_t>(g.link[static_cast<std::size_t>(e)])]);
      r.strengths.push_back(g.weight[static_cast<std::size_t>(e)]);
      r.strength *= g.weight[static_cast<std::size_t>(e)];
    }
    r.strength = c.strength;  // as ranked: the same product, multiplied in the same order
    routes.push_back(std::move(r));
  }
  return routes;
}

}  // namespace kith
