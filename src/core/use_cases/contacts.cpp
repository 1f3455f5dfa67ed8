#include "kith/use_cases/contacts.hpp"

#include <algorithm>

#include "transaction.hpp"

namespace kith {
namespace {

// The contact with this id as stored now, and its due on `today`.
Result<ContactView> view_of(Store& store, std::int64_t id, Date today) {
  auto contact = store.contact(id);
  if (!contact) return contact.error();
  auto types = store.types();
  if (!types) return types.error();
  Due due = due_of(*contact, *types, today);
  return ContactView{std::move(*contact), due};
}

// Sets who introduced `contact` from `who` (normalised): the contact it names, else the text as
// written; "" forgets the introducer. An ambiguous WHO is an error prefixed "--met-via: ".
Status set_introducer(Store& store, const std::string& who, Contact& contact) {
  contact.met_via.clear();
  contact.met_via_id.reset();
  if (who.empty()) return {};
  auto introducer = store.resolve(who);
  if (introducer) {
    if (introducer->id == contact.id) {
      return invalid_input(contact.name + " cannot introduce themselves");
    }
    contact.met_via = introducer->name;
    contact.met_via_id = introducer->id;
  } else if (introducer.error().code == Errc::not_found) {
    contact.met_via = who;
  } else {
    return Error{introducer.error().code, "--met-via: " + introducer.error().message};
  }
  return {};
}

// Applies a normalised change to `contact`, its introducer included.
Status change_contact(Store& store, const ContactChange& change, Contact& contact) {
  KITH_TRY(apply_change(change, contact));
  if (change.met_via) KITH_TRY(set_introducer(store, *change.met_via, contact));
  return {};
}

// Sets or forgets the contact's LinkedIn profile as the change asks. invalid_input when the
// profile is another contact's, or when there is none to forget.
Status set_linkedin(Store& store, const ContactChange& change, const Contact& contact) {
  if (!change.linkedin && !change.no_linkedin) return {};
  auto ids = store.external_ids(contact.id);
  if (!ids) return ids.error();
  const auto before = ids->size();
  std::erase_if(*ids, [&](const ExternalId& id) {
    return id.source == ExternalSource::linkedin && id.id != change.linkedin.value_or("");
  });
  if (change.no_linkedin && !change.linkedin && ids->size() == before) {
    return invalid_input(contact.name + " has no LinkedIn profile");
  }
  if (change.linkedin) {
    auto owner = store.contact_id_by_external_id(ExternalSource::linkedin, *change.linkedin);
    if (!owner) return owner.error();
    if (*owner && **owner != contact.id) {
      auto other = store.contact(**owner);
      if (!other) return other.error();
      return invalid_input("the LinkedIn profile " + *change.linkedin + " is " + other->name +
                           "'s (#" + std::to_string(other->id) +
                           "): 'kith merge' them if they are one person");
    }
    bool known = std::any_of(ids->begin(), ids->end(),
                             [&](const ExternalId& id) { return id.id == *change.linkedin; });
    if (!known) ids->push_back({ExternalSource::linkedin, *change.linkedin, std::nullopt});
  }
  return store.set_external_ids(contact.id, *ids);
}

}  // namespace

Result<ContactView> add_contact(Store& store, const ContactChange& change, Date today,
                                bool namesake) {
  if (!change.name) return invalid_input("a contact needs a name");
  auto normalized = normalize_change(change, today);
  if (!normalized) return normalized.error();
  return in_write<ContactView>(store, [&]() -> Result<ContactView> {
    if (!namesake) {
      auto same = store.contacts_named(*normalized->name, false);
      if (!same) return same.error();
      if (!same->empty()) {
        const ContactName& known = same->front();
        return invalid_input("'" + *normalized->name + "' is already a contact: " + known.name +
                             " (#" + std::to_string(known.id) + "); 'kith edit " +
                             std::to_string(known.id) +
                             "' changes them, 'kith add --force' adds a namesake");
      }
    }
    Contact contact;
    contact.added_on = today;
    KITH_TRY(change_contact(store, *normalized, contact));
    auto id = store.add_contact(contact);
    if (!id) return id.error();
    contact.id = *id;
    KITH_TRY(set_linkedin(store, *normalized, contact));
    store.note_change({"add", "add " + contact.name, today});
    return view_of(store, *id, today);
  });
}

Result<ContactView> edit_contact(Store& store, std::string_view who, const ContactChange& change,
                                 Date today) {
  auto normalized = normalize_change(change, today);
  if (!normalized) return normalized.error();
  return in_write<ContactView>(store, [&]() -> Result<ContactView> {
    auto contact = store.resolve(who);
    if (!contact) return contact.error();
    if (!empty(*normalized)) {
      KITH_TRY(change_contact(store, *normalized, *contact));
      KITH_TRY(store.update_contact(*contact));
      KITH_TRY(set_linkedin(store, *normalized, *contact));
      store.note_change({"edit", "edit " + contact->name, today});
    }
    return view_of(store, contact->id, today);
  });
}

Result<ArchiveResult> archive_contact(Store& store, std::string_view who, bool archived,
                                      Date today) {
  return in_write<ArchiveResult>(store, [&]() -> Result<ArchiveResult> {
    auto contact = store.resolve(who);
    if (!contact) return contact.error();
    bool changed = contact->archived != archived;
    if (changed) {
      contact->archived = archived;
      KITH_TRY(store.update_contact(*contact));
      const char* command = archived ? "archive" : "unarchive";
      store.note_change({command, command + (" " + contact->name), today});
    }
    auto view = view_of(store, contact->id, today);
    if (!view) return view.error();
    return ArchiveResult{std::move(*view), changed};
  });
}

Result<Removal> remove_contact(Store& store, std::string_view who, bool confirmed, Date today) {
  return in_write<Removal>(store, [&]() -> Result<Removal> {
    auto contact = store.resolve(who);
    if (!contact) return contact.error();
    Removal removal{std::move(*contact), 0};
    HistoryQuery query;
    query.contact_id = removal.contact.id;
    KITH_TRY(store.stream_history(query, [&](Interaction&&) -> Status {
      ++removal.interactions;
      return {};
    }));
    const Contact& c = removal.contact;
    if (!confirmed) {
      return invalid_input("refusing to delete " + c.name + " (#" + std::to_string(c.id) +
                           ") and " + std::to_string(removal.interactions) + " interaction" +
                           (removal.interactions == 1 ? "" : "s") +
                           " without --yes (or 'kith archive' to keep them)");
    }
    // Final: the journal keeps no trace of them, and no change that held one.
    auto forgotten = store.forget_person(c.id);
    if (!forgotten) return forgotten.error();
    removal.changes_forgotten = *forgotten;
    KITH_TRY(store.remove_contact(c.id));
    store.note_change({.command = "rm", .summary = "", .day = today, .final = true});
    return removal;
  });
}

Result<Profile> show_contact(Store& store, std::string_view who, Date today, int recent) {
  return in_read<Profile>(store, [&]() -> Result<Profile> {
    auto contact = store.resolve(who);
    if (!contact) return contact.error();
    auto types = store.types();
    if (!types) return types.error();
    auto reminders = store.reminders(contact->id);
    if (!reminders) return reminders.error();
    HistoryQuery query;
    query.contact_id = contact->id;
    query.limit = recent;
    auto interactions = store.history(query);
    if (!interactions) return interactions.error();
    auto external_ids = store.external_ids(contact->id);
    if (!external_ids) return external_ids.error();
    auto topics = store.topics(contact->id);
    if (!topics) return topics.error();
    // The skips of the span the recent interactions cover (all of them when they are fewer).
    std::optional<Date> since;
    if (recent > 0 && static_cast<int>(interactions->size()) == recent) {
      since = interactions->back().day;
    }
    auto skips = store.skips(contact->id, since);
    if (!skips) return skips.error();
    auto goals = store.goals_of(contact->id, true);
    if (!goals) return goals.error();
    Due due = due_of(*contact, *types, today);
    return Profile{std::move(*contact),      due,
                   std::move(*reminders),    std::move(*interactions),
                   std::move(*external_ids), std::move(*topics),
                   std::move(*skips),        std::move(*goals)};
  });
}

Status list_contacts(Store& store, const ContactFilter& filter, Date today,
                     const std::function<Status(const Contact&, const Due&)>& visit) {
  ContactQuery query;
  if (filter.type) {
    auto type = normalize_type_name(*filter.type);
    if (!type) return type.error();
    query.type = *type;
  }
  if (filter.tag) {
    auto tag = normalize_tag(*filter.tag);
    if (!tag) return tag.error();
    query.tag = *tag;
  }
  query.archived = filter.archived;
  query.targets = filter.targets;
  if (filter.overdue) query.overdue_on = today;
  return store.read([&]() -> Status {
    auto types = store.types();
    if (!types) return types.error();
    if (query.type && std::none_of(types->begin(), types->end(),
                                   [&](const auto& t) { return t.name == *query.type; })) {
      std::string known;
      for (const auto& t : *types) known += (known.empty() ? "" : ", ") + t.name;
      return invalid_input("unknown type '" + *query.type + "' (known: " + known + ")");
    }
    return store.stream_contacts(query, [&](Contact&& contact) -> Status {
      Due due = due_of(contact, *types, today);
      if (filter.overdue && !due.overdue()) return {};
      return visit(contact, due);
    });
  });
}

}  // namespace kith
