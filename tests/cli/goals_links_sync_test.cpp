// End-to-end: career goals, "knows" links and targets across devices (kith sync DIR) and
// through kith merge and kith rm: they travel, wait for people who have not arrived yet,
// follow a merge, and go with a deleted person everywhere.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json sync(const Sandbox& box, const fs::path& folder) {
  return json::parse(box.ok({"--json", "sync", folder.string()}));
}

// What must be equal on every device: goals with their people, links and targets, by uuid.
std::string state(const Sandbox& box) {
  return box.query("SELECT uuid, text, by_day, needs, added_on, done_on FROM goals ORDER BY uuid") +
         "\n#\n" +
         box.query(
             "SELECT g.uuid, c.uuid, p.role FROM goal_people p JOIN goals g ON g.id = p.goal_id"
             " JOIN contacts c ON c.id = p.contact_id ORDER BY 1, 2") +
         "\n#\n" +
         box.query(
             "SELECT k.uuid, a.uuid, b.uuid, k.how, k.since FROM knows k"
             " JOIN contacts a ON a.id = k.a JOIN contacts b ON b.id = k.b ORDER BY 1") +
         "\n#\n" + box.query("SELECT uuid, target, archived FROM contacts ORDER BY uuid");
}

}  // namespace

TEST_CASE("sync DIR carries goals with their people and roles, knows links and targets",
          "[sync][devices][goals][links]") {
  Sandbox laptop;
  Sandbox phone;
  const fs::path shared = laptop.dir() / "shared";
  laptop.ok({"add", "Maya Chen", "--type", "mentor"});
  laptop.ok({"add", "Lin Okafor", "--target", "--org", "Initech"});
  laptop.ok({"goal", "add", "Become a staff engineer", "--needs", "mentor,sponsor"});
  laptop.ok({"goal", "link", "1", "maya", "--as", "mentor"});
  laptop.ok({"knows", "maya", "lin", "--how", "former colleagues at Initech"});
  sync(laptop, shared);
  sync(phone, shared);

  CHECK(phone.query("SELECT text, needs FROM goals") == "Become a staff engineer|mentor,sponsor");
  CHECK(phone.query("SELECT c.name, p.role FROM goal_people p"
                    " JOIN contacts c ON c.id = p.contact_id") == "Maya Chen|mentor");
  CHECK(phone.query("SELECT how FROM knows") == "former colleagues at Initech");
  CHECK(phone.query("SELECT target FROM contacts WHERE name = 'Lin Okafor'") == "1");
  CHECK(phone.query("SELECT due IS NULL FROM contact_stats s JOIN contacts c"
                    " ON c.id = s.contact_id WHERE c.name = 'Lin Okafor'") == "1");
  CHECK(state(phone) == state(laptop));

  // Edits on both sides: a second person and the goal done on the phone, the link's words
  // changed on the laptop.
  phone.ok({"add", "Priya Nair", "--type", "sponsor"});
  phone.ok({"goal", "link", "1", "priya", "--as", "sponsor"});
  phone.ok({"goal", "done", "1", "--on", "2026-11-20"});
  laptop.ok({"knows", "maya", "lin", "--how", "worked together at Initech"});
  sync(phone, shared);
  sync(laptop, shared);
  sync(phone, shared);
  CHECK(laptop.query("SELECT done_on FROM goals") == "2026-11-20");
  CHECK(laptop.query("SELECT count(*) FROM goal_people") == "2");
  CHECK(phone.query("SELECT how FROM knows") == "worked together at Initech");
  CHECK(state(phone) == state(laptop));
}

TEST_CASE("sync DIR carries a goal person unlinked and a knows link forgotten",
          "[sync][devices][goals][links]") {
  Sandbox a;
  Sandbox b;
  const fs::path shared = a.dir() / "shared";
  a.ok({"add", "Maya Chen"});
  a.ok({"add", "Lin Okafor"});
  a.ok({"goal", "add", "Speak at a conference"});
  a.ok({"goal", "link", "1", "maya", "lin"});
  a.ok({"knows", "maya", "lin"});
  sync(a, shared);
  sync(b, shared);
  a.ok({"goal", "unlink", "1", "lin"});
  a.ok({"knows", "maya", "lin", "--forget"});
  sync(a, shared);
  sync(b, shared);
  CHECK(b.query("SELECT c.name FROM goal_people p JOIN contacts c ON c.id = p.contact_id") ==
        "Maya Chen");
  CHECK(b.query("SELECT count(*) FROM knows") == "0");
  CHECK(state(a) == state(b));
}

TEST_CASE("sync DIR applies a goal and a link whose person arrives in a later file",
          "[sync][devices][goals][links]") {
  Sandbox a;
  Sandbox b;
  Sandbox c;
  const fs::path shared = a.dir() / "shared";
  a.ok({"add", "Maya Chen"});
  sync(a, shared);
  sync(b, shared);
  b.ok({"add", "Lin Okafor"});
  b.ok({"goal", "add", "Learn distributed systems"});
  b.ok({"goal", "link", "1", "maya"});
  b.ok({"knows", "maya", "lin"});
  sync(b, shared);
  // c sees b's file before a's arrives: Maya is not known there yet.
  const fs::path a_folder = shared / a.query("SELECT id FROM sync_device");
  const fs::path parked = a.dir() / "parked";
  fs::rename(a_folder, parked);
  const json early = sync(c, shared);
  CHECK(early["deferred"] == 2);
  CHECK(c.query("SELECT count(*) FROM goals") == "0");
  CHECK(c.query("SELECT count(*) FROM knows") == "0");
  fs::rename(parked, a_folder);
  const json later = sync(c, shared);
  CHECK(later["deferred"] == 0);
  CHECK(state(c) == state(b));
}

TEST_CASE("kith merge moves goal links and knows links to the kept contact and drops a self-link",
          "[merge][goals][links]") {
  Sandbox box;
  box.ok({"add", "Dmitriy Ivanov"});
  box.ok({"add", "Dima Ivanov", "--force"});
  box.ok({"add", "Maya Chen"});
  box.ok({"add", "Lin Okafor"});
  box.ok({"goal", "add", "Become a staff engineer"});
  box.ok({"goal", "link", "1", "Dmitriy Ivanov", "--as", "mentor"});
  box.ok({"goal", "link", "1", "Dima Ivanov", "--as", "peer"});
  box.ok({"goal", "add", "Publish a paper"});
  box.ok({"goal", "link", "2", "Dima Ivanov"});
  box.ok({"knows", "Dmitriy Ivanov", "Dima Ivanov"});
  box.ok({"knows", "Dima Ivanov", "maya", "--how", "climbing"});
  box.ok({"knows", "Dima Ivanov", "lin"});
  box.ok({"knows", "Dmitriy Ivanov", "lin", "--how", "school"});

  const json preview =
      json::parse(box.ok({"--json", "merge", "Dmitriy Ivanov", "Dima Ivanov", "--dry-run"}));
  CHECK(preview.dump().find("\"goals\":2") != std::string::npos);
  CHECK(preview.dump().find("\"links\":2") != std::string::npos);

  box.ok({"merge", "Dmitriy Ivanov", "Dima Ivanov"});
  // Goal 1 keeps the kept contact's role; goal 2 gains him.
  CHECK(box.query("SELECT p.goal_id, c.name, p.role FROM goal_people p"
                  " JOIN contacts c ON c.id = p.contact_id ORDER BY 1") ==
        "1|Dmitriy Ivanov|mentor\n2|Dmitriy Ivanov|");
  // The link between the two is gone; Lin is known once, by the kept contact's words.
  CHECK(box.query("SELECT a.name, b.name, k.how FROM knows k JOIN contacts a ON a.id = k.a"
                  " JOIN contacts b ON b.id = k.b ORDER BY b.name") ==
        "Dmitriy Ivanov|Lin Okafor|school\nDmitriy Ivanov|Maya Chen|climbing");
}

TEST_CASE("kith rm takes a person's goal links and knows links with them, on every device",
          "[rm][sync][devices][goals][links]") {
  Sandbox a;
  Sandbox b;
  const fs::path shared = a.dir() / "shared";
  a.ok({"add", "Maya Chen"});
  a.ok({"add", "Lin Okafor"});
  a.ok({"goal", "add", "Become a staff engineer"});
  a.ok({"goal", "link", "1", "maya", "lin"});
  a.ok({"knows", "maya", "lin", "--how", "Lin's sister"});
  sync(a, shared);
  sync(b, shared);
  a.ok({"rm", "lin", "--yes"});
  sync(a, shared);
  sync(b, shared);
  for (const Sandbox* box : {&a, &b}) {
    CHECK(box->query("SELECT count(*) FROM knows") == "0");
    CHECK(box->query("SELECT c.name FROM goal_people p JOIN contacts c ON c.id = p.contact_id") ==
          "Maya Chen");
    CHECK(box->query("SELECT count(*) FROM goals") == "1");
  }
  // Nothing of the link's words is left in the journal.
  CHECK(a.query("SELECT count(*) FROM journal_chunks"
                " WHERE instr(changeset, CAST('sister' AS BLOB)) > 0") == "0");
  CHECK(a.query("SELECT count(*) FROM journal WHERE instr(summary, 'sister') > 0") == "0");
}

}  // namespace kith::test
