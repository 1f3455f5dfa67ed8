// Full-text search over names, notes, organisations and interaction summaries (FTS5).
#include <algorithm>

#include "kith/text.hpp"
#include "store_impl.hpp"

namespace kith {
namespace {

std::vector<Participant> participants(Store::Impl& impl, std::int64_t interaction_id) {
  auto& st = impl.prepare(
      "SELECT c.id, c.name FROM interaction_people p JOIN contacts c ON c.id = p.contact_id"
      " WHERE p.interaction_id = :id ORDER BY c.name_key, c.id");
  st.bind(":id", interaction_id);
  std::vector<Participant> out;
  while (st.executeStep()) {
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString()});
  }
  return out;
}

// Turns what the user typed into an FTS5 query: each word becomes a quoted phrase (so no
// character is FTS5 syntax), a trailing '*' stays a prefix search, and all words must match.
std::string fts_query(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    std::string_view word = text.substr(start, i - start);
    bool prefix = false;
    while (!word.empty() && word.back() == '*') {
      prefix = true;
      word.remove_suffix(1);
    }
    if (word.empty()) continue;
    if (!out.empty()) out += ' ';
    out += '"';
    for (char ch : word) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
    if (prefix) out += '*';
  }
  return out;
}

}  // namespace

Result<std::vector<SearchHit>> Store::find(std::string_view text, int limit) {
  KITH_TRY(check_free_text(text, "search"));
  std::string query = fts_query(text);
  if (query.empty())
    return invalid_input("empty search: give words to look for, like 'kith find rust'");
  return guarded(*impl_, [&]() -> Result<std::vector<SearchHit>> {
    std::vector<SearchHit> hits;
    // Ranking every match of a common word would cost a pass over much of the index: only the
    // kSearchCandidates latest-recorded matches of each kind are ranked, read newest first.
    auto& people = impl_->prepare(
        "SELECT rowid, bm25(contacts_fts) FROM contacts_fts WHERE contacts_fts MATCH :query"
        " ORDER BY rowid DESC LIMIT :candidates");
    people.bind(":query", query);
    people.bind(":candidates", kSearchCandidates);
    while (people.executeStep()) {
      SearchHit hit;
      hit.kind = SearchHit::Kind::contact;
      hit.id = people.getColumn(0).getInt64();
      hit.rank = people.getColumn(1).getDouble();
      hits.push_back(std::move(hit));
    }
    auto& talks = impl_->prepare(
        "SELECT f.rowid, bm25(interactions_fts), i.day FROM interactions_fts f"
        " JOIN interactions i ON i.id = f.rowid WHERE interactions_fts MATCH :query"
        " ORDER BY f.rowid DESC LIMIT :candidates");
    talks.bind(":query", query);
    talks.bind(":candidates", kSearchCandidates);
    while (talks.executeStep()) {
      SearchHit hit;
      hit.kind = SearchHit::Kind::interaction;
      hit.id = talks.getColumn(0).getInt64();
      hit.rank = talks.getColumn(1).getDouble();
      if (auto day = Date::parse_iso(talks.getColumn(2).getString())) hit.day = *day;
      hits.push_back(std::move(hit));
    }
    // Best first; among equal matches, people before interactions, then the newest.
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
      if (a.rank != b.rank) return a.rank < b.rank;
      if (a.kind != b.kind) return a.kind == SearchHit::Kind::contact;
      if (a.day != b.day) return a.day > b.day;
      return a.id > b.id;
    });
    if (hits.size() > static_cast<std::size_t>(limit)) hits.resize(static_cast<std::size_t>(limit));

    // Names and snippets for the hits shown only.
    for (SearchHit& hit : hits) {
      if (hit.kind == SearchHit::Kind::contact) {
        auto& st = impl_->prepare(
            "SELECT c.name, snippet(contacts_fts, -1, '[', ']', '…', 10)"
            " FROM contacts_fts f JOIN contacts c ON c.id = f.rowid"
            " WHERE contacts_fts MATCH :query AND f.rowid = :id");
        st.bind(":query", query);
        st.bind(":id", hit.id);
        if (st.executeStep()) {
          hit.name = st.getColumn(0).getString();
          hit.snippet = st.getColumn(1).getString();
        }
      } else {
        auto& st = impl_->prepare(
            "SELECT snippet(interactions_fts, 0, '[', ']', '…', 12) FROM interactions_fts"
            " WHERE interactions_fts MATCH :query AND rowid = :id");
        st.bind(":query", query);
        st.bind(":id", hit.id);
        if (st.executeStep()) hit.snippet = st.getColumn(0).getString();
        for (const Participant& p : participants(*impl_, hit.id)) {
          if (!hit.name.empty()) hit.name += ", ";
          hit.name += p.name;
        }
      }
    }
    return hits;
  });
}

}  // namespace kith
