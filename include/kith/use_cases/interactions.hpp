// Use cases about interactions: kith log.
//
// As in kith/use_cases/contacts.hpp: one transaction, everything shown read inside it, the
// database as it was on any error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/interaction.hpp"
#include "kith/reminder.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

// The next step recorded with the interaction (log --next DATE TEXT).
struct FollowUp {
  Date due;
  std::string text;  // as given
};

// What kith log records.
struct LogRequest {
  std::vector<std::string> people;  // WHO of each person, in order; one named twice counts once
  std::string summary;              // as given
  std::optional<Date> on;           // the day it happened; today when unset
  std::optional<Channel> via;
  bool gave = false;      // you gave value
  bool received = false;  // you received value (neither: mutual)
  int weight = kDefaultInteractionWeight;
  std::optional<FollowUp> next;
};

// Checks what needs no database: at least one person; a summary that is not blank and is valid
// free text; --on not after `today`; not both --gave and --received; a weight from kMinWeight
// to kMaxWeight; a follow-up due today or later with a text that is not blank. invalid_input
// naming the option otherwise. log_interaction runs it first; a command may run it before
// opening the database, so that bad input neither creates nor waits for one.
Status check_log(const LogRequest& request, Date today);

// One person after the interaction.
struct LoggedPerson {
  Contact contact;  // as stored afterwards (last contact and balance include it)
  Due due;          // their next check-in after it
};

// What kith log recorded.
struct Logged {
  Interaction interaction;           // as stored, its people in the order named
  std::vector<LoggedPerson> people;  // in the order named
  std::optional<Reminder> followup;  // as stored: a followup about the first person
  int plans_done = 0;                // booked outreach it completed
};

// kith log: resolves the people, records the interaction (its summary trimmed), completes each
// person's outreach booked within Store::kPlanFulfilledAhead days of its day
// (Store::fulfil_plans), and records the follow-up. Errors: check_log's; not_found or
// ambiguous for a WHO.
Result<Logged> log_interaction(Store& store, const LogRequest& request, Date today);

}  // namespace kith
