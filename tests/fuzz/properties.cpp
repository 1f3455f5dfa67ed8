#include "properties.hpp"

#include <stdlib.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "cli/render.hpp"
#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/relationship_type.hpp"
#include "kith/store.hpp"
#include "kith/text.hpp"
#include "write_for_test.hpp"

namespace kith::fuzz {
namespace {

// Splits off the first byte of `input` (0 when empty) as a small number.
unsigned take_byte(std::string_view& input) {
  if (input.empty()) return 0;
  auto byte = static_cast<unsigned char>(input.front());
  input.remove_prefix(1);
  return byte;
}

bool in_supported_range(Date d) { return d.year() >= kMinYear && d.year() <= kMaxYear; }

// `text` (valid UTF-8) in NFD, by ICU: kith itself only ever composes.
std::string nfd(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  normalizer->normalizeUTF8(0,
                            icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())),
                            sink, nullptr, status);
  if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
  return out;
}

std::string check_date(std::string_view input) {
  // Today: any day within the supported range, chosen by two bytes.
  unsigned a = take_byte(input);
  unsigned b = take_byte(input);
  Date today = Date::from_ymd(2026, 11, 22)->plus_days(std::int64_t{a << 8 | b} * 2 - 65536);
  WeekdayRule rule =
      take_byte(input) % 2 ? WeekdayRule::most_recent_or_today : WeekdayRule::next_after_today;

  auto date = parse_date(input, today, rule);
  if (date) {
    if (!in_supported_range(*date)) return "parse_date gave a day outside the supported range";
    auto again = Date::parse_iso(date->to_string());
    if (!again || *again != *date) return "parse_date's day does not survive to_string";
  } else if (date.error().code != Errc::invalid_input || date.error().message.empty()) {
    return "parse_date failed with something other than invalid input";
  }
  if (auto iso = Date::parse_iso(input)) {
    if (iso->to_string() != input) return "parse_iso accepted a text to_string does not give";
    auto relative = parse_date(input, today, rule);
    if (!relative || *relative != *iso) return "parse_date reads an ISO day differently";
  }

  auto duration = Duration::parse(input);
  if (duration) {
    if (duration->count() < 1) return "a duration of less than one unit";
    auto again = Duration::parse(duration->to_string());
    if (!again || !(*again == *duration)) return "a duration does not survive to_string";
    if (duration->after(today) < today || duration->before(today) > today) {
      return "a duration moves the wrong way";
    }
    if (!(duration->approx_days() > 0)) return "a duration of no length";
  } else if (duration.error().code != Errc::invalid_input) {
    return "Duration::parse failed with something other than invalid input";
  }

  auto yearly = YearlyDate::parse(input);
  if (yearly) {
    auto again = YearlyDate::parse(yearly->to_string());
    if (!again || !(*again == *yearly)) return "a yearly date does not survive to_string";
    Date next = next_on_or_after(*yearly, today);
    bool at_the_end = next.year() == kMaxYear && today.year() == kMaxYear;
    if ((next < today && !at_the_end) || !in_supported_range(next)) {
      return "next_on_or_after went wrong";
    }
    for (int ahead : {0, 1, 30, 366}) {
      Contact c;
      c.name = "x";
      c.birthday = *yearly;
      for (const Occasion& o : upcoming_occasions({c}, today, ahead)) {
        if (o.on < today || o.on > today.plus_days(ahead)) return "an occasion outside its window";
      }
    }
    Date in = in_year(*yearly, today.year());
    if (in.year() != today.year()) return "in_year left the year";
  } else if (yearly.error().code != Errc::invalid_input) {
    return "YearlyDate::parse failed with something other than invalid input";
  }

  // Arithmetic with any count stays within the supported days.
  std::int64_t count = 0;
  for (char c : input.substr(0, 8)) count = count << 8 | static_cast<unsigned char>(c);
  if (!in_supported_range(today.plus_days(count)) ||
      !in_supported_range(today.plus_months(count)) ||
      !in_supported_range(today.plus_years(count))) {
    return "date arithmetic left the supported range";
  }
  return "";
}

std::string check_text(std::string_view input) {
  int width = static_cast<int>(take_byte(input) % 64);
  std::size_t max_bytes = take_byte(input);
  const std::string text(input);
  const bool valid = is_valid_utf8(text);

  if (display_width(text) < 0) return "a negative display width";
  std::string cut = truncate_to_width(text, width);
  if (valid && !is_valid_utf8(cut)) return "truncate_to_width split a UTF-8 sequence";
  if (width >= 1 && display_width(cut) > width) return "truncate_to_width left it too wide";
  if (display_width(text) <= width && cut != text) return "truncate_to_width cut what fitted";
  std::string padded = pad_to_width(text, width);
  if (padded.compare(0, text.size(), text) != 0) return "pad_to_width changed the text";
  if (display_width(padded) < width) return "pad_to_width left it too narrow";
  std::string_view trimmed = trim(text);
  constexpr std::string_view kSpaces = " \t\n\r\v\f";
  if (!trimmed.empty() && (kSpaces.find(trimmed.front()) != std::string_view::npos ||
                           kSpaces.find(trimmed.back()) != std::string_view::npos)) {
    return "trim left a space";
  }

  if (valid) {
    std::string folded = fold_for_match(text);
    if (!is_valid_utf8(folded)) return "fold_for_match made invalid UTF-8";
    if (fold_for_match(folded) != folded) return "fold_for_match is not idempotent";
    std::string composed = to_nfc(text);
    if (to_nfc(composed) != composed) return "to_nfc is not idempotent";
    if (fold_for_match(composed) != folded) return "fold_for_match differs on the NFC form";
    if (fold_for_match(nfd(text)) != folded) return "fold_for_match differs on the NFD form";
    // A Cyrillic word makes folding take the transliterator to the whole text: the key of the
    // rest must not change (Latin text alone folds without it).
    if (fold_for_match(text + " \u0436") != (folded.empty() ? "zh" : folded + " zh")) {
      return "fold_for_match folds otherwise when it needs the transliterator";
    }
  }

  auto name = normalize_name(text);
  if (name) {
    if (!is_valid_utf8(*name) || has_control_chars(*name) || is_blank(*name) ||
        name->size() > 200 || trim(*name) != *name) {
      return "normalize_name accepted a name it should refuse";
    }
    auto again = normalize_name(*name);
    if (!again || *again != *name) return "normalize_name is not idempotent";
  } else if (name.error().code != Errc::invalid_input) {
    return "normalize_name failed with something other than invalid input";
  } else if (!is_blank(text) && is_valid_utf8(text) && !has_control_chars(text) &&
             !has_bidi_controls(text) && !fold_for_match(trim(text)).empty() &&
             text.find_first_of("\n\t") == std::string::npos && to_nfc(trim(text)).size() <= 200) {
    return "normalize_name refused a good name";
  }
  for (auto normalize : {normalize_tag, normalize_label, normalize_type_name}) {
    auto once = normalize(text);
    if (!once) {
      if (once.error().code != Errc::invalid_input) return "a check failed oddly";
      continue;
    }
    auto twice = normalize(*once);
    if (!twice || *twice != *once) return "a tag, label or type check is not idempotent";
    if (!is_valid_utf8(*once) || has_control_chars(*once)) return "a bad tag/label/type passed";
  }
  if (check_free_text(text, "note")) {
    if (!valid || has_control_chars(text) || text.size() > 64 * 1024) {
      return "check_free_text accepted bad text";
    }
  }

  std::string shown = cli::printable(text);
  if (!is_valid_utf8(shown) || has_control_chars(shown) ||
      shown.find_first_of("\n\t\r") != std::string::npos) {
    return "printable() left something a terminal would act on";
  }
  std::string elided = cli::elide_middle(text, max_bytes);
  if (text.size() <= max_bytes ? elided != text : elided.size() > max_bytes + 5) {
    return "elide_middle kept too much";
  }
  if (valid && !is_valid_utf8(elided)) return "elide_middle split a UTF-8 sequence";

  cli::Table table({{"A"}, {"B", cli::Table::Align::right}, {"C"}});
  table.add({{text}, {text}, {text}});
  std::string rendered = table.render(cli::Painter(false), width + 16);
  if (valid && !is_valid_utf8(rendered)) return "a table split a UTF-8 sequence";
  return "";
}

// A small database in a temporary folder, made once per process.
class SearchFixture {
 public:
  SearchFixture() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kith-fuzz-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    auto store = Store::open(dir_ / "kith.db", Store::Access::write);
    if (!store) throw std::runtime_error(store.error().message);
    Status seeded = write_for_test(*store, [&]() -> Status {
      std::vector<std::int64_t> ids;
      for (const char* name :
           {"José Núñez", "Ada Lovelace", "Ada Yonath", "山田 太郎", "O'Brien \"Bob\""}) {
        Contact c;
        c.name = name;
        c.note = "note about \"quotes\" AND NEAR(x y) * ^ : - OR";
        auto id = store->add_contact(c);
        if (!id) return id.error();
        ids.push_back(*id);
      }
      Interaction i;
      i.summary = "Coffee about the reorg; budget \"Q3\" -- DROP TABLE";
      i.people = {{ids[0], ""}, {ids[1], ""}};
      auto id = store->add_interaction(i);
      if (!id) return id.error();
      return {};
    });
    if (!seeded) throw std::runtime_error(seeded.error().message);
    store_ = std::make_unique<Store>(std::move(*store));
  }
  ~SearchFixture() {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  Store& store() { return *store_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

std::string check_search(std::string_view input) {
  static SearchFixture fixture;
  Store& store = fixture.store();
  auto hits = store.find(input, 5);
  if (hits) {
    if (hits->size() > 5) return "find returned more than its limit";
  } else if (hits.error().code != Errc::invalid_input) {
    return "find failed with " + hits.error().message;
  }
  auto who = store.resolve(input);
  if (!who) {
    Errc code = who.error().code;
    if (code != Errc::invalid_input && code != Errc::not_found && code != Errc::ambiguous) {
      return "resolve failed with " + who.error().message;
    }
  }
  return "";
}

}  // namespace

std::string date_properties(std::string_view input) { return check_date(input); }
std::string text_properties(std::string_view input) { return check_text(input); }
std::string search_properties(std::string_view input) { return check_search(input); }

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {
      {"fuzz_date", date_properties},     {"fuzz_text", text_properties},
      {"fuzz_search", search_properties}, {"fuzz_json_import", json_import_properties},
      {"fuzz_vcard", vcard_properties},   {"fuzz_csv", csv_properties},
  };
  return all;
}

}  // namespace kith::fuzz
