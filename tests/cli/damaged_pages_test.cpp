// End-to-end: a command that exits non-zero leaves the database exactly as it was, even when
// the database is damaged where the command reads. A command must read everything it reports
// inside its transaction: a read after the commit that fails would report an error for a change
// that was made (and every retry would make it again).
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <map>

#include "cli/harness.hpp"

namespace kith::test {
namespace fs = std::filesystem;
namespace {

// A small network with a record in every table: types of the user's own, contacts with tags,
// channels, dates, an introducer and an external id, an archived contact, an interaction,
// a follow-up, a promise and a recurring reminder, and someone overdue for `plan --save`.
void seed(const Sandbox& box) {
  box.ok({"--today", "2026-01-05", "add", "Ada Lovelace", "--type", "mentor", "--tag", "ml",
          "--email", "ada@example.com", "--phone", "555 0100", "--birthday", "1990-12-01", "--date",
          "met=06-21", "--note", "Likes engines"});
  box.ok({"add", "Grace Hopper", "--type", "sponsor", "--met-via", "ada"});
  box.ok({"add", "Old Friend", "--type", "peer"});
  box.ok({"archive", "old friend"});
  box.ok({"types", "add", "friend", "--every", "1m"});
  box.ok({"log", "grace", "Lunch", "--on", "2026-11-20", "--gave", "--next", "friday", "Slides"});
  box.ok({"remind", "grace", "Send the deck", "--on", "friday", "--promise"});
  box.ok({"remind", "Water the plants", "--on", "today", "--every", "1w"});
  box.ok({"goal", "add", "Become a staff engineer", "--by", "2027-06-30"});
  box.ok({"goal", "link", "1", "ada"});
  write_file(box.dir() / "seed.vcf",
             "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:seed-card\r\nFN:Jean Sammet\r\nEND:VCARD\r\n");
  box.ok({"import", (box.dir() / "seed.vcf").string()});
}

// Bytes that are no valid b-tree page, the same every run.
void scribble(std::string& bytes, std::size_t at, std::size_t length) {
  for (std::size_t i = 0; i < length && at + i < bytes.size(); ++i) {
    bytes[at + i] = static_cast<char>((i * 37 + 11) % 256);
  }
}

}  // namespace

TEST_CASE("a non-zero exit leaves the database exactly as it was, whatever page is damaged",
          "[faults]") {
  Sandbox box;
  seed(box);
  const fs::path card = box.dir() / "new.vcf";
  write_file(card,
             "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:new-card\r\nFN:Zed New\r\nEMAIL:zed@example.com\r\n"
             "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\n"
             "EMAIL:ada@example.com\r\nORG:Engines\r\nEND:VCARD\r\n");
  // Every write command, each touching what it can of the seed.
  const std::vector<std::vector<std::string>> writes = {
      {"add", "Zed"},
      {"add", "Zed", "--type", "friend", "--tag", "new", "--email", "zed@example.com", "--date",
       "met=01-01", "--met-via", "ada"},
      {"edit", "ada", "--org", "Acme", "--type", "peer", "--no-tag", "ml", "--tag", "history"},
      {"log", "ada", "grace", "Coffee", "--received", "--next", "tomorrow", "Call back"},
      {"remind", "grace", "Call", "--on", "friday"},
      {"remind", "grace", "1:1", "--on", "friday", "--every", "1w", "--meeting"},
      {"agenda", "grace", "Ask about the yard"},
      {"log", "grace", "Coffee", "--done", "3", "--covered", "all"},
      {"skip", "grace", "--note", "Away"},
      {"knows", "ada", "grace", "--how", "Former colleagues"},
      {"intro", "ada", "grace", "Introduced them", "--how", "Met at the yard"},
      {"done", "3"},
      {"snooze", "2", "1w"},
      {"cancel", "2"},
      {"change", "3", "--every", "2w", "--about", "ada"},
      {"amend", "1", "--weight", "2", "--with", "ada", "--summary", "Long lunch"},
      {"unlog", "1"},
      {"archive", "grace"},
      {"unarchive", "old friend"},
      {"rm", "grace", "--yes"},
      {"merge", "ada", "grace", "jean"},
      {"add", "Zed", "--aka", "Z", "--linkedin", "linkedin.com/in/zed"},
      {"types", "add", "club"},
      {"types", "set", "peer", "--weight", "5"},
      {"import", card.string()},
      {"sync", (box.dir() / "shared").string()},
      {"plan", "--save"},
      {"goal", "add", "Ship the book", "--needs", "none"},
      {"goal", "link", "1", "grace", "--as", "sponsor"},
      {"goal", "unlink", "1", "ada"},
      {"goal", "change", "1", "--text", "Become a principal engineer", "--no-by"},
      {"goal", "done", "1"},
      {"goal", "drop", "1"},
      {"undo"},
  };

  // The pages of each table with its indexes (and of the schema itself), the WAL folded in
  // first.
  {
    SQLite::Database db(box.db().string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  const std::size_t page_size = std::stoul(box.query("PRAGMA page_size"));
  std::map<std::string, std::vector<std::size_t>> pages;  // table -> its pages and its indexes'
  {
    SQLite::Database db(box.db().string(), SQLite::OPEN_READONLY);
    SQLite::Statement st(db,
                         "SELECT coalesce(s.tbl_name, d.name), d.pageno FROM dbstat d"
                         " LEFT JOIN sqlite_schema s ON s.name = d.name ORDER BY 1, 2");
    while (st.executeStep()) {
      pages[st.getColumn(0).getString()].push_back(
          static_cast<std::size_t>(st.getColumn(1).getInt64()));
    }
  }
  for (const char* table :
       {"types", "contacts", "contact_tags", "contact_channels", "important_dates", "interactions",
        "interaction_people", "contact_stats", "reminders", "external_ids"}) {
    CAPTURE(table);
    REQUIRE(pages.count(table) == 1);  // the seed put every table in the file
  }
  const std::string good = read_file(box.db());
  REQUIRE(fs::exists(box.db()));
  REQUIRE(read_file(box.db().string() + "-wal").empty());

  std::map<std::string, int> codes;  // "table: the command's words" -> its exit code
  for (const auto& [table, numbers] : pages) {
    CAPTURE(table);
    std::string damaged = good;
    for (std::size_t page : numbers) scribble(damaged, (page - 1) * page_size, page_size);
    for (const auto& args : writes) {
      CAPTURE(args);
      write_file(box.db(), damaged);
      fs::remove(box.db().string() + "-wal");
      fs::remove(box.db().string() + "-shm");
      Outcome o = box.kith(args);
      std::string command;
      for (const auto& arg : args) command += (command.empty() ? "" : " ") + arg;
      codes[table + ": " + command] = o.code;
      if (o.code == 0) continue;  // the command did not need the damaged pages
      INFO("exit " << o.code << ", stderr: " << o.err);
      CHECK(o.out.empty());
      CHECK(read_file(box.db()) == damaged);
      // Nothing committed waits in a WAL to be folded in later either.
      CHECK(read_file(box.db().string() + "-wal").empty());
    }
  }
  // Issue 15: the add was committed, then reading the types to report its due failed.
  CHECK(codes["types: add Zed"] == 5);
  CHECK(codes["contacts: archive grace"] == 5);
}

}  // namespace kith::test
