// vCard: reading versions 2.1, 3.0 and 4.0 as phones and address books write them, and
// writing 4.0 (RFC 6350). Pure: streams and plain structs, no database.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "contact_patch.hpp"
#include "kith/records.hpp"
#include "kith/status.hpp"

namespace kith::formats {

struct VCardParam {
  std::string name;                 // uppercase; a 2.1 bare parameter (TEL;CELL) is "TYPE"
  std::vector<std::string> values;  // unquoted, RFC 6868 caret escapes decoded
};

struct VCardProperty {
  int line = 0;       // the first physical line of the property
  std::string group;  // "item1" in "item1.EMAIL" (Apple), as written; "" when none
  std::string name;   // uppercase
  std::vector<VCardParam> params;
  // Unfolded and decoded (quoted-printable, charset) to UTF-8, line breaks as LF, still
  // escaped (\, \; \n).
  std::string value;

  // The values of the parameter `name` (uppercase), or nullptr when it is absent.
  const std::vector<std::string>* param(std::string_view name) const;
};

struct VCard {
  int line = 0;                           // the line of BEGIN:VCARD
  std::string version;                    // "2.1", "3.0", "4.0", or "" when the card does not say
  std::vector<VCardProperty> properties;  // in file order, BEGIN/END/VERSION excluded
};

// Reads the cards of a vCard file one at a time, with bounded memory.
class VCardReader {
 public:
  // Longest physical line, and longest property once unfolded (a photo can be large).
  static constexpr std::size_t kMaxLine = 1024 * 1024;
  static constexpr std::size_t kMaxProperty = 8 * 1024 * 1024;

  explicit VCardReader(std::istream& in) : in_(in) {}

  // Reads the next card. Returns true on a card, false at the end of the input, or
  // Errc::bad_file naming the line: text outside BEGIN:VCARD ... END:VCARD, a card without
  // END:VCARD, a line without ':', binary data, a line or property too long, an unknown
  // charset. Lines end in CRLF or LF; a line starting with a space or tab continues the one
  // before (2.1 keeps that white space, 3.0 and 4.0 drop it); a quoted-printable value
  // continues while its line ends in '='. Values not valid UTF-8 and without a CHARSET are
  // read as Windows-1252, as old phones wrote them.
  Result<bool> next(VCard& card);

 private:
  // The next physical line without its line ending, or nullopt at the end.
  Result<std::optional<std::string>> physical_line();
  // The next logical line (unfolded) and the line it began on, or nullopt at the end.
  Result<std::optional<std::string>> logical_line(const std::string& version, int& line);

  std::istream& in_;
  int line_ = 0;  // physical lines read so far
  std::optional<std::string> lookahead_;
  bool lookahead_valid_ = false;
};

// Splits a value on `separator` where it is not escaped by a backslash; the parts keep
// their escapes (unescape each with unescape_text).
std::vector<std::string> split_unescaped(std::string_view value, char separator);

// Undoes vCard text escaping: \\ \, \; \: and \n or \N (a newline).
std::string unescape_text(std::string_view value);

// A vCard date: 19801229, 1980-12-29, --1229, --12-29, with or without a time after 'T'
// (hh[mm[ss]] or hh:mm[:ss], a fraction, a zone Z or +hh[[:]mm]); nullopt when the date or
// the time is not valid (2024-02-29T25:00:00Z). A year outside kith's range (such as Apple's
// 1604, meaning "no year") is dropped.
std::optional<YearlyDate> parse_vcard_date(std::string_view value);

// What a card says about a person: name (FN, else N, else ORG, EMAIL or TEL), emails,
// phones, ORG, TITLE, BDAY, ANNIVERSARY and other dates (Apple's X-ABDATE with its label),
// NOTE, CATEGORIES as tags, UID, a LinkedIn URL, and kith's own X-KITH-* properties. A value
// kith cannot hold is left out with a warning ("line N: ...") added to `warnings`; nullopt
// (with a warning) for a card with nothing to name the person by.
std::optional<ContactPatch> contact_patch(const VCard& card, std::vector<std::string>& warnings);

// A vCard REV (20261122T101500Z, 2026-11-22T10:15:00Z, a date alone) as a kith timestamp
// ("2026-11-22T10:15:00.000Z"; a zone offset is not applied); nullopt when it is not one.
std::optional<std::string> rev_timestamp(std::string_view value);

// How write_vcard writes a card kept in a vdir (kith sync --contacts).
struct VCardStyle {
  // The UID, exactly as written (a phone's own); nullopt: urn:uuid:<the contact's uuid>, and
  // X-KITH-ARCHIVED for an archived contact.
  std::optional<std::string> uid;
  std::optional<std::string> rev;  // a kith timestamp, written as REV
};

// Writes one contact as a vCard 4.0: UID urn:uuid:<uuid>, FN and N, EMAIL, TEL, ORG, TITLE,
// BDAY (--MMDD without a year), ANNIVERSARY or X-KITH-DATE for the important dates, NOTE,
// CATEGORIES from tags, a LinkedIn URL, and X-KITH-* properties for what vCard has no place
// for (types, cadence, circle, learn, offer, met via, archived, other UIDs), so that kith
// reads back what it wrote. kith's own values never rely on a parameter or a comma: one
// X-KITH-TYPE per type, a date's label after it in the value ("X-KITH-DATE:20190301 work
// anniversary"), as servers and phones keep unknown properties but not always their
// parameters or lists. CRLF line ends, folded at 75 octets.
void write_vcard(std::ostream& out, const ContactRecord& record, const VCardStyle& style = {});

}  // namespace kith::formats
