// kith undo, undo --list and redo (kith/use_cases/journal.hpp), on in-memory stores, and the
// property that undoing is the same as never having done: a database after any sequence of
// commands and undos equals the one made by replaying only the commands still in force.
#include "kith/use_cases/journal.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <map>
#include <random>

#include "core/use_cases/network.hpp"
#include "kith/use_cases/interactions.hpp"
#include "kith/use_cases/reminders.hpp"
#include "kith/use_cases/types.hpp"

namespace kith::test {
namespace {

namespace fs = std::filesystem;

LogRequest coffee(std::vector<std::string> people, std::string summary, bool gave = false,
                  int weight = 1) {
  LogRequest request;
  request.people = std::move(people);
  request.summary = std::move(summary);
  request.gave = gave;
  request.weight = weight;
  return request;
}

std::string balance(Store& store, const std::string& who) {
  auto contact = store.resolve(who);
  REQUIRE(contact);
  return std::to_string(contact->balance.given) + "/" + std::to_string(contact->balance.received) +
         " last " + (contact->last_contact ? contact->last_contact->to_string() : "never");
}

}  // namespace

TEST_CASE("undo reverts the last change and the balances follow", "[journal]") {
  Network net;
  net.add("José Núñez");
  REQUIRE(
      log_interaction(net.store(), coffee({"josé"}, "Sent him the savings", true, 2), net.today));
  CHECK(balance(net.store(), "josé") == "2/0 last 2026-11-22");

  auto undone = undo_change(net.store(), std::nullopt);
  REQUIRE(undone);
  CHECK(undone->undone);
  CHECK(undone->command == "log");
  CHECK(undone->summary == "log with José Núñez on 2026-11-22, 'Sent him the savings'");
  CHECK(balance(net.store(), "josé") == "0/0 last never");
  CHECK(net.store().history({})->empty());
  CHECK(net.store().find("savings", 10)->empty());

  auto redone = redo_change(net.store());
  REQUIRE(redone);
  CHECK_FALSE(redone->undone);
  CHECK(balance(net.store(), "josé") == "2/0 last 2026-11-22");
  CHECK(net.store().find("savings", 10)->size() == 1);
}

TEST_CASE("undo --list shows the changes newest first, with what each touched", "[journal]") {
  Network net;
  net.add("Ada");
  net.add("Grace");
  REQUIRE(log_interaction(net.store(), coffee({"ada", "grace"}, "Lunch"), net.today));
  auto entries = list_changes(net.store(), 0);
  REQUIRE(entries);
  REQUIRE(entries->size() == 3);
  CHECK((*entries)[0].summary == "log with Ada and Grace on 2026-11-22, 'Lunch'");
  CHECK((*entries)[0].touched.interactions == 1);
  CHECK((*entries)[0].touched.contacts == 0);
  CHECK((*entries)[1].summary == "add Grace");
  CHECK((*entries)[1].touched.contacts == 1);
  CHECK((*entries)[2].id < (*entries)[1].id);
  CHECK(list_changes(net.store(), 1)->size() == 1);
}

TEST_CASE("nothing to undo or redo is not_found", "[journal]") {
  Network net;
  CHECK(undo_change(net.store(), std::nullopt).error().code == Errc::not_found);
  CHECK(redo_change(net.store()).error().code == Errc::not_found);
  net.add("Ada");
  REQUIRE(undo_change(net.store(), std::nullopt));
  CHECK(undo_change(net.store(), std::nullopt).error().code == Errc::not_found);
  CHECK(undo_change(net.store(), 99).error().code == Errc::not_found);
}

TEST_CASE("redo is refused once something else was written after the undo", "[journal]") {
  Network net;
  net.add("Ada");
  net.add("Grace");
  REQUIRE(undo_change(net.store(), std::nullopt));
  net.add("Linus");
  auto redo = redo_change(net.store());
  REQUIRE_FALSE(redo);
  CHECK(redo.error().code == Errc::not_found);
  CHECK_FALSE(net.store().resolve("grace"));
}

TEST_CASE("undo ID reverts an earlier change alone when nothing later touched its records",
          "[journal]") {
  Network net;
  net.add("Ada");
  net.add("Grace");
  REQUIRE(log_interaction(net.store(), coffee({"ada"}, "First"), net.today));
  REQUIRE(log_interaction(net.store(), coffee({"grace"}, "Second", true), net.today));
  std::int64_t first = (*list_changes(net.store(), 0))[1].id;

  auto undone = undo_change(net.store(), first);
  REQUIRE(undone);
  CHECK(undone->summary == "log with Ada on 2026-11-22, 'First'");
  CHECK(balance(net.store(), "ada") == "0/0 last never");
  CHECK(balance(net.store(), "grace") == "1/0 last 2026-11-22");
  CHECK(undo_change(net.store(), first).error().code == Errc::invalid_input);  // already undone
}

TEST_CASE("undo ID is refused, naming the later change, while a later change touched its records",
          "[journal]") {
  Network net;
  net.add("Ada");
  std::int64_t added = (*list_changes(net.store(), 0))[0].id;
  REQUIRE(log_interaction(net.store(), coffee({"ada"}, "Coffee"), net.today));
  std::int64_t logged = (*list_changes(net.store(), 0))[0].id;

  auto refused = undo_change(net.store(), added);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::invalid_input);
  CHECK(refused.error().message ==
        "cannot undo change #" + std::to_string(added) + " (add Ada) alone: change #" +
            std::to_string(logged) +
            " (log with Ada on 2026-11-22, 'Coffee') touched the same records since; undo "
            "that first");
  CHECK(net.store().resolve("ada"));

  // Once the later one is undone, the earlier one can go too.
  REQUIRE(undo_change(net.store(), logged));
  REQUIRE(undo_change(net.store(), added));
  CHECK_FALSE(net.store().resolve("ada"));
}

TEST_CASE("an edit of a person does not block undoing an interaction with them", "[journal]") {
  Network net;
  net.add("Ada");
  REQUIRE(log_interaction(net.store(), coffee({"ada"}, "Coffee"), net.today));
  std::int64_t logged = (*list_changes(net.store(), 0))[0].id;
  ContactChange org;
  org.org = "Analytical Engines";
  REQUIRE(edit_contact(net.store(), "ada", org, net.today));
  REQUIRE(undo_change(net.store(), logged));
  CHECK(net.store().resolve("ada")->org == "Analytical Engines");
  CHECK(balance(net.store(), "ada") == "0/0 last never");
}

TEST_CASE("rm erases every change that touched the person and leaves the others", "[journal]") {
  Network net;
  net.add("Ada");
  net.add("Grace");
  REQUIRE(log_interaction(net.store(), coffee({"ada", "grace"}, "Lunch"), net.today));
  REQUIRE(log_interaction(net.store(), coffee({"grace"}, "Tea"), net.today));
  auto removed = remove_contact(net.store(), "ada", true, net.today);
  REQUIRE(removed);
  CHECK(removed->changes_forgotten == 2);
  std::vector<std::string> left;
  for (const JournalEntry& e : *list_changes(net.store(), 0)) left.push_back(e.summary);
  CHECK(left == std::vector<std::string>{"log with Grace on 2026-11-22, 'Tea'", "add Grace"});
  // rm itself is no change to undo: the last one is still the tea.
  auto undone = undo_change(net.store(), std::nullopt);
  REQUIRE(undone);
  CHECK(undone->summary == "log with Grace on 2026-11-22, 'Tea'");
}

TEST_CASE("a write without a note is refused and leaves nothing", "[journal]") {
  Network net;
  Status status = net.store().write([&]() -> Status {
    Contact c;
    c.name = "Ada";
    c.added_on = net.today;
    auto id = net.store().add_contact(c);
    if (!id) return id.error();
    return {};
  });
  REQUIRE_FALSE(status);
  CHECK(status.error().code == Errc::internal);
  CHECK_FALSE(net.store().resolve("ada"));
  CHECK(list_changes(net.store(), 0)->empty());
}

TEST_CASE("the journal keeps the newest change and prunes what is older than its bounds",
          "[journal]") {
  Network net;
  ContactChange change;
  change.name = "Old";
  REQUIRE(add_contact(net.store(), change, day("2026-01-01")));
  change.name = "New";
  REQUIRE(add_contact(net.store(), change, net.today));  // more than 90 days later
  auto entries = list_changes(net.store(), 0);
  REQUIRE(entries->size() == 1);
  CHECK((*entries)[0].summary == "add New");
}

// --- Undoing is never having done.

namespace {

// Every record as sorted text, by the names people know things by (ids and uuids differ
// between two databases holding the same records), with each person's summary and the terms of
// both search indexes.
std::string logical_dump(const fs::path& file) {
  SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
  std::string out;
  auto rows = [&](const std::string& title, const std::string& sql) {
    out += "[" + title + "]\n";
    SQLite::Statement st(db, sql);
    while (st.executeStep()) {
      for (int i = 0; i < st.getColumnCount(); ++i) {
        out += st.getColumn(i).isNull() ? "NULL" : st.getColumn(i).getString();
        out += '|';
      }
      out += '\n';
    }
  };
  rows("contacts",
       "SELECT c.name, c.every, c.org, c.note, c.added_on, c.archived,"
       " (SELECT group_concat(name) FROM (SELECT t.name FROM contact_types ct"
       "   JOIN types t ON t.id = ct.type_id WHERE ct.contact_id = c.id ORDER BY t.name)),"
       " s.last_day, s.given, s.received, s.last_gave_day, s.cadence, s.weight, s.due"
       " FROM contacts c JOIN contact_stats s ON s.contact_id = c.id ORDER BY c.name");
  rows("interactions",
       "SELECT i.day, i.summary, i.direction, i.weight,"
       " (SELECT group_concat(name || '@' || day) FROM (SELECT c.name, p.day"
       "   FROM interaction_people p JOIN contacts c ON c.id = p.contact_id"
       "   WHERE p.interaction_id = i.id ORDER BY c.name))"
       " FROM interactions i ORDER BY i.summary");
  rows("reminders",
       "SELECT coalesce(c.name, ''), r.kind, r.text, r.due, r.anchor, r.done_on, r.last_done,"
       " r.cancelled FROM reminders r LEFT JOIN contacts c ON c.id = r.contact_id ORDER BY r.text");
  rows("types", "SELECT name, every, weight FROM types ORDER BY name");
  db.exec("CREATE VIRTUAL TABLE temp.cv USING fts5vocab(main, contacts_fts, instance)");
  db.exec("CREATE VIRTUAL TABLE temp.iv USING fts5vocab(main, interactions_fts, instance)");
  rows("contact terms",
       "SELECT v.term, c.name, v.col FROM temp.cv v JOIN contacts c ON c.id = v.doc"
       " ORDER BY 1, 2, 3");
  rows("interaction terms",
       "SELECT v.term, i.summary FROM temp.iv v JOIN interactions i ON i.id = v.doc"
       " ORDER BY 1, 2");
  db.exec("INSERT INTO contacts_fts (contacts_fts) VALUES ('integrity-check')");
  db.exec("INSERT INTO interactions_fts (interactions_fts) VALUES ('integrity-check')");
  return out;
}

// One command of a random session, as a function of the store so that it can run again.
using Command = std::function<bool(Store&)>;

// The id of a reminder by its (unique) text.
std::optional<std::int64_t> reminder_by_text(Store& store, const std::string& text) {
  auto all = store.reminders(std::nullopt, true);
  for (const Reminder& r : *all) {
    if (r.text == text) return r.id;
  }
  return std::nullopt;
}

// The id of an interaction by its (unique) summary.
std::optional<std::int64_t> interaction_by_summary(Store& store, const std::string& prefix) {
  auto all = store.history({});
  for (const Interaction& i : *all) {
    if (i.summary.rfind(prefix + " ", 0) == 0) return i.id;
  }
  return std::nullopt;
}

class Session {
 public:
  Session(std::uint32_t seed, Date today) : random_(seed), today_(today) {}

  // A random command; true when it wrote something.
  // A random command on what `store` holds: people, interactions and reminders are named by
  // what they are called (unique names, summaries and texts), never by id, so that the command
  // finds the same records when it runs again on another database.
  Command next(Store& store) {
    std::string person = "P" + std::to_string(pick(6));
    std::string other = "P" + std::to_string(pick(6));
    int n = ++counter_;
    // An existing interaction's summary word and an open reminder's text, when there are.
    std::string talk = "none", task = "none";
    if (auto all = store.history({}); all && !all->empty()) {
      const std::string& summary = (*all)[pick(static_cast<int>(all->size()))].summary;
      talk = summary.substr(0, summary.find(' '));
    }
    if (auto open = store.reminders(std::nullopt); open && !open->empty()) {
      task = (*open)[pick(static_cast<int>(open->size()))].text;
    }
    Date today = today_;
    switch (pick(13)) {
      case 9: {
        int weight = 1 + pick(5);
        int ago = pick(30);
        bool with = pick(2) == 0;
        return [=](Store& s) -> bool {
          auto id = interaction_by_summary(s, talk);
          if (!id) return false;
          AmendRequest request;
          request.id = *id;
          request.weight = weight;
          request.on = today.plus_days(-ago);
          request.received = true;
          if (with && s.resolve(other)) request.with = {other};
          return static_cast<bool>(amend_interaction(s, request, today));
        };
      }
      case 10: {
        return [=](Store& s) -> bool {
          auto id = interaction_by_summary(s, talk);
          return id && unlog_interaction(s, *id, today);
        };
      }
      case 11: {
        return [=](Store& s) -> bool {
          auto id = reminder_by_text(s, task);
          return id && cancel_reminder(s, *id, today);
        };
      }
      case 12: {
        int in = 1 + pick(30);
        return [=](Store& s) -> bool {
          auto id = reminder_by_text(s, task);
          if (!id) return false;
          ReminderChange change;
          change.in = *Duration::parse(std::to_string(in) + "d");
          if (s.resolve(other)) change.about = other;
          return static_cast<bool>(change_reminder(s, *id, change, today));
        };
      }
      case 0:
      case 1: {
        std::string type = std::vector<std::string>{"mentor", "peer", "sponsor", ""}[pick(4)];
        return [=](Store& s) -> bool {
          ContactChange change;
          change.name = person;
          if (!type.empty()) change.types = {type};
          return !s.resolve(person) && add_contact(s, change, today);
        };
      }
      case 2: {
        std::string org = "org" + std::to_string(pick(3));
        return [=](Store& s) -> bool {
          ContactChange change;
          change.org = org;
          change.note = "note" + std::to_string(n);
          return static_cast<bool>(edit_contact(s, person, change, today));
        };
      }
      case 3:
      case 4: {
        bool gave = pick(2) == 0;
        int weight = 1 + pick(3);
        int ago = pick(40);
        return [=](Store& s) -> bool {
          std::vector<std::string> people;
          for (const std::string& who : {person, other}) {
            if (s.resolve(who)) people.push_back(who);
          }
          if (people.empty()) return false;
          LogRequest request = coffee(
              people, "talk" + std::to_string(n) + " word" + std::to_string(n % 4), gave, weight);
          request.on = today.plus_days(-ago);
          return static_cast<bool>(log_interaction(s, request, today));
        };
      }
      case 5: {
        int in = 1 + pick(20);
        return [=](Store& s) -> bool {
          ReminderRequest request;
          request.who = person;
          request.text = "task" + std::to_string(n);
          request.on = today.plus_days(in);
          return static_cast<bool>(remind(s, request, today));
        };
      }
      case 6: {
        return [=](Store& s) -> bool {
          auto id = reminder_by_text(s, task);
          return id && complete_reminder(s, *id, false, today);
        };
      }
      case 7: {
        bool archive = pick(2) == 0;
        return [=](Store& s) -> bool {
          auto result = archive_contact(s, person, archive, today);
          return result && result->changed;
        };
      }
      default: {
        int weight = 1 + pick(5);
        return [=](Store& s) -> bool {
          TypeChange change;
          change.weight = weight;
          return static_cast<bool>(set_type(s, "peer", change, today));
        };
      }
    }
  }
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }

 private:
  std::mt19937 random_;
  Date today_;
  int counter_ = 0;
};

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("kith-journal-" + std::to_string(std::random_device{}()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

}  // namespace

TEST_CASE("after any commands and undos, the database is the one the commands in force make",
          "[journal][property]") {
  const Date today = day("2026-11-22");
  for (std::uint32_t seed = 1; seed <= 16; ++seed) {
    CAPTURE(seed);
    TempDir dir;
    Session session(seed, today);
    std::map<std::int64_t, Command> by_change;  // the command that made each change
    {
      auto store = Store::open(dir.path / "kith.db", Store::Access::write);
      REQUIRE(store);
      auto newest = [&]() -> std::int64_t {
        auto last = store->journal(1);
        return last->empty() ? 0 : (*last)[0].id;
      };
      for (int step = 0; step < 60; ++step) {
        int what = session.pick(10);
        if (what < 7) {
          Command command = session.next(*store);
          std::int64_t before = newest();
          if (command(*store) && newest() != before) by_change[newest()] = command;
        } else if (what == 7) {
          (void)undo_change(*store, std::nullopt);
        } else if (what == 8 && !by_change.empty()) {
          auto it = by_change.begin();
          std::advance(it, session.pick(static_cast<int>(by_change.size())));
          (void)undo_change(*store, it->first);  // refused when a later change touched it
        } else {
          (void)redo_change(*store);
        }
      }
      // Which changes are in force, as the journal says.
      for (const JournalEntry& entry : *store->journal(0)) {
        if (entry.undone) by_change.erase(entry.id);
      }
    }
    {
      auto replay = Store::open(dir.path / "replay.db", Store::Access::write);
      REQUIRE(replay);
      for (auto& [id, command] : by_change) {
        CAPTURE(id);
        REQUIRE(command(*replay));
      }
    }
    CHECK(logical_dump(dir.path / "kith.db") == logical_dump(dir.path / "replay.db"));
  }
}

}  // namespace kith::test
