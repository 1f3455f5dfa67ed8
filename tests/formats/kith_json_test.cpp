// kith's JSON document: written one record per line, read back one record at a time, and
// every way a file can be wrong named by where it is wrong.
#include "formats/kith_json.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

namespace kith::formats {
namespace {

constexpr const char* kUuid = "0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10";
constexpr const char* kOther = "11111111-2222-4333-8444-555555555555";
constexpr const char* kStamp = "2026-11-22T21:03:11.512Z";

ContactRecord full_contact() {
  ContactRecord r;
  Contact& c = r.contact;
  c.uuid = kUuid;
  c.name = "José Núñez";
  c.types = {"mentor", "sponsor"};
  c.every = *Duration::parse("3w");
  c.emails = {"jose@example.com"};
  c.phones = {"+1 555-0112"};
  c.org = "Acme";
  c.title = "VP";
  c.birthday = *YearlyDate::parse("--03-14");
  c.dates = {{"work anniversary", *YearlyDate::parse("2019-03-01")}};
  c.circle = 2;
  c.met_via = "Grace";
  c.tags = {"exec"};
  c.learn = "leading";
  c.offer = "data";
  c.note = "Line one\nLine two";
  c.added_on = *Date::parse_iso("2026-01-05");
  c.archived = true;
  c.created_at = kStamp;
  c.updated_at = "2026-11-23T08:00:00.000Z";
  r.met_via_contact = kOther;
  r.external_ids = {{ExternalSource::linkedin, "https://www.linkedin.com/in/jose",
                     *Date::parse_iso("2024-11-21")}};
  return r;
}

std::string write_document(const std::function<void(KithJsonWriter&)>& records) {
  std::ostringstream out;
  KithJsonWriter writer(out, kStamp);
  records(writer);
  writer.finish();
  return out.str();
}

// Reads `text` with handlers for every section that collect what they see, re-written.
struct Collected {
  std::string error;
  std::string written;  // the records read, written again
  KithJsonOutline outline;
};

Collected collect(const std::string& text) {
  std::vector<TypeRecord> types;
  std::vector<ContactRecord> contacts;
  std::vector<InteractionRecord> interactions;
  std::vector<ReminderRecord> reminders;
  std::vector<GoalRecord> goals;
  KithJsonHandlers handlers;
  handlers.type = [&](TypeRecord& r) {
    types.push_back(r);
    return Status();
  };
  handlers.contact = [&](ContactRecord& r) {
    contacts.push_back(r);
    return Status();
  };
  handlers.interaction = [&](InteractionRecord& r) {
    interactions.push_back(r);
    return Status();
  };
  handlers.goal = [&](GoalRecord& r) {
    goals.push_back(r);
    return Status();
  };
  handlers.reminder = [&](ReminderRecord& r) {
    reminders.push_back(r);
    return Status();
  };
  std::istringstream in(text);
  auto read = read_kith_json(in, handlers);
  Collected out;
  if (!read) {
    out.error = read.error().message;
    return out;
  }
  out.outline = *read;
  out.written = write_document([&](KithJsonWriter& w) {
    for (const auto& r : types) w.add(r);
    for (const auto& r : contacts) w.add(r);
    for (const auto& r : interactions) w.add(r);
    for (const auto& r : reminders) w.add(r);
    for (const auto& r : goals) w.add(r);
  });
  return out;
}

std::string error_of(const std::string& text) { return collect(text).error; }

// A document with one contact whose JSON is `contact`.
std::string with_contact(const std::string& contact) {
  return R"({"format":"kith","version":1,"contacts":[)" + contact + "]}";
}

std::string valid_contact(const std::string& extra = "") {
  return std::string(R"({"uuid":")") + kUuid +
         R"(","name":"Ada","added_on":"2026-01-05","created_at":")" + kStamp +
         R"(","updated_at":")" + kStamp + "\"" + extra + "}";
}

}  // namespace

TEST_CASE("a document is written one record per line, every section present", "[formats][json]") {
  TypeRecord type;
  type.type = {"friend", std::nullopt, 2, false, kOther};
  type.created_at = type.updated_at = kStamp;
  std::string text = write_document([&](KithJsonWriter& w) { w.add(type); });
  CHECK(text ==
        "{\n"
        "  \"format\": \"kith\",\n"
        "  \"version\": 1,\n"
        "  \"exported_at\": \"2026-11-22T21:03:11.512Z\",\n"
        "  \"types\": [\n"
        "    {\"uuid\":\"11111111-2222-4333-8444-555555555555\",\"name\":\"friend\","
        "\"every\":null,\"weight\":2,\"builtin\":false,\"created_at\":\"2026-11-22T21:03:11.512Z\","
        "\"updated_at\":\"2026-11-22T21:03:11.512Z\"}\n"
        "  ],\n"
        "  \"contacts\": [],\n"
        "  \"interactions\": [],\n"
        "  \"reminders\": [],\n"
        "  \"goals\": [],\n"
        "  \"links\": []\n"
        "}\n");
}

TEST_CASE("every field of every record survives writing and reading", "[formats][json]") {
  InteractionRecord interaction;
  interaction.interaction.uuid = kOther;
  interaction.interaction.day = *Date::parse_iso("2026-11-20");
  interaction.interaction.summary = "Panel prep";
  interaction.interaction.channel = Channel::meal;
  interaction.interaction.direction = Direction::gave;
  interaction.interaction.weight = 3;
  interaction.interaction.created_at = kStamp;
  interaction.people = {kUuid, kOther};  // sorted, as kith keeps them
  interaction.updated_at = kStamp;
  ReminderRecord reminder;
  reminder.reminder.uuid = kOther;
  reminder.reminder.kind = ReminderKind::plan;
  reminder.reminder.text = "Reach out";
  reminder.reminder.due = *Date::parse_iso("2026-11-30");
  reminder.reminder.every = *Duration::parse("2w");
  reminder.reminder.anchor = *Date::parse_iso("2026-11-16");
  reminder.reminder.last_done = *Date::parse_iso("2026-11-16");
  reminder.reminder.done_on = *Date::parse_iso("2026-11-20");
  reminder.reminder.cancelled = true;
  reminder.contact = kUuid;
  reminder.created_at = reminder.updated_at = kStamp;
  GoalRecord goal;
  goal.goal.uuid = kOther;
  goal.goal.text = "Become a staff engineer";
  goal.goal.by = *Date::parse_iso("2027-06-30");
  goal.goal.needs = {"mentor", "sponsor"};
  goal.goal.added_on = *Date::parse_iso("2026-09-01");
  goal.goal.done_on = *Date::parse_iso("2026-11-20");
  goal.goal.created_at = goal.goal.updated_at = kStamp;
  goal.people = {{kUuid, "mentor"}};
  std::string text = write_document([&](KithJsonWriter& w) {
    w.add(full_contact());
    w.add(interaction);
    w.add(reminder);
    w.add(goal);
  });
  Collected back = collect(text);
  CHECK(back.error.empty());
  CHECK(back.written == text);
  CHECK(back.outline.version == 1);
  CHECK(back.outline.exported_at == kStamp);
  CHECK(back.outline.counts == std::array<std::size_t, kSections>{0, 1, 1, 1, 1});
}

TEST_CASE("a reminder's cancelled flag is its last key, and a file without it means not cancelled",
          "[formats][json]") {
  ReminderRecord reminder;
  reminder.reminder.uuid = kOther;
  reminder.reminder.text = "Send the deck";
  reminder.reminder.due = reminder.reminder.anchor = *Date::parse_iso("2026-11-30");
  reminder.reminder.done_on = *Date::parse_iso("2026-11-22");
  reminder.reminder.cancelled = true;
  reminder.created_at = reminder.updated_at = kStamp;
  std::string text = write_document([&](KithJsonWriter& w) { w.add(reminder); });
  CHECK(text.find(R"("due":"2026-11-30","every":null,"anchor":"2026-11-30","done_on":"2026-11-22",)"
                  R"("last_done":null,"created_at":"2026-11-22T21:03:11.512Z",)"
                  R"("updated_at":"2026-11-22T21:03:11.512Z","cancelled":true})") !=
        std::string::npos);

  auto read_one = [](const std::string& extra) {
    std::string document = std::string(R"({"format":"kith","version":1,"reminders":[{"uuid":")") +
                           kOther + R"(","text":"x","due":"2026-11-30","created_at":")" + kStamp +
                           R"(","updated_at":")" + kStamp + "\"" + extra + "}]}";
    std::optional<ReminderRecord> got;
    KithJsonHandlers handlers;
    handlers.reminder = [&](ReminderRecord& r) {
      got = r;
      return Status();
    };
    std::istringstream in(document);
    auto read = read_kith_json(in, handlers);
    std::string error = read ? "" : read.error().message;
    return std::make_pair(got, error);
  };
  auto older = read_one("");  // as an older kith wrote it
  CHECK(older.second.empty());
  REQUIRE(older.first);
  CHECK_FALSE(older.first->reminder.cancelled);
  auto cancelled = read_one(R"(,"done_on":"2026-11-22","cancelled":true)");
  REQUIRE(cancelled.first);
  CHECK(cancelled.first->reminder.cancelled);
  CHECK(read_one(R"(,"cancelled":true)").second ==
        std::string("reminders[0] (uuid ") + kOther +
            R"(): "cancelled": a cancelled reminder needs "done_on", the day it was cancelled)");
  CHECK(read_one(R"(,"done_on":"2026-11-22","cancelled":"yes")").second ==
        std::string("reminders[0] (uuid ") + kOther + R"(): "cancelled": expected true or false)");
}

TEST_CASE("optional keys may be left out and unknown keys are ignored", "[formats][json]") {
  std::string text = R"({"format":"kith","version":1,"future":{"deep":[1,2,{"x":null}]},)"
                     R"("contacts":[)" +
                     valid_contact(R"(,"hobby":"chess")") + "]}";
  Collected back = collect(text);
  CHECK(back.error.empty());
  CHECK(back.outline.counts[1] == 1);
}

TEST_CASE("sections in another order are read, and the outline says which order",
          "[formats][json]") {
  Collected back = collect(R"({"reminders":[],"contacts":[],"version":1,"types":[],)"
                           R"("format":"kith"})");
  CHECK(back.error.empty());
  CHECK(back.outline.order ==
        std::vector<Section>{Section::reminders, Section::contacts, Section::types});
}

TEST_CASE("a pass without handlers builds no record and still counts them", "[formats][json]") {
  std::istringstream in(with_contact(valid_contact() + "," + valid_contact()));
  auto read = read_kith_json(in, {});
  REQUIRE(read);
  CHECK(read->counts[1] == 2);
}

TEST_CASE("files that are not a kith export are refused, saying where", "[formats][json]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"",
       "not valid JSON at line 1, column 1: unexpected end of input; expected '[', '{', or "
       "a literal"},
      {R"({"format":"kith","version":1,"contacts":[{"uuid":"x","note":"my secret)",
       "not valid JSON at line 1, column 71: invalid string: missing closing quote"},
      {"\x89PNG\r\n\x1a\n", "not valid JSON at line 1, column 1: invalid literal"},
      {"[1,2]", "not a kith export: the top is not a JSON object"},
      {R"({"version":1})", "not a kith export: no \"format\": \"kith\""},
      {R"({"format":"vcard","version":1})", "not a kith export: \"format\" is not \"kith\""},
      {R"({"format":"kith"})", "no \"version\""},
      {R"({"format":"kith","version":2})",
       "kith export version 2 is newer than this kith reads (1): upgrade kith"},
      {R"({"format":"kith","version":"1"})", "unsupported kith export version \"1\" (expected 1)"},
      {R"({"format":"kith","version":1,"contacts":{}})", "\"contacts\" is not an array"},
      {R"({"format":"kith","version":1,"contacts":[1]})", "contacts[0]: expected an object"},
      {R"({"format":"kith","format":"kith","version":1})", "duplicate key \"format\""},
      {R"({"format":"kith","version":1} trailing)",
       "not valid JSON at line 1, column 33: invalid literal; expected end of input"},
  };
  for (const auto& [text, message] : cases) {
    CAPTURE(text);
    CHECK(error_of(text) == message);
  }
}

TEST_CASE("an error never quotes the text it stopped in", "[formats][json]") {
  std::string error =
      error_of(R"({"format":"kith","version":1,"contacts":[{"note":"private health details)");
  CHECK(error.find("private") == std::string::npos);
  CHECK(error.find("line 1") != std::string::npos);
}

TEST_CASE("nesting is bounded before it can exhaust anything", "[formats][json]") {
  std::string deep = R"({"format":"kith","version":1,"x":)" + std::string(100000, '[');
  CHECK(error_of(deep) == "nested deeper than 16 levels");
}

TEST_CASE("a bad record is named by section, index and uuid, with the problem", "[formats][json]") {
  const std::string prefix = std::string("contacts[0] (uuid ") + kUuid + "): ";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"(,"name":null)", "missing \"name\""},
      {R"(,"name":"  ")", "\"name\": invalid name '  ': it is empty"},
      {R"(,"types":["9lives"])",
       "\"types\": invalid type name '9lives': use a letter, then letters, digits, '-' or '_' (at "
       "most 32)"},
      {R"(,"circle":4)", "\"circle\": expected an integer from 1 to 3"},
      {R"(,"circle":1.5)", "\"circle\": expected an integer from 1 to 3"},
      {R"(,"birthday":"2025-02-30")",
       "\"birthday\": invalid date '2025-02-30': February 2025 has 28 days"},
      {R"(,"emails":["nope"])", "\"emails\": invalid email 'nope': expected name@domain"},
      {R"(,"archived":"yes")", "\"archived\": expected true or false"},
      {R"(,"note":"bell\u0007")", "\"note\": invalid note: it contains control characters"},
      {R"(,"met_via_contact":"bob")",
       "\"met_via_contact\": expected a UUID like 0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10"},
      {R"(,"external_ids":[{"source":"myspace","id":"x"}])",
       "\"external_ids\": invalid external id source 'myspace': expected vcard or linkedin"},
      {R"(,"name":"Ada","name":"Bob")", "duplicate key \"name\""},
  };
  for (const auto& [extra, problem] : cases) {
    CAPTURE(extra);
    std::string contact = valid_contact(extra);
    if (extra.rfind(R"(,"name":)", 0) == 0) {  // replace the name rather than repeat it
      contact = std::string(R"({"uuid":")") + kUuid + R"(")" + extra +
                R"(,"added_on":"2026-01-05","created_at":")" + kStamp + R"(","updated_at":")" +
                kStamp + "\"}";
    }
    if (extra == R"(,"name":"Ada","name":"Bob")") {
      CHECK(error_of(with_contact(contact)) == "contacts[0]: " + problem);
    } else {
      CHECK(error_of(with_contact(contact)) == prefix + problem);
    }
  }
  CHECK(error_of(with_contact(R"({"name":"Ada"})")) == "contacts[0]: missing \"uuid\"");
  CHECK(error_of(with_contact(std::string(R"({"uuid":")") + kUuid +
                              R"(","name":"Ada","added_on":"2026-01-05","created_at":")" + kStamp +
                              R"(","updated_at":"yesterday"})")) ==
        prefix + "\"updated_at\": expected a UTC time like 2026-11-22T21:03:11.512Z");
  CHECK(error_of(R"({"format":"kith","version":1,"interactions":[{"uuid":")" + std::string(kUuid) +
                 R"(","day":"2026-01-01","summary":"x","people":[],)" + R"("created_at":")" +
                 kStamp + R"(","updated_at":")" + kStamp + R"("}]})") ==
        std::string("interactions[0] (uuid ") + kUuid +
            "): \"people\": an interaction needs at least one person");
}

TEST_CASE("a number too large for a double is named by its record and key, not quoted",
          "[formats][json]") {
  const std::string prefix = std::string("contacts[0] (uuid ") + kUuid + "): ";
  CHECK(error_of(with_contact(valid_contact(R"(,"circle":1e400)"))) ==
        prefix + "\"circle\": number out of range");
  CHECK(error_of(with_contact(valid_contact(R"(,"weight":-1)" + std::string(400, '9')))) ==
        prefix + "\"weight\": number out of range");
  // Before the uuid, the record is named by its index alone; nested, by the key that holds it.
  CHECK(error_of(with_contact(R"({"circle":1e999,"uuid":")" + std::string(kUuid) + "\"}")) ==
        "contacts[0]: \"circle\": number out of range");
  CHECK(error_of(with_contact(valid_contact(R"(,"dates":[{"label":"x","n":[1E+400]}])"))) ==
        prefix + "\"dates\": number out of range");
  CHECK(error_of(R"({"format":"kith","version":1e400})") == "\"version\": number out of range");
  CHECK(error_of(R"({"format":"kith","version":1,"extra":[1e400]})") ==
        "a number out of range at byte 43");
  // The pass without handlers (the outline an import reads first) says the same.
  std::istringstream in(with_contact(valid_contact(R"(,"circle":1e400)")));
  auto outline = read_kith_json(in, {});
  REQUIRE_FALSE(outline);
  CHECK(outline.error().code == Errc::bad_file);
  CHECK(outline.error().message == prefix + "\"circle\": number out of range");
}

TEST_CASE("a handler's cancellation stops the pass and is passed on as it is", "[formats][json]") {
  KithJsonHandlers handlers;
  handlers.contact = [](ContactRecord&) -> Status {
    return Error{Errc::cancelled, "cancelled; nothing was changed"};
  };
  std::istringstream in(with_contact(valid_contact()));
  auto read = read_kith_json(in, handlers);
  REQUIRE_FALSE(read);
  CHECK(read.error().code == Errc::cancelled);
  CHECK(read.error().message == "cancelled; nothing was changed");
}

TEST_CASE("a handler's error stops the pass and gets the record's name", "[formats][json]") {
  KithJsonHandlers handlers;
  handlers.contact = [](ContactRecord&) -> Status { return invalid_input("unknown type 'x'"); };
  std::istringstream in(with_contact(valid_contact()));
  auto read = read_kith_json(in, handlers);
  REQUIRE_FALSE(read);
  CHECK(read.error().code == Errc::bad_file);
  CHECK(read.error().message == std::string("contacts[0] (uuid ") + kUuid + "): unknown type 'x'");
  handlers.contact = [](ContactRecord&) -> Status { return Error{Errc::storage, "locked"}; };
  std::istringstream again(with_contact(valid_contact()));
  CHECK(read_kith_json(again, handlers).error().code == Errc::storage);
}

TEST_CASE("an interaction's line is what a JSON library writes for it, whatever its text",
          "[formats][json]") {
  std::string every_ascii;
  for (int c = 1; c < 128; ++c) every_ascii += static_cast<char>(c);
  for (std::string summary :
       {std::string("Plain"), every_ascii, std::string("José \"Núñez\" \\ 👩‍🚀"),
        std::string("tab\there\nnewline\r\x1f")}) {
    CAPTURE(summary);
    InteractionRecord r;
    r.interaction.uuid = kUuid;
    r.interaction.day = *Date::parse_iso("2026-11-20");
    r.interaction.summary = summary;
    r.interaction.channel = Channel::coffee;
    r.interaction.direction = Direction::gave;
    r.interaction.weight = 3;
    r.interaction.created_at = kStamp;
    r.updated_at = kStamp;
    r.people = {kOther, kUuid};
    nlohmann::ordered_json j;
    j["uuid"] = kUuid;
    j["day"] = "2026-11-20";
    j["summary"] = summary;
    j["channel"] = "coffee";
    j["direction"] = "gave";
    j["weight"] = 3;
    j["people"] = r.people;
    j["created_at"] = kStamp;
    j["updated_at"] = kStamp;
    std::string document = write_document([&](KithJsonWriter& w) { w.add(r); });
    CHECK(document.find(j.dump()) != std::string::npos);
    r.interaction.channel.reset();
    j["channel"] = nullptr;
    document = write_document([&](KithJsonWriter& w) { w.add(r); });
    CHECK(document.find(j.dump()) != std::string::npos);
  }
}

}  // namespace kith::formats
