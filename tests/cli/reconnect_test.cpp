// End-to-end: kith reconnect on a fixed network and a fixed today (2026-11-22), and the one
// reconnect suggestion under a plan with room.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {

using nlohmann::json;

namespace {

// As of 2026-11-22:
//   Lin Wu (mentor, 6 weeks): 5 interactions, gave 4 and received 6, silent since 2025-09-30.
//   Sam Roe (no type): lunch on 2026-06-01, silent since.
//   Rui Costa (no type): talked on 2026-11-01: not dormant yet.
//   Nell Park (no type): never talked to: not a tie.
//   Otto Weiss (no type, archived): long silent, but archived.
void seed(Sandbox& box) {
  box.today = "2024-01-10";
  box.ok({"add", "Lin Wu", "--type", "mentor", "--offer", "intro to Ada", "--circle", "2"});
  box.ok({"add", "Sam Roe"});
  box.ok({"add", "Rui Costa"});
  box.ok({"add", "Nell Park"});
  box.ok({"add", "Otto Weiss"});
  box.today = "2026-11-22";
  box.ok({"log", "lin", "Intro call", "--on", "2024-02-01", "--via", "call", "--received",
          "--weight", "3"});
  box.ok({"log", "lin", "Reviewed her talk", "--on", "2024-05-01", "--gave", "--weight", "4"});
  box.ok({"log", "lin", "Career advice", "--on", "2024-09-01", "--received", "--weight", "3"});
  box.ok({"log", "lin", "Conference dinner", "--on", "2025-03-01", "--via", "meal"});
  box.ok({"log", "lin", "talked about the Rust rewrite", "--on", "2025-09-30", "--via", "coffee"});
  box.ok({"log", "sam", "Lunch at the conference", "--on", "2026-06-01", "--via", "meal"});
  box.ok({"log", "rui", "Quick call", "--on", "2026-11-01", "--via", "call"});
  box.ok({"log", "otto", "Old project", "--on", "2023-06-01"});
  box.ok({"archive", "otto"});
}

}  // namespace

TEST_CASE("reconnect lists dormant ties with why and the last thing talked about", "[reconnect]") {
  Sandbox box;
  seed(box);
  const std::string before = box.dump();
  Outcome o = box.kith({"reconnect"});
  CHECK(o.code == 0);
  CHECK(o.err.empty());
  CHECK(o.out == R"(Dormant ties worth reviving: 2

  Lin Wu #1 · mentor · circle 2
    why:  5 interactions, you gave 4 and received 6, mentor; silent 13 months (every 6 weeks); you could offer: intro to Ada
    last: 2025-09-30 (13 months ago), coffee: "talked about the Rust rewrite"

  Sam Roe #2
    why:  1 interaction; silent 5 months
    last: 2026-06-01 (5 months ago), meal: "Lunch at the conference"

Bring one back into the rhythm: kith edit WHO --every 3m
)");
  CHECK(box.dump() == before);  // reads only
}

TEST_CASE("reconnect --limit lists the best few and says how many more there are", "[reconnect]") {
  Sandbox box;
  seed(box);
  Outcome o = box.kith({"reconnect", "--limit", "1"});
  CHECK(o.code == 0);
  CHECK(o.out.rfind("Dormant ties worth reviving: 1 of 2\n\n  Lin Wu #1", 0) == 0);
  CHECK(o.out.find("Sam Roe") == std::string::npos);
  CHECK(o.out.find("\n1 more: kith reconnect --limit 2\n") != std::string::npos);
}

TEST_CASE("reconnect --json gives each tie with its score, terms, reasons and last interaction",
          "[reconnect]") {
  Sandbox box;
  seed(box);
  json doc = json::parse(box.ok({"reconnect", "--json"}));
  CHECK(doc["date"] == "2026-11-22");
  CHECK(doc["total"] == 2);
  REQUIRE(doc["ties"].size() == 2);
  const json& lin = doc["ties"][0];
  CHECK(lin["contact"]["name"] == "Lin Wu");
  CHECK(lin["contact"]["offer"] == "intro to Ada");
  CHECK(lin["cadence"] == "6w");
  CHECK(lin["interactions"] == 5);
  CHECK(lin["balance"]["given"] == 4);
  CHECK(lin["balance"]["received"] == 6);
  CHECK(lin["heaviest_type"] == "mentor");
  CHECK(lin["silent_days"] == 418);
  CHECK(lin["last_interaction"]["summary"] == "talked about the Rust rewrite");
  std::vector<std::string> terms;
  double sum = 0;
  for (const json& t : lin["terms"]) {
    terms.push_back(t["term"]);
    sum += t["points"].get<double>();
  }
  CHECK(terms == std::vector<std::string>{"history", "exchange", "importance", "silence", "offer"});
  CHECK(lin["score"].get<double>() == Approx(sum).margin(0.03));
  CHECK(lin["reasons"][1] == "silent 13 months (every 6 weeks)");
  const json& sam = doc["ties"][1];
  CHECK(sam["cadence"] == nullptr);
  CHECK(sam["heaviest_type"] == nullptr);
  CHECK(sam["interactions"] == 1);
}

TEST_CASE("a tie brought back into the rhythm with edit --every is no longer dormant",
          "[reconnect]") {
  Sandbox box;
  seed(box);
  box.ok({"edit", "sam", "--every", "3m"});
  Outcome o = box.kith({"reconnect"});
  CHECK(o.code == 0);
  CHECK(o.out.find("Sam Roe") == std::string::npos);
  CHECK(o.out.rfind("Dormant ties worth reviving: 1\n", 0) == 0);
}

TEST_CASE("reconnect with nobody dormant says so, and prints nothing without a database",
          "[reconnect]") {
  Sandbox box;
  Outcome none = box.kith({"reconnect"});
  CHECK(none.code == 0);
  CHECK(none.out.empty());
  CHECK(none.err.find("no database yet") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(box.db()));
  json empty = json::parse(box.ok({"reconnect", "--json"}));
  CHECK(empty["total"] == 0);
  CHECK(empty["ties"] == json::array());

  box.ok({"add", "Rui Costa"});
  box.ok({"log", "rui", "Quick call", "--on", "2026-11-01"});
  Outcome o = box.kith({"reconnect"});
  CHECK(o.code == 0);
  CHECK(o.err.empty());
  CHECK(o.out == "No dormant ties: nobody you have talked with has gone quiet.\n");
}

}  // namespace kith::test

namespace kith::test {

TEST_CASE("a plan with room suggests the dormant tie most worth reviving not in the plan",
          "[reconnect][plan]") {
  Sandbox box;
  seed(box);
  // Lin is overdue, so the plan books her; Sam is the best tie left.
  Outcome o = box.kith({"plan"});
  CHECK(o.code == 0);
  CHECK(o.err.empty());
  CHECK(o.out.find("\n  Lin Wu #1 · mentor · circle 2\n") != std::string::npos);
  CHECK(o.out.find("\n\nReconnect: Sam Roe #2 — 1 interaction; silent 5 months\n\n"
                   "Book it: kith plan --save (same options)\n") != std::string::npos);
  json doc = json::parse(box.ok({"plan", "--json"}));
  CHECK(doc["reconnect"]["contact"]["name"] == "Sam Roe");
  CHECK(doc["reconnect"]["reasons"][1] == "silent 5 months");

  // No room (one slot, Lin's), or only some types asked for: no suggestion.
  Outcome full = box.kith({"plan", "--days", "1", "--per-day", "1"});
  CHECK(full.out.find("Reconnect:") == std::string::npos);
  CHECK(json::parse(box.ok({"plan", "--json", "--days", "1", "--per-day", "1"}))["reconnect"] ==
        nullptr);
  CHECK(json::parse(box.ok({"plan", "--json", "--type", "mentor"}))["reconnect"] == nullptr);

  // The suggestion is never booked.
  box.ok({"plan", "--save"});
  CHECK(box.query("SELECT group_concat(text, ', ') FROM reminders") == "Reach out to Lin Wu");
}

}  // namespace kith::test
