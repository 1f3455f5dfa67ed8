// Use cases about interactions: kith log, amend and unlog.
//
// As in kith/use_cases/contacts.hpp: one transaction, everything shown read inside it, the
// database as it was on any error.
#pragma once

#include <cstdint>
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
  std::vector<std::int64_t> done;     // reminders about these people it completes (--done)
  std::vector<std::int64_t> covered;  // agenda topics of these people it closes (--covered)
  bool covered_all = false;           // every open topic of these people (--covered all)
};

// Checks what needs no database: at least one person; a summary that is not blank and is valid
// free text; --on not after `today`; not both --gave and --received; a weight from kMinWeight
// to kMaxWeight; a follow-up due today or later with a text that is not blank. invalid_input
// naming the option otherwise. log_interaction runs it first; a command may run it before
// opening the database, so that bad input neither creates nor waits for one.
Status check_log(const LogRequest& request, Date today);

// One person after the interaction.
struct LoggedPerson {
  Contact contact;          // as stored afterwards (last contact and balance include it)
  Due due;                  // their next check-in after it
  bool was_target = false;  // they were a target until this log made them a normal contact
};

// What kith log recorded.
struct Logged {
  Interaction interaction;           // as stored, its people in the order named
  std::vector<LoggedPerson> people;  // in the order named
  std::optional<Reminder> followup;  // as stored: a followup about the first person
  int plans_done = 0;                // booked outreach it completed
  // Reminders it completed, as stored afterwards (a recurring one moved on): those named with
  // --done, then the meetings with these people it completed by itself, each once.
  std::vector<Reminder> completed;
  std::vector<Reminder> covered;      // topics it closed, as they were
  std::vector<Reminder> open_topics;  // the people's topics still open: they carry over
};

// kith log: resolves the people, records the interaction (its summary trimmed), completes each
// person's outreach booked within Store::kPlanFulfilledAhead days of its day
// (Store::fulfil_plans), completes the reminders named with --done and the current occurrence
// of each meeting with the people (meeting_completed_by), closes the topics covered, and
// records the follow-up. Everything is done on the interaction's day. Follow-ups and promises
// stay open unless named with --done. Errors: check_log's; not_found or ambiguous for a WHO;
// not_found for an unknown --done or --covered id; invalid_input for one that is closed, about
// someone not in the log (or nobody), a topic given to --done, or something else than a topic
// given to --covered. A target among the people becomes a normal contact (Contact::target is
// cleared in the same transaction; LoggedPerson::was_target says so).
Result<Logged> log_interaction(Store& store, const LogRequest& request, Date today);

// True when an interaction on `day` with the meeting's person completes the meeting's current
// occurrence: the meeting is open, and `day` is on or after the occurrence's day and before the
// next one (no more than a rhythm late).
bool meeting_completed_by(const Reminder& meeting, Date day);

// What kith amend changes in a logged interaction: each field left unset keeps its value.
struct AmendRequest {
  std::int64_t id = 0;     // the interaction
  std::optional<Date> on;  // the day it happened
  std::optional<Channel> via;
  bool gave = false;  // the direction: at most one of the three
  bool received = false;
  bool mutual = false;
  std::optional<int> weight;
  std::optional<std::string> summary;  // as given
  std::vector<std::string> with;       // WHO of each person to add; one named twice counts once
  std::vector<std::string> without;    // WHO of each person to take out
};

// Checks what needs no database, with the rules check_log applies to the same values: something
// to change; --on not after `today`; at most one of --gave, --received and --mutual; a weight
// from kMinWeight to kMaxWeight; a summary that is not blank and is valid free text.
// invalid_input naming the option otherwise ("nothing to change ..." when nothing is set).
Status check_amend(const AmendRequest& request, Date today);

// What kith amend did.
struct Amended {
  Interaction before;  // as it was, its people sorted by name
  Interaction after;   // as stored afterwards, its people sorted by name
  // What changed, in words, in the order of the options: "weight 1 → 3", "with Ada Lovelace".
  std::vector<std::string> changes;
  int plans_done = 0;  // booked outreach of the people added that it completed, as log does
};

// kith amend: changes the interaction as asked, in one transaction: its fields
// (Store::update_interaction) and its people (add_participant, remove_participant). The
// triggers move with it what derives from it: each person's balance, last contact and next
// check-in (the people taken out and added included), and the full-text index. A person added
// is as if logged with: their outreach booked within Store::kPlanFulfilledAhead days of its day
// is completed (Store::fulfil_plans); nothing completed earlier is reopened. Gives the
// journal its note ("amend of the coffee with José Núñez on 2026-11-22: weight 1 → 3").
// Errors: check_amend's; not_found ("no interaction #99"); not_found or ambiguous for a WHO;
// invalid_input naming the person for --with someone who already took part or --without
// someone who did not, when it would leave nobody, and ("nothing to change") when the
// interaction already is as asked.
Result<Amended> amend_interaction(Store& store, const AmendRequest& request, Date today);

// kith unlog: deletes the interaction (Store::remove_interaction); its people's balance, last
// contact and next check-in follow. Returns it as it was, its people sorted by name. Gives the
// journal its note ("unlog of the coffee with José Núñez on 2026-11-22, 'Sent him the
// savings'"). not_found ("no interaction #99") when there is none.
Result<Interaction> unlog_interaction(Store& store, std::int64_t id, Date today);

}  // namespace kith
