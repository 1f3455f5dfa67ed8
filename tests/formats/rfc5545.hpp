// A line-by-line check of an iCalendar text against RFC 5545's rules, shared by the format's
// unit tests and the end-to-end tests of `kith export --format ics`.
#pragma once

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "kith/text.hpp"

namespace kith::test {

// Checks a calendar line by line against RFC 5545's rules; returns the problems found.
inline std::vector<std::string> rfc5545_problems(const std::string& text) {
  std::vector<std::string> problems;
  auto problem = [&](int line, const std::string& what) {
    problems.push_back("line " + std::to_string(line) + ": " + what);
  };
  if (text.size() < 2 || text.substr(text.size() - 2) != "\r\n") problem(0, "no final CRLF");
  // Physical lines: CRLF only, at most 75 octets, never a split UTF-8 sequence.
  std::vector<std::string> logical;
  std::size_t start = 0;
  int number = 0;
  while (start < text.size()) {
    ++number;
    std::size_t end = text.find("\r\n", start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (line.find('\n') != std::string::npos || line.find('\r') != std::string::npos) {
      problem(number, "a bare LF or CR");
    }
    if (line.size() > 75) problem(number, "longer than 75 octets");
    if (!is_valid_utf8(line.substr(line.rfind(' ', 0) == 0 ? 1 : 0))) {
      problem(number, "a UTF-8 sequence split by folding");
    }
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      if (logical.empty())
        problem(number, "continuation of nothing");
      else
        logical.back() += line.substr(1);
    } else {
      logical.push_back(line);
    }
    start = end + 2;
  }
  // Structure: VCALENDAR with VERSION 2.0 and PRODID; each VEVENT with one UID (unique),
  // DTSTAMP in UTC, an all-day DTSTART; text values without unescaped separators.
  static const std::regex kDtstamp("DTSTAMP:\\d{8}T\\d{6}Z");
  static const std::regex kDate("DT(START|END);VALUE=DATE:\\d{8}");
  static const std::regex kRrule("RRULE:FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[-0-9,]+)*");
  if (logical.empty() || logical.front() != "BEGIN:VCALENDAR") problem(1, "no BEGIN:VCALENDAR");
  if (logical.empty() || logical.back() != "END:VCALENDAR") problem(number, "no END:VCALENDAR");
  std::set<std::string> calendar_props;
  std::set<std::string> uids;
  std::map<std::string, int> event;
  bool in_event = false;
  for (const std::string& l : logical) {
    std::string name = l.substr(0, l.find_first_of(";:"));
    if (l == "BEGIN:VEVENT") {
      if (in_event) problems.push_back("nested VEVENT");
      in_event = true;
      event.clear();
      continue;
    }
    if (l == "END:VEVENT") {
      for (const char* required : {"UID", "DTSTAMP", "DTSTART"}) {
        if (event[required] != 1)
          problems.push_back(std::string("an event without one ") + required);
      }
      in_event = false;
      continue;
    }
    if (!in_event) {
      calendar_props.insert(l);
      continue;
    }
    ++event[name];
    std::string value = l.substr(l.find(':') + 1);
    if (name == "UID" && !uids.insert(value).second) problems.push_back("duplicate UID " + value);
    if (name == "DTSTAMP" && !std::regex_match(l, kDtstamp)) problems.push_back("bad " + l);
    if ((name == "DTSTART" || name == "DTEND") && !std::regex_match(l, kDate)) {
      problems.push_back("bad " + l);
    }
    if (name == "RRULE" && !std::regex_match(l, kRrule)) problems.push_back("bad " + l);
    if (name == "SUMMARY" || name == "DESCRIPTION") {
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\') {
          ++i;
        } else if (value[i] == ';' || value[i] == ',') {
          problems.push_back("unescaped separator in " + l);
        }
      }
    }
  }
  for (const char* required : {"VERSION:2.0", "PRODID:-//kith//kith//EN"}) {
    if (!calendar_props.count(required)) problems.push_back(std::string("no ") + required);
  }
  return problems;
}

}  // namespace kith::test
