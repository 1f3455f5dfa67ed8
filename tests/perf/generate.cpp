// kith-perf-generate: a deterministic, realistic network for the benchmark (tests/perf/run).
//
//   kith-perf-generate --out DIR [--contacts N] [--interactions N] [--reminders N]
//                      [--goals N] [--links N] [--today YYYY-MM-DD] [--seed N]
//
// Writes, in DIR:
//   network.json       the network in kith's own JSON (docs/interop.md), for `kith import`;
//   contacts.csv       id,name,org,circle,added_on        } the same data as plain rows, for
//   interactions.csv   contact,day,summary,direction,weight } the SQLite floor (one row per
//   reminders.csv      contact,kind,text,due,done_on       } person and interaction).
//
// The shape: contacts over every built-in type (and some without one) and all three circles,
// half with a birthday; interactions over the two years before TODAY, skewed so that a few
// people get most of them (Zipf-like: the r-th person is picked with weight 1/(r+10)^1.1),
// a tenth of them with two or three people, given, received or mutual; reminders (with agenda
// topics and weekly meetings among them) mostly
// done, the open ones around TODAY; one contact in a hundred a target (someone to meet);
// career goals with about ten people each; "knows" links from the well-connected to anyone. The
// same arguments always give the same bytes: the random numbers come from a fixed-seed SplitMix64,
// not from <random>'s distributions.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "kith/date.hpp"

namespace {

struct Options {
  std::filesystem::path out;
  long contacts = 20'000;
  long interactions = 1'000'000;
  long reminders = 50'000;
  long goals = 20;
  long links = 100'000;
  std::string today = "2026-11-23";
  std::uint64_t seed = 20261123;
};

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n).
  long below(long n) { return static_cast<long>(next() % static_cast<std::uint64_t>(n)); }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(below(static_cast<long>(items.size())))];
  }

 private:
  std::uint64_t state_;
};

const std::vector<std::string> kFirst = {
    "Ada",  "Grace",  "Linus",  "Margaret", "Alan",    "Barbara",   "Dennis", "Frances",
    "Ken",  "Radia",  "Edsger", "Hedy",     "Tim",     "Katherine", "John",   "Sophie",
    "José", "Zoë",    "Łukasz", "Søren",    "Aisha",   "Mateo",     "Yuki",   "Priya",
    "Chen", "Fatima", "Olu",    "Ingrid",   "Nikolai", "Amara",     "Tomás",  "Leila"};
const std::vector<std::string> kLast = {
    "Lovelace", "Hopper",   "Berg",       "Hamilton",  "Turing", "Liskov",  "Ritchie", "Allen",
    "Thompson", "Perlman",  "Dijkstra",   "Lamarr",    "Lee",    "Johnson", "Backus",  "Wilson",
    "Núñez",    "Laurent",  "Wiśniewski", "Lindqvist", "Rahman", "García",  "Tanaka",  "Raman",
    "Wei",      "Al-Sayed", "Adeyemi",    "Larsen",    "Volkov", "Nwosu",   "Herrera", "Haddad"};
const std::vector<std::string> kOrgs = {"Northwind", "Globex",   "Initech", "Umbrella", "Hooli",
                                        "Acme",      "Vandelay", "Stark",   "Wayne",    "Tyrell"};
const std::vector<std::string> kTopics = {"the roadmap",
                                          "hiring",
                                          "the reorg",
                                          "a promotion case",
                                          "the migration",
                                          "on-call",
                                          "the budget",
                                          "a conference talk",
                                          "mentoring",
                                          "the launch",
                                          "pricing",
                                          "the outage",
                                          "design reviews",
                                          "career paths",
                                          "the offsite",
                                          "a referral",
                                          "the data platform",
                                          "security",
                                          "the API",
                                          "onboarding",
                                          "performance",
                                          "the board deck",
                                          "open source",
                                          "the rollout",
                                          "a book"};
const std::vector<std::string> kOpenings = {"Coffee about",
                                            "Call on",
                                            "Lunch: talked about",
                                            "Email thread on",
                                            "Met at the event; discussed",
                                            "Video chat about",
                                            "Walk and talk about"};
const std::vector<std::string> kChannels = {"call", "video",   "email", "message", "coffee",
                                            "meal", "meeting", "event", "social",  "other"};

// Built-in types, weighted towards the common ones; "" is a contact without a type.
const std::vector<std::string> kTypes = {"peer",     "peer",     "peer",   "peer",
                                         "customer", "customer", "mentor", "report",
                                         "sponsor",  "manager",  "",       ""};

std::string uuid(Random& rng) {
  std::uint64_t a = rng.next();
  std::uint64_t b = rng.next();
  a = (a & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  b = (b & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  char out[37];
  std::snprintf(
      out, sizeof out, "%08llx-%04llx-%04llx-%04llx-%012llx",
      static_cast<unsigned long long>(a >> 32), static_cast<unsigned long long>((a >> 16) & 0xFFFF),
      static_cast<unsigned long long>(a & 0xFFFF), static_cast<unsigned long long>(b >> 48),
      static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
  return out;
}

// A kith timestamp at noon UTC of `day`, plus `seconds`.
std::string stamp(kith::Date day, long seconds) {
  char out[32];
  std::snprintf(out, sizeof out, "%sT%02ld:%02ld:%02ld.000Z", day.to_string().c_str(),
                12 + seconds / 3600 % 12, seconds / 60 % 60, seconds % 60);
  return out;
}

// JSON string literal (the generated text needs no escapes beyond these).
std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// CSV field per RFC 4180.
std::string csv(std::string_view text) {
  if (text.find_first_of(",\"\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

bool parse_long(std::string_view text, long& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out >= 0;
}

int usage(const char* message) {
  std::fprintf(stderr,
               "kith-perf-generate: %s\nusage: kith-perf-generate --out DIR [--contacts N] "
               "[--interactions N] [--reminders N] [--goals N] [--links N] [--today YYYY-MM-DD] "
               "[--seed N]\n",
               message);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (i + 1 >= argc) return usage("every option takes a value");
    std::string_view value = argv[++i];
    long n = 0;
    if (arg == "--out") {
      o.out = std::string(value);
    } else if (arg == "--today") {
      o.today = std::string(value);
    } else if (!parse_long(value, n)) {
      return usage("expected a number");
    } else if (arg == "--contacts") {
      o.contacts = std::max(1L, n);
    } else if (arg == "--interactions") {
      o.interactions = n;
    } else if (arg == "--reminders") {
      o.reminders = n;
    } else if (arg == "--goals") {
      o.goals = n;
    } else if (arg == "--links") {
      o.links = n;
    } else if (arg == "--seed") {
      o.seed = static_cast<std::uint64_t>(n);
    } else {
      return usage("unknown option");
    }
  }
  if (o.out.empty()) return usage("--out DIR is required");
  auto today = kith::Date::parse_iso(o.today);
  if (!today) return usage("--today must be YYYY-MM-DD");
  std::filesystem::create_directories(o.out);

  Random rng(o.seed);
  const kith::Date start = today->plus_days(-730);
  std::ofstream json(o.out / "network.json", std::ios::binary);
  std::ofstream contacts_csv(o.out / "contacts.csv", std::ios::binary);
  std::ofstream interactions_csv(o.out / "interactions.csv", std::ios::binary);
  std::ofstream reminders_csv(o.out / "reminders.csv", std::ios::binary);
  json << "{\"format\": \"kith\", \"version\": 1, \"exported_at\": "
       << json_string(stamp(*today, 0)) << ",\n\"types\": [],\n\"contacts\": [\n";

  std::vector<std::string> ids;
  std::vector<kith::Date> added;
  ids.reserve(static_cast<std::size_t>(o.contacts));
  for (long i = 0; i < o.contacts; ++i) {
    std::string id = uuid(rng);
    std::string name = rng.pick(kFirst) + " " + rng.pick(kLast) + " " + std::to_string(i + 1);
    std::string org = rng.pick(kOrgs);
    const std::string& type = rng.pick(kTypes);
    long circle = rng.unit() < 0.1 ? 1 : rng.unit() < 0.35 ? 2 : 3;
    kith::Date added_on = start.plus_days(rng.below(700));
    std::string birthday = "null";
    if (rng.below(2) == 0) {
      birthday = json_string(kith::Date::from_ymd(1960 + static_cast<int>(rng.below(40)),
                                                  1 + static_cast<int>(rng.below(12)),
                                                  1 + static_cast<int>(rng.below(28)))
                                 ->to_string());
    }
    std::string email = "person" + std::to_string(i + 1) + "@example.org";
    json << (i ? ",\n" : "") << "{\"uuid\": " << json_string(id)
         << ", \"name\": " << json_string(name) << ", \"types\": ["
         << (type.empty() ? "" : json_string(type)) << "], \"every\": null"
         << ", \"emails\": [" << json_string(email)
         << "], \"phones\": [], \"org\": " << json_string(org)
         << ", \"title\": \"\", \"birthday\": " << birthday
         << ", \"dates\": [], \"circle\": " << circle
         << ", \"met_via\": \"\", \"met_via_contact\": null, \"tags\": []"
         << ", \"learn\": " << json_string("how " + org + " runs " + rng.pick(kTopics))
         << ", \"offer\": " << json_string("notes on " + rng.pick(kTopics))
         << ", \"note\": \"\", \"added_on\": " << json_string(added_on.to_string())
         << ", \"archived\": false, \"target\": " << (i % 100 == 99 ? "true" : "false")
         << ", \"external_ids\": [], \"created_at\": " << json_string(stamp(added_on, i))
         << ", \"updated_at\": " << json_string(stamp(added_on, i)) << "}";
    contacts_csv << i + 1 << ',' << csv(name) << ',' << csv(org) << ',' << circle << ','
                 << added_on.to_string() << '\n';
    ids.push_back(std::move(id));
    added.push_back(added_on);
  }
  json << "\n],\n\"interactions\": [\n";

  // The skew: the r-th person (in a shuffled order) is picked with weight 1/(r+10)^1.1.
  std::vector<long> order(static_cast<std::size_t>(o.contacts));
  for (long i = 0; i < o.contacts; ++i) order[static_cast<std::size_t>(i)] = i;
  for (long i = o.contacts - 1; i > 0; --i) {
    std::swap(order[static_cast<std::size_t>(i)],
              order[static_cast<std::size_t>(rng.below(i + 1))]);
  }
  std::vector<double> cumulative(static_cast<std::size_t>(o.contacts));
  double total = 0;
  for (long r = 0; r < o.contacts; ++r) {
    total += 1.0 / std::pow(static_cast<double>(r) + 10.0, 1.1);
    cumulative[static_cast<std::size_t>(r)] = total;
  }
  auto someone = [&] {
    double x = rng.unit() * total;
    auto at = std::lower_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin();
    return order[static_cast<std::size_t>(std::min<long>(at, o.contacts - 1))];
  };

  for (long i = 0; i < o.interactions; ++i) {
    kith::Date day = start.plus_days(rng.below(731));
    std::vector<long> people = {someone()};
    if (rng.below(10) == 0) {
      long more = 1 + rng.below(2);
      for (long k = 0; k < more; ++k) {
        long p = someone();
        if (std::find(people.begin(), people.end(), p) == people.end()) people.push_back(p);
      }
    }
    std::string summary = rng.pick(kOpenings) + " " + rng.pick(kTopics);
    double d = rng.unit();
    const char* direction = d < 0.3 ? "gave" : d < 0.55 ? "received" : "mutual";
    long weight = rng.below(10) < 6 ? 1 : 1 + rng.below(5);
    std::vector<std::string> uuids;
    for (long p : people) uuids.push_back(ids[static_cast<std::size_t>(p)]);
    std::sort(uuids.begin(), uuids.end());
    json << (i ? ",\n" : "") << "{\"uuid\": " << json_string(uuid(rng))
         << ", \"day\": " << json_string(day.to_string())
         << ", \"summary\": " << json_string(summary)
         << ", \"channel\": " << json_string(rng.pick(kChannels)) << ", \"direction\": \""
         << direction << "\", \"weight\": " << weight << ", \"people\": [";
    for (std::size_t k = 0; k < uuids.size(); ++k) json << (k ? ", " : "") << json_string(uuids[k]);
    json << "], \"created_at\": " << json_string(stamp(day, i % 40000))
         << ", \"updated_at\": " << json_string(stamp(day, i % 40000)) << "}";
    for (long p : people) {
      interactions_csv << p + 1 << ',' << day.to_string() << ',' << csv(summary) << ',' << direction
                       << ',' << weight << '\n';
    }
  }
  json << "\n],\n\"reminders\": [\n";

  // Mostly reminders, promises and follow-ups; a tenth agenda topics (raised in the last
  // months, most still open) and a twentieth weekly meetings (open, due within the week).
  static const std::vector<std::string> kKinds = {
      "reminder", "reminder", "promise",  "followup", "reminder", "reminder", "promise",
      "followup", "reminder", "promise",  "followup", "reminder", "promise",  "followup",
      "reminder", "promise",  "followup", "topic",    "topic",    "meeting"};
  for (long i = 0; i < o.reminders; ++i) {
    long person = someone();
    const std::string& kind = rng.pick(kKinds);
    bool open = rng.below(10) < (kind == "meeting" ? 10 : kind == "topic" ? 7 : 3);
    kith::Date due = open ? today->plus_days(rng.below(90) - 10) : start.plus_days(rng.below(720));
    if (kind == "meeting") due = today->plus_days(rng.below(7));
    if (kind == "topic") due = today->plus_days(-rng.below(120));
    std::string text = (kind == "promise" ? "Send " : "Ask about ") + rng.pick(kTopics);
    std::string done = open ? "null" : json_string(due.to_string());
    std::string every = kind == "meeting" ? "\"1w\"" : "null";
    json << (i ? ",\n" : "") << "{\"uuid\": " << json_string(uuid(rng)) << ", \"kind\": \"" << kind
         << "\", \"text\": " << json_string(text)
         << ", \"contact\": " << json_string(ids[static_cast<std::size_t>(person)])
         << ", \"due\": " << json_string(due.to_string()) << ", \"every\": " << every
         << ", \"anchor\": " << json_string(due.to_string()) << ", \"done_on\": " << done
         << ", \"last_done\": " << done << ", \"created_at\": " << json_string(stamp(due, i))
         << ", \"updated_at\": " << json_string(stamp(due, i)) << "}";
    reminders_csv << person + 1 << ',' << kind << ',' << csv(text) << ',' << due.to_string() << ','
                  << (open ? "" : due.to_string()) << '\n';
  }
  json << "\n],\n\"goals\": [\n";

  // Career goals, each with about ten people in the roles of their types.
  static const std::vector<std::string> kGoals = {
      "Become a staff engineer",     "Move into product management", "Speak at a conference",
      "Learn distributed systems",   "Lead a platform team",         "Publish a paper",
      "Mentor two junior engineers", "Switch to a startup",          "Grow a consulting practice",
      "Write a book on testing"};
  for (long g = 0; g < o.goals; ++g) {
    kith::Date set_on = today->plus_days(-rng.below(300));
    json << (g ? ",\n" : "") << "{\"uuid\": " << json_string(uuid(rng))
         << ", \"text\": " << json_string(kGoals[static_cast<std::size_t>(g) % kGoals.size()])
         << ", \"by\": " << json_string(today->plus_days(rng.below(365)).to_string())
         << ", \"needs\": [\"mentor\", \"sponsor\"], \"added_on\": "
         << json_string(set_on.to_string()) << ", \"done_on\": null, \"people\": [";
    std::vector<long> people;
    for (int k = 0; k < 10; ++k) {
      long person = someone();
      if (std::find(people.begin(), people.end(), person) != people.end()) continue;
      static const std::vector<std::string> kRoles = {"mentor", "sponsor", "peer", ""};
      json << (people.empty() ? "" : ", ")
           << "{\"contact\": " << json_string(ids[static_cast<std::size_t>(person)])
           << ", \"role\": " << json_string(rng.pick(kRoles)) << "}";
      people.push_back(person);
    }
    json << "], \"created_at\": " << json_string(stamp(set_on, g))
         << ", \"updated_at\": " << json_string(stamp(set_on, g)) << "}";
  }
  json << "\n],\n\"links\": [\n";

  // Who knows whom: links from the well-connected (picked with the skew) to anyone.
  for (long i = 0; i < o.links; ++i) {
    long a = someone();
    long b = rng.below(o.contacts);
    if (a == b) b = (b + 1) % o.contacts;
    if (a == b) break;  // a network of one
    kith::Date since = start.plus_days(rng.below(720));
    std::string how = rng.below(3) == 0 ? "" : "met through " + rng.pick(kOrgs);
    json << (i ? ",\n" : "") << "{\"uuid\": " << json_string(uuid(rng))
         << ", \"a\": " << json_string(ids[static_cast<std::size_t>(a)])
         << ", \"b\": " << json_string(ids[static_cast<std::size_t>(b)])
         << ", \"how\": " << json_string(how) << ", \"since\": " << json_string(since.to_string())
         << ", \"created_at\": " << json_string(stamp(since, i % 40000))
         << ", \"updated_at\": " << json_string(stamp(since, i % 40000)) << "}";
  }
  json << "\n]}\n";
  for (std::ofstream* f : {&json, &contacts_csv, &interactions_csv, &reminders_csv}) {
    f->close();
    if (!*f) {
      std::fprintf(stderr, "kith-perf-generate: cannot write to %s\n", o.out.c_str());
      return 1;
    }
  }
  return 0;
}
