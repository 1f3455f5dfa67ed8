// vCard: reading 2.1, 3.0 and 4.0 as phones and address books write them, and writing 4.0.
#include "formats/vcard.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "formats/fixtures.hpp"

namespace kith::formats {
namespace {

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// A patch as lines "field: value", only the fields it has.
std::string describe(const ContactPatch& p) {
  std::string out = "name: " + p.name + "\n";
  auto line = [&](const char* field, const std::string& value) {
    if (!value.empty()) out += std::string(field) + ": " + value + "\n";
  };
  line("uids", list(p.uids));
  line("emails", list(p.emails));
  line("phones", list(p.phones));
  line("org", p.org.value_or(""));
  line("title", p.title.value_or(""));
  line("birthday", p.birthday ? p.birthday->to_string() : "");
  std::vector<std::string> dates;
  for (const auto& d : p.dates) dates.push_back(d.label + "=" + d.date.to_string());
  line("dates", list(dates));
  line("tags", list(p.tags));
  line("types", list(p.types));
  line("note", p.note.value_or(""));
  std::vector<std::string> ids;
  for (const auto& id : p.external_ids) {
    ids.push_back(std::string(to_string(id.source)) + " " + id.id +
                  (id.since ? " since " + id.since->to_string() : ""));
  }
  line("external", list(ids));
  return out;
}

struct Read {
  std::string people;  // described patches, separated by "--\n"
  std::string warnings;
  std::string error;
};

Read read(const std::string& text) {
  std::istringstream in(text);
  VCardReader reader(in);
  Read out;
  std::vector<std::string> warnings;
  VCard card;
  while (true) {
    auto more = reader.next(card);
    if (!more) {
      out.error = more.error().message;
      break;
    }
    if (!*more) break;
    if (auto patch = contact_patch(card, warnings)) {
      if (!out.people.empty()) out.people += "--\n";
      out.people += describe(*patch);
    }
  }
  for (const auto& w : warnings) out.warnings += w + "\n";
  return out;
}

std::string error_of(const std::string& text) { return read(text).error; }

}  // namespace

TEST_CASE("an old phone's vCard 2.1: bare types, quoted-printable, charsets", "[formats][vcard]") {
  Read r = read(test::fixture("phone-2.1.vcf"));
  CHECK(r.error.empty());
  CHECK(r.people ==
        "name: Jürgen Müller\n"
        "emails: juergen.mueller@example.de\n"
        "phones: +49 170 1234567, 030 1234567\n"
        "birthday: 1975-03-21\n"
        "note: Met at the Berlin meetup. Prefers phone calls in the morning; speaks German and "
        "English.\nSecond line.\n"
        "--\n"
        "name: Renée Lefèvre\n"
        "phones: +33 1 23 45 67 89\n"
        "org: Société Générale\n"
        "--\n"
        "name: Dr. Chidi Okoro\n"
        "phones: 0803 555 0199\n"
        "title: Directeur général\n");
  CHECK(r.warnings ==
        "line 23: invalid phone 'call reception first': expected digits with optional + - ( ) . "
        "spaces; left out\n");
}

TEST_CASE("Google Contacts' vCard 3.0: types, escapes, groups, myContacts, no name",
          "[formats][vcard]") {
  Read r = read(test::fixture("google-3.0.vcf"));
  CHECK(r.error.empty());
  CHECK(r.people ==
        "name: Grace Hopper\n"
        "emails: grace@example.com, ghopper@navy.example.mil\n"
        "phones: +1 202-555-0143, +1 202-555-0100\n"
        "org: US Navy\n"
        "title: Rear Admiral, Computer Scientist\n"
        "birthday: 1906-12-09\n"
        "dates: anniversary=1930-06-15\n"
        "tags: mentors, conference-speakers\n"
        "note: Invented the first compiler.\nAsk about COBOL; and nanoseconds.\n"
        "external: linkedin https://www.linkedin.com/in/grace-hopper\n"
        "--\n"
        "name: someone.from.a.thread@example.org\n"
        "emails: someone.from.a.thread@example.org\n"
        "--\n"
        "name: Linus Torvalds\n"
        "emails: linus@example.org\n"
        "birthday: --12-28\n");
  CHECK(r.warnings.empty());
}

TEST_CASE("Apple Contacts' vCard 3.0: item groups with labels, year 1604, photo, UID",
          "[formats][vcard]") {
  Read r = read(test::fixture("apple-3.0.vcf"));
  CHECK(r.error.empty());
  CHECK(r.people ==
        "name: Johnny Appleseed\n"
        "uids: 8C2B4E1A-7F3D-4B6A-9E21-3D5C7A9B0F12:ABPerson\n"
        "emails: johnny@example.com\n"
        "phones: +1 (408) 555-0100\n"
        "org: Orchard Computers, Hardware Engineering\n"
        "title: Principal Engineer\n"
        "birthday: --05-12\n"
        "dates: anniversary=2015-06-20, joined Orchard=2019-03-01\n"
        "note: Grows apples. Likes café au lait ☕.\n"
        "external: linkedin https://www.linkedin.com/in/johnnya\n");
  CHECK(r.warnings.empty());
}

TEST_CASE("Nextcloud's vCard 4.0: tel URIs, --MMDD, ANNIVERSARY, folded UTF-8 notes",
          "[formats][vcard]") {
  Read r = read(test::fixture("nextcloud-4.0.vcf"));
  CHECK(r.error.empty());
  CHECK(r.people ==
        "name: Zoë Laurent-Østergård\n"
        "uids: 5F1C9A72-3B8E-4D0A-B6F4-2E7D9C1A8B35\n"
        "emails: zoe@example.eu, ZOE.LAURENT@example.net\n"
        "phones: +45-20-12-34-56\n"
        "org: Nordic Data Cooperative\n"
        "title: Head of Platform\n"
        "birthday: --03-15\n"
        "dates: anniversary=2010-06-12\n"
        "tags: work, conference-speakers\n"
        "note: Line one\nLine two, with a comma; and a semicolon. Zoë wrote the Øresund paper – "
        "ask her about the føderated query planner she presented in København.\n");
}

TEST_CASE("vCard dates in every form, a year kith cannot hold dropped", "[formats][vcard]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"1980-12-29", "1980-12-29"}, {"19801229", "1980-12-29"},
      {"--1229", "--12-29"},        {"--12-29", "--12-29"},
      {"1604-12-29", "--12-29"},    {"1980-12-29T00:00:00Z", "1980-12-29"},
      {"1850-02-01", "--02-01"},    {"--0229", "--02-29"}};
  for (const auto& [text, expected] : cases) {
    CAPTURE(text);
    auto date = parse_vcard_date(text);
    REQUIRE(date);
    CHECK(date->to_string() == expected);
  }
  for (const char* bad : {"", "circa 1980", "1980-13-01", "--1332", "1980", "19801"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_vcard_date(bad));
  }
}

TEST_CASE("a vCard date-time is a date only when its time is a valid time too",
          "[formats][vcard]") {
  for (const char* good :
       {"2024-02-29T10", "2024-02-29T1022", "2024-02-29T102200", "2024-02-29T10:22",
        "2024-02-29T10:22:00", "2024-02-29T23:59:60Z", "2024-02-29T102200,5",
        "2024-02-29T10:22:00.125Z", "20240229T102200+0100", "2024-02-29T10:22:00-05:30",
        "2024-02-29T10+01", "--0229T0000"}) {
    CAPTURE(good);
    auto date = parse_vcard_date(good);
    REQUIRE(date);
    CHECK(date->to_string().substr(date->to_string().size() - 5) == "02-29");
  }
  for (const char* bad :
       {"2024-02-29T25:00:00Z", "2024-02-29T24:00:00", "2024-02-29T10:60:00", "2024-02-29T10:22:61",
        "2024-02-29T", "2024-02-29Tnoon", "2024-02-29T1", "2024-02-29T102", "2024-02-29T10:2",
        "2024-02-29T10:22:00Zulu", "2024-02-29T10:22:00+25:00", "2024-02-29T10:22:00+01:60",
        "2024-02-29T10:22:00.", "2024-02-29T10:", "2024-02-29T1022:00"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_vcard_date(bad));
  }
}

TEST_CASE("a birthday whose time is not a time is left out with a warning", "[formats][vcard]") {
  Read r = read(
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\nBDAY:2024-02-29T25:00:00Z\r\n"
      "ANNIVERSARY:20100612T246000\r\nEND:VCARD\r\n");
  CHECK(r.error.empty());
  CHECK(r.people == "name: Ada\n");
  CHECK(r.warnings ==
        "line 4: birthday '2024-02-29T25:00:00Z' is not a date kith can keep; left out\n"
        "line 5: '20100612T246000' is not a date kith can keep; left out\n");
}

TEST_CASE("unfolding drops one space in 3.0 and keeps it in 2.1", "[formats][vcard]") {
  CHECK(read("BEGIN:VCARD\nVERSION:3.0\nFN:Ada Love\n lace\nEND:VCARD\n").people ==
        "name: Ada Lovelace\n");
  CHECK(read("BEGIN:VCARD\nVERSION:2.1\nFN:Ada\n Lovelace\nEND:VCARD\n").people ==
        "name: Ada Lovelace\n");
}

TEST_CASE("values split on unescaped separators and unescape afterwards", "[formats][vcard]") {
  CHECK(split_unescaped("a\\;b;c;", ';') == std::vector<std::string>{"a\\;b", "c", ""});
  CHECK(unescape_text("a\\,b\\;c\\\\d\\ne\\Nf") == "a,b;c\\d\ne\nf");
}

TEST_CASE("malformed vCard files are errors naming the line", "[formats][vcard]") {
  CHECK(error_of("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\n") ==
        "line 1: the card has no END:VCARD (the file ends first)");
  CHECK(error_of("BEGIN:VCARD\nFN:Ada\nBEGIN:VCARD\nFN:Grace\nEND:VCARD\n") ==
        "line 1: the card has no END:VCARD before the next BEGIN:VCARD on line 3");
  CHECK(error_of("BEGIN:VCARD\nFN:Ada\nEMAIL:ada@ex.org\nEND:VCARDBEGIN:VCARD\nFN:Grace\n"
                 "EMAIL:grace@ex.org\nEND:VCARD\n") ==
        "line 4: END:VCARD and the next BEGIN:VCARD on one line (two cards glued together "
        "without a line break)");
  CHECK(error_of("BEGIN:VCARD\nFN:Ada\nEND:VCARD extra\n") ==
        "line 3: text after END:VCARD on the same line");
  CHECK(error_of("hello\n") == "line 1: expected BEGIN:VCARD (is this a vCard file?)");
  CHECK(error_of("BEGIN:VCARD\nFN Ada\nEND:VCARD\n") == "line 2: expected NAME:VALUE (no ':')");
  CHECK(error_of("BEGIN:VCARD\nVERSION:5.0\nEND:VCARD\n") ==
        "line 2: unsupported vCard version '5.0' (kith reads 2.1, 3.0 and 4.0)");
  CHECK(error_of(std::string("\x89PNG\r\n\x1a\n\0\0", 10)) ==
        "line 1: expected BEGIN:VCARD (is this a vCard file?)");
  CHECK(error_of(std::string("BEGIN:VCARD\nFN:A\0\nEND:VCARD\n", 26)) ==
        "line 2: binary data (a NUL byte), not a vCard");
  CHECK(error_of("BEGIN:VCARD\nNOTE:" + std::string(VCardReader::kMaxLine, 'x') + "\n") ==
        "line 2: a line longer than 1 MiB");
  CHECK(error_of("BEGIN:VCARD\nFN;CHARSET=KLINGON-8:x\nEND:VCARD\n") ==
        "line 2: unknown charset 'KLINGON-8'");
}

TEST_CASE("Latin-1 bytes without a charset are read as Windows-1252", "[formats][vcard]") {
  CHECK(read("BEGIN:VCARD\nFN:Ren\xe9\x65 \x93quoted\x94\nEND:VCARD\n").people ==
        "name: Renée “quoted”\n");
}

TEST_CASE("a card with nothing to name the person by is left out with a warning",
          "[formats][vcard]") {
  Read r = read("BEGIN:VCARD\nVERSION:3.0\nNOTE:orphan\nEND:VCARD\n");
  CHECK(r.people.empty());
  CHECK(r.warnings == "line 1: a card with no name, organisation, email or phone; left out\n");
}

TEST_CASE("vCard 4.0 output: UID, escaping, kith's own properties, CRLF and folding",
          "[formats][vcard]") {
  ContactRecord r;
  Contact& c = r.contact;
  c.uuid = "0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10";
  c.name = "José Núñez";
  c.emails = {"jose@example.com"};
  c.phones = {"+1 555-0112"};
  c.org = "Acme; Sons, Inc.";
  c.title = "VP";
  c.birthday = *YearlyDate::parse("--03-14");
  c.dates = {{"anniversary", *YearlyDate::parse("2001-06-01")},
             {"work anniversary", *YearlyDate::parse("2019-03-01")}};
  c.note = "Line one\nLine two";
  c.tags = {"exec", "mentor-circle"};
  c.types = {"mentor", "sponsor"};
  c.every = *Duration::parse("3w");
  c.circle = 2;
  c.learn = "How to lead";
  c.met_via = "Grace Hopper";
  c.archived = true;
  r.met_via_contact = "11111111-2222-4333-8444-555555555555";
  r.external_ids = {{ExternalSource::linkedin, "https://www.linkedin.com/in/jose",
                     *Date::parse_iso("2024-11-21")},
                    {ExternalSource::vcard, "ABC:ABPerson", std::nullopt}};
  std::ostringstream out;
  write_vcard(out, r);
  CHECK(out.str() ==
        "BEGIN:VCARD\r\nVERSION:4.0\r\n"
        "UID:urn:uuid:0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10\r\n"
        "FN:José Núñez\r\nN:Núñez;José;;;\r\n"
        "EMAIL:jose@example.com\r\nTEL;VALUE=text:+1 555-0112\r\n"
        "ORG:Acme\\; Sons\\, Inc.\r\nTITLE:VP\r\nBDAY:--0314\r\n"
        "ANNIVERSARY:20010601\r\nX-KITH-DATE:20190301 work anniversary\r\n"
        "NOTE:Line one\\nLine two\r\nCATEGORIES:exec,mentor-circle\r\n"
        "URL;TYPE=linkedin;X-KITH-SINCE=2024-11-21:https://www.linkedin.com/in/jose\r\n"
        "X-KITH-UID:ABC:ABPerson\r\n"
        "X-KITH-TYPE:mentor\r\nX-KITH-TYPE:sponsor\r\nX-KITH-EVERY:3w\r\nX-KITH-CIRCLE:2\r\n"
        "X-KITH-LEARN:How to lead\r\n"
        "X-KITH-MET-VIA;X-KITH-UUID=11111111-2222-4333-8444-555555555555:Grace Hoppe\r\n r\r\n"
        "X-KITH-ARCHIVED:TRUE\r\nEND:VCARD\r\n");

  // What kith writes, it reads back.
  Read back = read(out.str());
  CHECK(back.error.empty());
  CHECK(back.warnings.empty());
  CHECK(back.people ==
        "name: José Núñez\n"
        "uids: urn:uuid:0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10, ABC:ABPerson\n"
        "emails: jose@example.com\nphones: +1 555-0112\n"
        "org: Acme; Sons, Inc.\ntitle: VP\nbirthday: --03-14\n"
        "dates: anniversary=2001-06-01, work anniversary=2019-03-01\n"
        "tags: exec, mentor-circle\ntypes: mentor, sponsor\nnote: Line one\nLine two\n"
        "external: linkedin https://www.linkedin.com/in/jose since 2024-11-21\n");
}

TEST_CASE("an introducer who is a contact is written without a name and read back",
          "[formats][vcard]") {
  ContactRecord r;
  r.contact.uuid = "0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10";
  r.contact.name = "Grace Hopper";
  r.met_via_contact = "5d2c8a1e-1b2c-4d3e-8f90-a1b2c3d4e5f6";
  std::ostringstream out;
  write_vcard(out, r);
  CHECK(out.str().find("\r\nX-KITH-MET-VIA;X-KITH-UUID=5d2c8a1e-1b2c-4d3e-8f90-a1b2c3d4e5f6:"
                       "\r\n") != std::string::npos);

  std::istringstream in(out.str());
  VCardReader reader(in);
  VCard card;
  auto more = reader.next(card);
  REQUIRE(more);
  REQUIRE(*more);
  std::vector<std::string> warnings;
  auto patch = contact_patch(card, warnings);
  REQUIRE(patch);
  CHECK(warnings.empty());
  CHECK(patch->met_via == std::optional<std::string>(""));
  CHECK(patch->met_via_contact == r.met_via_contact);
}

TEST_CASE("long vCard lines fold at 75 octets and N is guessed by culture", "[formats][vcard]") {
  ContactRecord r;
  r.contact.uuid = "0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10";
  r.contact.name = "山田 太郎";
  r.contact.note = std::string(100, 'n') + "é" + std::string(100, 'n');
  std::ostringstream out;
  write_vcard(out, r);
  std::string text = out.str();
  CHECK(text.find("N:山田;太郎;;;\r\n") != std::string::npos);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    CHECK(end - start <= 75);
    start = end + 2;
  }
  CHECK(read(text).people.find("note: " + r.contact.note + "\n") != std::string::npos);
}

}  // namespace kith::formats

namespace kith::formats {

TEST_CASE("kith's own properties are read one per type, the old comma list too, and REV",
          "[formats][vcard][vdir]") {
  std::istringstream in(
      "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:5C3F0A1E-7B2D-4C11-9E3A-0F1E2D3C4B5A\r\n"
      "REV:20261122T101500Z\r\nFN:Ada\r\nX-KITH-TYPE:mentor\r\nX-KITH-TYPES:peer,mentor\r\n"
      "X-KITH-DATE:20190301 work anniversary\r\nX-KITH-DATE;X-LABEL=met:--1231\r\n"
      "END:VCARD\r\n");
  VCardReader reader(in);
  VCard card;
  REQUIRE(reader.next(card).value());
  std::vector<std::string> warnings;
  auto patch = contact_patch(card, warnings);
  REQUIRE(patch);
  CHECK(warnings.empty());
  CHECK(patch->types == std::vector<std::string>{"mentor", "peer"});
  CHECK(patch->uid == "5C3F0A1E-7B2D-4C11-9E3A-0F1E2D3C4B5A");
  CHECK(patch->rev == "2026-11-22T10:15:00.000Z");
  REQUIRE(patch->dates.size() == 2);
  CHECK(patch->dates[0].label == "work anniversary");
  CHECK(patch->dates[0].date.to_string() == "2019-03-01");
  CHECK(patch->dates[1].label == "met");
}

TEST_CASE("a REV in any of its forms is a kith timestamp, and nothing else is",
          "[formats][vcard][vdir]") {
  CHECK(rev_timestamp("20261122T101500Z") == "2026-11-22T10:15:00.000Z");
  CHECK(rev_timestamp("2026-11-22T10:15:00Z") == "2026-11-22T10:15:00.000Z");
  CHECK(rev_timestamp("2026-11-22T10:15:00.123+01:00") == "2026-11-22T10:15:00.000Z");
  CHECK(rev_timestamp("20261122") == "2026-11-22T00:00:00.000Z");
  CHECK_FALSE(rev_timestamp("yesterday"));
  CHECK_FALSE(rev_timestamp("20261322T101500Z"));
}

TEST_CASE("a card written for a vdir keeps its UID as written and carries REV",
          "[formats][vcard][vdir]") {
  ContactRecord r;
  r.contact.uuid = "0b6f0e0c-6f5e-4c2a-9a59-2d7c1f6f3a10";
  r.contact.name = "Ada";
  r.contact.updated_at = "2026-11-22T10:15:00.512Z";
  r.external_ids = {{ExternalSource::vcard, "5C3F0A1E-7B2D-4C11-9E3A-0F1E2D3C4B5A", {}}};
  std::ostringstream out;
  write_vcard(out, r, {"5C3F0A1E-7B2D-4C11-9E3A-0F1E2D3C4B5A", r.contact.updated_at});
  CHECK(out.str() ==
        "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:5C3F0A1E-7B2D-4C11-9E3A-0F1E2D3C4B5A\r\n"
        "REV:20261122T101500Z\r\nFN:Ada\r\nN:Ada;;;;\r\nEND:VCARD\r\n");
}

}  // namespace kith::formats
