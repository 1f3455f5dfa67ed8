// End-to-end: the daily report and outreach planning on a fixed network and a fixed today.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {

using nlohmann::json;

namespace {

constexpr const char* kToday = "2026-11-23";  // a Monday

// A small network with something in every section of the report, as of kToday:
//   Ada (mentor, circle 1): last talked 2026-09-01, received more than gave; due 10-13.
//   Grace (sponsor, circle 2): last talked 2026-10-01, an overdue promise; due 10-29.
//   José (peer): added 2026-08-01, never contacted; due 09-26; birthday on 11-26.
//   Linus (report, circle 1): talked last week; due 11-30.
//   Mia (customer): talked 10-20; due 11-17.
//   Otto (peer, archived): long overdue, but archived.
void seed(Sandbox& box) {
  box.today = "2026-06-01";
  box.ok({"add", "Ada Lovelace", "--type", "mentor", "--circle", "1", "--email", "ada@example.org",
          "--learn", "how she picks problems", "--offer", "early access to the new compiler",
          "--date", "met=2019-11-24", "--note", "private: do not print"});
  box.ok({"add", "Grace Hopper", "--type", "sponsor", "--circle", "2", "--phone", "+1 555 0100"});
  box.ok({"add", "Linus Berg", "--type", "report", "--circle", "1"});
  box.ok({"add", "Mia Chen", "--type", "customer", "--org", "Globex"});
  box.ok({"add", "Otto Weiss", "--type", "peer"});
  box.today = "2026-08-01";
  box.ok({"add", "José Núñez", "--type", "peer", "--birthday", "1990-11-26"});
  box.today = kToday;
  box.ok({"log", "ada", "Career chat about the staff path", "--on", "2026-09-01", "--via", "coffee",
          "--received", "--weight", "2"});
  box.ok({"log", "grace", "Sent her the migration write-up", "--on", "2026-10-01", "--via", "email",
          "--gave"});
  box.ok(
      {"log", "mia", "Quarterly review of the rollout", "--on", "2026-10-20", "--via", "meeting"});
  box.ok({"log", "linus", "One-on-one", "--on", "2026-11-16"});
  box.ok({"archive", "otto"});
  box.today = "2026-11-10";
  box.ok({"remind", "grace", "Send the board deck", "--on", "2026-11-20", "--promise"});
  box.ok({"remind", "Review my mentor list", "--on", "2026-11-23", "--every", "3m"});
  box.ok({"remind", "ada", "Ask about the reading group", "--on", "2026-11-27"});
  box.today = kToday;
}

// The text up to its first line break.
std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// The document without its uuids, which differ on every run.
json without_uuids(json j) {
  if (j.is_object()) {
    j.erase("uuid");
    for (auto& [key, value] : j.items()) value = without_uuids(value);
  } else if (j.is_array()) {
    for (auto& value : j) value = without_uuids(value);
  }
  return j;
}

}  // namespace

TEST_CASE("report prints what is due and who to reach out to and what is coming up", "[report]") {
  Sandbox box;
  seed(box);
  std::string before = box.dump();
  Outcome o = box.kith({"report"});
  CHECK(o.code == 0);
  CHECK(o.err.empty());
  // Grace's promise is due: she is listed under it, not again under Reach out.
  CHECK(o.out == R"(kith report for Monday 23 November 2026: 2 due, 3 to reach out, 3 coming up

Due now
  ! #1 promise to Grace Hopper: Send the board deck  3 days overdue
    #2 reminder, every 3m: Review my mentor list  today

Reach out
  Ada Lovelace #1 · mentor · circle 1  5 weeks overdue (every 6 weeks)
    last: 2026-09-01 (2 months ago), coffee: "Career chat about the staff path"
    hint: you have received more than you gave (net -2; never gave): offer early access to the new compiler
  José Núñez #6 · peer  8 weeks overdue (every 8 weeks)
    last: never (added 2026-08-01)
  Mia Chen #4 · customer  6 days overdue (every 4 weeks)
    last: 2026-10-20 (4 weeks ago), meeting: "Quarterly review of the rollout"

Coming up (next 7 days)
  Tue 2026-11-24  tomorrow     Ada Lovelace: met (7 years)
  Thu 2026-11-26  in 3 days    José Núñez: birthday (turns 36)
  Fri 2026-11-27  in 4 days    #3 reminder · Ada Lovelace: Ask about the reading group
)");
  CHECK(o.out.find("private") == std::string::npos);  // notes stay out of the report
  CHECK(box.dump() == before);
}

TEST_CASE("report --limit lists fewer in each section and counts the rest, --ahead sets the window",
          "[report]") {
  Sandbox box;
  seed(box);
  CHECK(box.ok({"report", "--limit", "1", "--ahead", "2"}) ==
        R"(kith report for Monday 23 November 2026: 2 due, 3 to reach out, 1 coming up

Due now
  ! #1 promise to Grace Hopper: Send the board deck  3 days overdue
  and 1 more due: kith reminders

Reach out
  Ada Lovelace #1 · mentor · circle 1  5 weeks overdue (every 6 weeks)
    last: 2026-09-01 (2 months ago), coffee: "Career chat about the staff path"
    hint: you have received more than you gave (net -2; never gave): offer early access to the new compiler
  and 2 more overdue: kith list --overdue

Coming up (next 2 days)
  Tue 2026-11-24  tomorrow     Ada Lovelace: met (7 years)
)");
  std::string none = box.ok({"report", "--limit", "0", "--ahead", "0"});
  CHECK(none.find("Reach out") == std::string::npos);
  CHECK(none.find("and 3 more overdue") == std::string::npos);
  CHECK(none.find("Coming up") == std::string::npos);
}

TEST_CASE("report --limit bounds every section and counts what it leaves out", "[report]") {
  Sandbox box;
  seed(box);
  box.today = "2026-11-01";
  for (int i = 1; i <= 3; ++i) {
    box.ok(
        {"remind", "Old reminder " + std::to_string(i), "--on", "2026-11-1" + std::to_string(i)});
    box.ok(
        {"remind", "Next thing " + std::to_string(i), "--on", "2026-11-2" + std::to_string(i + 4)});
  }
  box.today = kToday;
  std::string text = box.ok({"report", "--limit", "1", "--ahead", "6"});
  CHECK(text.find(": 5 due, 3 to reach out, 6 coming up\n") != std::string::npos);
  // The one listed due reminder is the promise; the oldest plain reminder is not listed.
  CHECK(text.find("#1 promise to Grace Hopper") != std::string::npos);
  CHECK(text.find("Old reminder 1") == std::string::npos);
  CHECK(text.find("  and 4 more due: kith reminders\n") != std::string::npos);
  CHECK(text.find("  and 2 more overdue: kith list --overdue\n") != std::string::npos);
  CHECK(text.find("  and 5 more coming up: kith reminders, kith dates\n") != std::string::npos);

  json doc = json::parse(box.ok({"report", "--json", "--limit", "2", "--ahead", "6"}));
  CHECK(doc["due_now"].size() == 2);
  CHECK(doc["due_total"] == 5);
  CHECK(doc["due_now"][1]["text"] == "Old reminder 1");  // then the oldest
  CHECK(doc["coming_up"].size() == 2);
  CHECK(doc["coming_up_total"] == 6);
}

TEST_CASE("report --json holds the date and the three sections with every field the text shows",
          "[report]") {
  Sandbox box;
  seed(box);
  json doc = json::parse(box.ok({"report", "--json", "--limit", "2", "--ahead", "3"}));
  CHECK(without_uuids(doc) == json::parse(R"json({
  "date": "2026-11-23",
  "ahead": 3,
  "due_now": [
    {"id": 1, "kind": "promise", "text": "Send the board deck",
     "contact": {"id": 2, "name": "Grace Hopper"}, "due": "2026-11-20", "every": null,
     "done_on": null, "last_done": null, "overdue": true, "cancelled": false, "agenda": []},
    {"id": 2, "kind": "reminder", "text": "Review my mentor list", "contact": null,
     "due": "2026-11-23", "every": "3m", "done_on": null, "last_done": null, "overdue": false,
     "cancelled": false, "agenda": []}
  ],
  "due_total": 2,
  "reach_out": {
    "total": 3,
    "people": [
      {"contact": {"id": 1, "name": "Ada Lovelace", "types": ["mentor"], "circle": 1,
                   "emails": ["ada@example.org"], "phones": [],
                   "learn": "how she picks problems",
                   "offer": "early access to the new compiler"},
       "cadence": "6w", "due": "2026-10-13", "days_overdue": 41, "cadences_overdue": 0.98,
       "last_interaction": {"id": 1, "day": "2026-09-01",
                            "summary": "Career chat about the staff path", "channel": "coffee",
                            "direction": "received", "weight": 2,
                            "people": [{"id": 1, "name": "Ada Lovelace"}]},
       "never_contacted": false,
       "balance": {"given": 0, "received": 2, "net": -2, "last_gave": null},
       "open_promises": 0, "next_promise": null, "weight": 4, "score": 17.83,
       "terms": [{"term": "overdue", "points": 9.83}, {"term": "importance", "points": 6.0},
                 {"term": "balance", "points": 2.0}],
       "reasons": ["5 weeks overdue (every 6 weeks)", "mentor (weight 4)",
                   "you received more than you gave (net -2)"],
       "hints": ["you have received more than you gave (net -2; never gave): offer early access to the new compiler"],
       "agenda": [], "goals": []},
      {"contact": {"id": 6, "name": "José Núñez", "types": ["peer"], "circle": null,
                   "emails": [], "phones": [], "learn": "", "offer": ""},
       "cadence": "8w", "due": "2026-09-26", "days_overdue": 58, "cadences_overdue": 1.04,
       "last_interaction": null, "never_contacted": true,
       "balance": {"given": 0, "received": 0, "net": 0, "last_gave": null},
       "open_promises": 0, "next_promise": null, "weight": 2, "score": 12.26,
       "terms": [{"term": "overdue", "points": 10.26}, {"term": "importance", "points": 2.0}],
       "reasons": ["8 weeks overdue (every 8 weeks)", "peer (weight 2)"],
       "hints": [], "agenda": [], "goals": []}
    ]
  },
  "coming_up": [
    {"date": "2026-11-24", "kind": "occasion",
     "occasion": {"date": "2026-11-24", "label": "met",
                  "contact": {"id": 1, "name": "Ada Lovelace"}, "years": 7}},
    {"date": "2026-11-26", "kind": "occasion",
     "occasion": {"date": "2026-11-26", "label": "birthday",
                  "contact": {"id": 6, "name": "José Núñez"}, "years": 36}}
  ],
  "coming_up_total": 2,
  "occasions_today": [],
  "occasions_today_total": 0
})json"));
}

TEST_CASE("report hints state facts only and put an offer mid-sentence in lower case", "[report]") {
  Sandbox box;
  seed(box);
  box.ok({"log", "mia", "She introduced me to her CTO", "--on", "2026-10-21", "--received"});
  box.ok({"log", "josé", "He reviewed my talk", "--on", "2026-09-20", "--received"});
  box.ok({"edit", "mia", "--offer", "Strong candidates for her team"});
  box.ok({"edit", "ada", "--offer", "AWS credits for the reading group"});
  std::string text = box.ok({"report"});
  CHECK(text.find("offer something") == std::string::npos);
  CHECK(text.find("never contacted since") == std::string::npos);  // "last: never" says it
  CHECK(text.find("    hint: you have received more than you gave (net -1; never gave): offer "
                  "strong candidates for her team\n") != std::string::npos);
  CHECK(text.find("    hint: you have received more than you gave (net -2; never gave): offer "
                  "AWS credits for the reading group\n") != std::string::npos);
  // Without an offer on record, the fact alone.
  CHECK(text.find("    hint: you have received more than you gave (net -1; never gave)\n") !=
        std::string::npos);
  json doc = json::parse(box.ok({"report", "--json"}));
  for (const auto& person : doc["reach_out"]["people"]) {
    CAPTURE(person["contact"]["name"]);
    for (const auto& hint : person["hints"]) {
      CHECK(hint.get<std::string>().find("something") == std::string::npos);
    }
  }
}

TEST_CASE("report --quiet prints nothing at all when nothing is due and the report otherwise",
          "[report]") {
  Sandbox box;
  box.today = "2026-11-01";
  box.ok({"add", "Linus Berg", "--type", "report"});
  box.ok({"remind", "linus", "Ask about the offsite", "--on", "2026-11-25"});
  box.ok({"add", "Ada Lovelace", "--birthday", "--11-24"});
  box.today = kToday;
  box.ok({"log", "linus", "One-on-one"});

  Outcome quiet = box.kith({"report", "--quiet"});
  CHECK(quiet.code == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
  CHECK(box.kith({"report", "--quiet", "--json"}).out.empty());
  CHECK(box.ok({"report"}) == R"(kith report for Monday 23 November 2026: 2 coming up

Nothing due today, and nobody is overdue.

Coming up (next 7 days)
  Tue 2026-11-24  tomorrow     Ada Lovelace: birthday
  Wed 2026-11-25  in 2 days    #1 reminder · Linus Berg: Ask about the offsite
)");

  // Anything due, or a birthday today, is worth a mail.
  box.today = "2026-11-24";
  CHECK(box.ok({"report", "--quiet"}).find("Ada Lovelace: birthday") != std::string::npos);
  box.today = "2026-11-25";
  CHECK(box.ok({"report", "--quiet"}).find("#1 reminder") != std::string::npos);
  // Linus overdue two weeks and a day after the one-on-one, with the reminder about him still
  // due: he is listed under it, not again under Reach out.
  box.today = "2026-12-08";
  std::string late = box.ok({"report", "--quiet"});
  CHECK(late.find("#1 reminder · Linus Berg: Ask about the offsite") != std::string::npos);
  CHECK(late.find("Reach out") == std::string::npos);
  box.ok({"done", "1"});
  CHECK(box.ok({"report", "--quiet"}).find("Linus Berg #1 · report") != std::string::npos);
}

TEST_CASE(
    "report puts occasions that fall today in a Today section first and counts them in its "
    "first line so the quiet mail reads true",
    "[report]") {
  Sandbox box;
  box.today = "2026-11-01";
  box.ok({"add", "Ada Lovelace", "--date", "work anniversary=2021-11-23"});
  box.ok({"add", "Grace Hopper", "--birthday", "--11-25"});
  box.ok({"add", "Linus Berg", "--type", "report"});
  box.today = kToday;
  box.ok({"log", "linus", "One-on-one"});

  const std::string expected =
      R"(kith report for Monday 23 November 2026: 1 occasion today, 1 coming up

Today
  Ada Lovelace: work anniversary (5 years)

No reminders due, and nobody is overdue.

Coming up (next 7 days)
  Wed 2026-11-25  in 2 days    Grace Hopper: birthday
)";
  CHECK(box.ok({"report"}) == expected);
  CHECK(box.ok({"report", "--quiet"}) == expected);
  CHECK(box.ok({"report", "--quiet"}).find("Nothing due today") == std::string::npos);

  json doc = json::parse(box.ok({"report", "--json", "--quiet"}));
  CHECK(without_uuids(doc["occasions_today"]) == json::parse(R"json([
    {"date": "2026-11-23", "label": "work anniversary",
     "contact": {"id": 1, "name": "Ada Lovelace"}, "years": 5}])json"));
  CHECK(doc["occasions_today_total"] == 1);
  CHECK(doc["coming_up"].size() == 1);
  CHECK(doc["coming_up_total"] == 1);

  // With something due too, the first line counts both, and the Today section comes first.
  box.ok({"remind", "Order the cake", "--on", "today"});
  box.ok({"edit", "grace", "--birthday", "--11-23"});
  std::string text = box.ok({"report", "--limit", "1"});
  CHECK(text.substr(0, text.find('\n')) ==
        "kith report for Monday 23 November 2026: 2 occasions today, 1 due");
  CHECK(text.find("\nToday\n  Ada Lovelace: work anniversary (5 years)\n  and 1 more today: "
                  "kith dates\n\nDue now\n") != std::string::npos);
  CHECK(text.find("nobody is overdue") == std::string::npos);  // a reminder is due
  CHECK(text.find("Coming up") == std::string::npos);
}

TEST_CASE("report output piped to a file has no escape bytes unless colour is forced", "[report]") {
  Sandbox box;
  seed(box);
  for (const char* cmd : {"report", "plan"}) {
    CAPTURE(cmd);
    CHECK(box.ok({cmd}).find('\x1b') == std::string::npos);
    CHECK(box.ok({cmd, "--color", "auto"}).find('\x1b') == std::string::npos);
    CHECK(box.ok({cmd, "--color", "always"}).find('\x1b') != std::string::npos);
  }
  box.env = {{"NO_COLOR", "1"}};
  CHECK(box.ok({"report"}).find('\x1b') == std::string::npos);
}

TEST_CASE("report on a database that does not exist yet says so on stderr and creates nothing",
          "[report]") {
  Sandbox box;
  Outcome o = box.kith({"report", "--quiet"});
  CHECK(o.code == 0);
  CHECK(o.out.empty());
  CHECK(o.err ==
        "kith: no database yet at '" + box.db().string() + "'; 'kith add NAME' creates it\n");
  CHECK_FALSE(std::filesystem::exists(box.db()));
  json doc = json::parse(box.ok({"report", "--json"}));
  CHECK(doc["reach_out"]["total"] == 0);
  CHECK(doc["due_now"].empty());
}

TEST_CASE(
    "plan spreads the due people over the working days with why, last talk, learn, offer "
    "and how to reach them",
    "[plan]") {
  Sandbox box;
  seed(box);
  std::string before = box.dump();
  // Grace's promise is due: it speaks for her, and the plan leaves her out.
  CHECK(box.ok({"plan"}) ==
        R"(Outreach plan, Tue 2026-11-24 to Mon 2026-11-30: 4 people on 3 of the 5 days

Tue 2026-11-24 (tomorrow)
  Ada Lovelace #1 · mentor · circle 1
    why:   6 weeks overdue by then (every 6 weeks); mentor (weight 4); you received more than you gave (net -2)
    last:  2026-09-01 (2 months ago), coffee: "Career chat about the staff path"
    learn: how she picks problems
    offer: early access to the new compiler
    reach: ada@example.org
  José Núñez #6 · peer
    why:   8 weeks overdue by then (every 8 weeks); peer (weight 2)
    last:  never (added 2026-08-01)
    reach: no email or phone on record

Wed 2026-11-25 (in 2 days)
  Mia Chen #4 · customer
    why:   8 days overdue by then (every 4 weeks); customer (weight 3)
    last:  2026-10-20 (4 weeks ago), meeting: "Quarterly review of the rollout"
    reach: no email or phone on record

Mon 2026-11-30 (in 7 days)
  Linus Berg #3 · report · circle 1
    why:   due on Mon 2026-11-30 (every 2 weeks); report (weight 3)
    last:  2026-11-16 (7 days ago): "One-on-one"
    reach: no email or phone on record

1 person is spoken for: outreach booked, a meeting or a reminder due (kith reminders)
Book it: kith plan --save (same options)
)");
  CHECK(box.dump() == before);  // without --save, a plan changes nothing

  CHECK(box.ok({"plan", "--per-day", "1", "--days", "3", "--type", "sponsor", "--type", "PEER"}) ==
        R"(Outreach plan, Tue 2026-11-24 to Thu 2026-11-26: 1 person on 1 of the 3 days

Tue 2026-11-24 (tomorrow)
  José Núñez #6 · peer
    why:   8 weeks overdue by then (every 8 weeks); peer (weight 2)
    last:  never (added 2026-08-01)
    reach: no email or phone on record

1 person is spoken for: outreach booked, a meeting or a reminder due (kith reminders)
Book it: kith plan --save (same options)
)");
}

TEST_CASE("plan takes its start, length, people a day and weekends", "[plan]") {
  Sandbox box;
  seed(box);
  auto days_of = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"plan", "--json"});
    json doc = json::parse(box.ok(args));
    std::string out;
    for (const auto& slot : doc["slots"]) {
      out += (out.empty() ? "" : " ") + slot["date"].get<std::string>().substr(5) + ":" +
             std::to_string(slot["person"]["contact"]["id"].get<int>());
    }
    return out;
  };
  // Grace (#2) is spoken for by her promise due 11-20; Ada (#1) from 11-27 on, by a reminder.
  CHECK(days_of({}) == "11-24:1 11-24:6 11-25:4 11-30:3");
  CHECK(days_of({"--per-day", "1"}) == "11-24:1 11-25:6 11-26:4 11-30:3");
  CHECK(days_of({"--per-day", "1", "--start", "friday"}) == "11-27:6 11-30:4 12-01:3");
  CHECK(days_of({"--per-day", "1", "--start", "friday", "--weekends"}) ==
        "11-27:6 11-28:4 11-30:3");
  CHECK(days_of({"--start", "today", "--days", "1", "--per-day", "5"}) ==
        "11-23:1 11-23:6 11-23:4");
  // Three working days from a Saturday: Monday to Wednesday.
  CHECK(days_of({"--start", "2026-11-28", "--days", "3", "--per-day", "1"}) ==
        "11-30:6 12-01:4 12-02:3");
  json doc = json::parse(box.ok({"plan", "--json", "--per-day", "1", "--days", "2"}));
  CHECK(doc["start"] == "2026-11-24");
  CHECK(doc["end"] == "2026-11-25");
  CHECK(doc["unplaced"] == 1);
  CHECK(doc["already_planned"] == 1);
  CHECK(doc["saved"] == false);
  CHECK(doc["slots"][0]["reminder_id"].is_null());
  CHECK(doc["slots"][0]["person"]["reasons"][0] == "6 weeks overdue by then (every 6 weeks)");
}

TEST_CASE("plan --days counts working days and its first line names the days it planned",
          "[plan]") {
  Sandbox box;
  seed(box);
  box.today = "2026-11-26";  // a Thursday: the plan starts on Friday
  std::string text = box.ok({"plan", "--days", "3"});
  CHECK(first_line(text) ==
        "Outreach plan, Fri 2026-11-27 to Tue 2026-12-01: 3 people on 2 of the 3 days");
  CHECK(text.find("\nFri 2026-11-27 (tomorrow)\n") != std::string::npos);
  CHECK(text.find("\nMon 2026-11-30 (in 4 days)\n") != std::string::npos);
  CHECK(text.find("\nTue 2026-12-01") == std::string::npos);  // nobody left for Tuesday
  json doc = json::parse(box.ok({"plan", "--json", "--days", "3"}));
  CHECK(doc["days"] == json::parse(R"(["2026-11-27", "2026-11-30", "2026-12-01"])"));
  CHECK(doc["start"] == "2026-11-27");
  CHECK(doc["end"] == "2026-12-01");

  // With --weekends, three days of any kind; a day without anyone is not counted as used.
  CHECK(first_line(box.ok({"plan", "--days", "3", "--weekends"})) ==
        "Outreach plan, Fri 2026-11-27 to Sun 2026-11-29: 2 people on 1 of the 3 days");
  // One day names that day once.
  CHECK(first_line(box.ok({"plan", "--days", "1"})) ==
        "Outreach plan, Fri 2026-11-27: 2 people over 1 day");
  // A start on a weekend begins on the Monday after it.
  CHECK(first_line(box.ok({"plan", "--days", "1", "--start", "saturday"})) ==
        "Outreach plan, Mon 2026-11-30: 2 people over 1 day");
  // Without --days, a working week; with --weekends, seven days.
  doc = json::parse(box.ok({"plan", "--json"}));
  CHECK(doc["days"].size() == 5);
  CHECK(doc["end"] == "2026-12-03");
  doc = json::parse(box.ok({"plan", "--json", "--weekends"}));
  CHECK(doc["days"].size() == 7);
  CHECK(doc["end"] == "2026-12-03");
}

TEST_CASE("plan gives the reasons as of each slot's day and never says today for a later day",
          "[plan]") {
  Sandbox box;
  seed(box);
  // Linus is due on Monday 30 November, a week from today.
  std::string text = box.ok({"plan", "--type", "report"});
  CHECK(text.find("Mon 2026-11-30 (in 7 days)\n") != std::string::npos);
  CHECK(text.find("    why:   due on Mon 2026-11-30 (every 2 weeks); report (weight 3)\n") !=
        std::string::npos);
  CHECK(text.find("today") == std::string::npos);
  // Two days later he is two days overdue by then.
  CHECK(box.ok({"plan", "--type", "report", "--start", "2026-12-02", "--days", "1"})
            .find("    why:   2 days overdue by then (every 2 weeks); report (weight 3)\n") !=
        std::string::npos);
  json doc = json::parse(box.ok({"plan", "--json", "--type", "report"}));
  CHECK(doc["slots"][0]["person"]["reasons"][0] == "due on Mon 2026-11-30 (every 2 weeks)");
  CHECK(doc["slots"][0]["person"]["days_overdue"] == 0);
  // A plan that starts today words today's slot as the report does.
  box.today = "2026-11-30";
  CHECK(box.ok({"plan", "--type", "report", "--start", "today", "--days", "1"})
            .find("    why:   due today (every 2 weeks); report (weight 3)\n") !=
        std::string::npos);
}

TEST_CASE(
    "plan --save books reminders that the next plan leaves out and the report shows on "
    "their day",
    "[plan]") {
  Sandbox box;
  seed(box);
  box.ok({"done", "1"});  // Grace's promise kept: nothing speaks for her any more
  std::string saved = box.ok({"plan", "--save", "--days", "2"});
  CHECK(saved.find("Grace Hopper #2 · sponsor · circle 2  (reminder #5)") != std::string::npos);
  CHECK(saved.find("Booked as 4 reminders") != std::string::npos);
  CHECK(box.query("SELECT id, contact_id, kind, text, due FROM reminders WHERE kind = 'plan' "
                  "ORDER BY id") ==
        "4|1|plan|Reach out to Ada Lovelace|2026-11-24\n"
        "5|2|plan|Reach out to Grace Hopper|2026-11-24\n"
        "6|6|plan|Reach out to José Núñez|2026-11-25\n"
        "7|4|plan|Reach out to Mia Chen|2026-11-25");

  // Nobody is booked twice.
  std::string again = box.ok({"plan", "--save"});
  CHECK(again.find("Linus Berg #3") != std::string::npos);
  CHECK(again.find("4 people are spoken for: outreach booked, a meeting or a reminder due "
                   "(kith reminders)") != std::string::npos);
  CHECK(box.query("SELECT count(*) FROM reminders WHERE kind = 'plan'") == "5");

  // On the day, the booked outreach is due now, and the person leaves "reach out".
  box.today = "2026-11-24";
  std::string report = box.ok({"report"});
  CHECK(report.find("    #4 plan: Reach out to Ada Lovelace  today\n") != std::string::npos);
  CHECK(report.find("    #5 plan: Reach out to Grace Hopper  today\n") != std::string::npos);
  CHECK(report.find("Reach out\n") == std::string::npos);

  // Talking to someone completes their booked outreach.
  CHECK(box.ok({"log", "grace", "Call about the deck"}) ==
        "Logged with Grace Hopper on 2026-11-24; next check-in 2026-12-22; planned outreach "
        "done.\n");
  CHECK(box.query("SELECT done_on FROM reminders WHERE id = 5") == "2026-11-24");
  CHECK(box.query("SELECT count(*) FROM reminders WHERE kind = 'plan' AND done_on IS NULL") == "4");
  // A talk long before a booked day (backfilled) leaves the booking alone.
  box.ok({"log", "linus", "Old one-on-one", "--on", "2026-11-17"});
  CHECK(box.query("SELECT done_on IS NULL FROM reminders WHERE contact_id = 3 AND kind = "
                  "'plan'") == "1");
}

TEST_CASE("plan with nobody due says so and saves nothing", "[plan]") {
  Sandbox box;
  box.ok({"add", "Linus Berg", "--type", "report"});
  std::string before = box.dump();
  CHECK(box.ok({"plan", "--save"}) == "Nobody is due by Fri 2026-11-27: nothing to plan.\n");
  CHECK(box.dump() == before);
}

TEST_CASE("report and plan refuse bad options with one line and change nothing", "[report][plan]") {
  Sandbox box;
  seed(box);
  std::string before = box.dump();
  struct Case {
    std::vector<std::string> args;
    int code;
    std::string err;
  };
  std::vector<Case> cases = {
      {{"report", "--limit", "-1"}, 2, "kith: invalid --limit -1: expected 0 to 1000\n"},
      {{"report", "--ahead", "400"}, 2, "kith: invalid --ahead 400: expected 0 to 366 days\n"},
      {{"report", "--limit", "many"}, 2, ""},
      {{"plan", "--days", "0"}, 2, "kith: invalid --days 0: expected 1 to 366\n"},
      {{"plan", "--per-day", "0"}, 2, "kith: invalid --per-day 0: expected 1 to 50\n"},
      {{"plan", "--per-day", "51", "--save"}, 2, "kith: invalid --per-day 51: expected 1 to 50\n"},
      {{"plan", "--start", "2026-11-20", "--save"},
       2,
       "kith: --start 2026-11-20 is in the past (today is 2026-11-23): a plan is for today or "
       "later\n"},
      {{"plan", "--start", "2026-02-30"}, 2, ""},
      {{"plan", "--type", "investor", "--save"},
       2,
       "kith: unknown type 'investor' (known: customer, manager, mentor, peer, report, "
       "sponsor)\n"},
      {{"plan", "--type", "no way"}, 2, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args);
    Outcome o = box.kith(c.args);
    CHECK(o.code == c.code);
    CHECK(o.out.empty());
    CHECK(line_count(o.err) == 1);
    if (!c.err.empty()) CHECK(o.err == c.err);
    CHECK(box.dump() == before);
  }
}

}  // namespace kith::test
