// End-to-end: career goals. Adding, linking, changing and closing goals; the list and one goal's
// page with its people, gaps and suggestions; plan --goal and the report's marks; export and
// import; each checked in stdout, stderr, the exit code and the database afterwards.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/harness.hpp"

namespace kith::test {

using nlohmann::json;

namespace {

// Ada, a mentor (talked 2026-11-10); Grace, a sponsor whose title is "Staff engineer"; Lin, a
// peer who wants to learn how one becomes staff; Sam, a peer with a coffee about the principal
// engineer path; Old Friend, archived, whose learn mentions staff. Today is 2026-11-22.
void seed(Sandbox& box) {
  box.today = "2026-09-01";
  box.ok({"add", "Ada Lovelace", "--type", "mentor"});
  box.ok({"add", "Grace Hopper", "--type", "sponsor", "--title", "Staff engineer"});
  box.ok({"add", "Lin Wu", "--type", "peer", "--learn", "How she made staff", "--note",
          "private: staff drama"});
  box.ok({"add", "Sam Roe", "--type", "peer"});
  box.ok({"add", "Old Friend", "--type", "peer", "--learn", "staff promotions"});
  box.ok({"archive", "old friend"});
  box.today = "2026-11-22";
  box.ok({"log", "ada", "Coffee", "--on", "2026-11-10", "--via", "coffee"});
  box.ok({"log", "sam", "Talked about the principal engineer path", "--on", "2026-10-03", "--via",
          "coffee"});
}

}  // namespace

TEST_CASE("goal add prints the new goal's id, and the list shows it with what it lacks",
          "[cli][goal]") {
  Sandbox box;
  seed(box);
  CHECK(box.ok({"goal"}) ==
        "No open goals. Set one: kith goal add TEXT [--by DATE] [--needs mentor,sponsor]\n");
  Outcome added = box.kith({"goal", "add", "Become a staff engineer", "--by", "2027-06-30",
                            "--needs", "mentor,sponsor"});
  CHECK(added.code == 0);
  CHECK(added.err.empty());
  CHECK(added.out == "");
  CHECK(box.query("SELECT id, text, by_day, needs, added_on, done_on IS NULL FROM goals") ==
        "1|Become a staff engineer|2027-06-30|mentor,sponsor|2026-11-22|1");
}
