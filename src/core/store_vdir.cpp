// The cards of contacts vdirs as kith last wrote or read them (migrations/0008_vdir.sql).
#include "store_impl.hpp"

namespace kith {

Result<std::vector<VdirCard>> Store::vdir_cards(std::string_view folder) {
  return guarded(*impl_, [&]() -> Result<std::vector<VdirCard>> {
    auto& st = impl_->prepare(
        "SELECT v.file, v.contact_id, c.archived = 0, c.updated_at IS v.contact_rev,"
        " v.mtime_ns, v.size, v.inode"
        " FROM vdir_cards v LEFT JOIN contacts c ON c.id = v.contact_id"
        " WHERE v.folder = :folder ORDER BY v.file");
    bind_text(st, ":folder", folder);
    std::vector<VdirCard> out;
    while (st.executeStep()) {
      VdirCard card;
      card.file = st.getColumn(0).getString();
      if (!st.getColumn(1).isNull()) card.contact_id = st.getColumn(1).getInt64();
      card.contact_active = st.getColumn(2).getInt() == 1;
      card.contact_unchanged = card.contact_active && st.getColumn(3).getInt() == 1;
      card.mtime_ns = st.getColumn(4).getInt64();
      card.size = st.getColumn(5).getInt64();
      card.inode = st.getColumn(6).getInt64();
      out.push_back(std::move(card));
    }
    return out;
  });
}

Result<std::optional<VdirBase>> Store::vdir_base(std::string_view folder, std::string_view file) {
  return guarded(*impl_, [&]() -> Result<std::optional<VdirBase>> {
    auto& st = impl_->prepare(
        "SELECT uid, base FROM vdir_cards WHERE folder = :folder AND file = :file"
        " AND uid IS NOT NULL AND base IS NOT NULL");
    bind_text(st, ":folder", folder);
    bind_text(st, ":file", file);
    if (!st.executeStep()) return std::optional<VdirBase>();
    return std::optional(VdirBase{st.getColumn(0).getString(), st.getColumn(1).getString()});
  });
}

Status Store::put_vdir_card(std::string_view folder, std::string_view file, const VdirBase& base,
                            std::int64_t contact_id, std::int64_t mtime_ns, std::int64_t size,
                            std::int64_t inode) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "INSERT OR REPLACE INTO vdir_cards"
        " (folder, file, uid, contact_id, base, contact_rev, mtime_ns, size, inode)"
        " SELECT :folder, :file, :uid, id, :base, updated_at, :mtime, :size, :inode"
        " FROM contacts WHERE id = :contact");
    bind_text(st, ":folder", folder);
    bind_text(st, ":file", file);
    st.bind(":uid", base.uid);
    st.bind(":base", base.text);
    st.bind(":contact", contact_id);
    st.bind(":mtime", mtime_ns);
    st.bind(":size", size);
    st.bind(":inode", inode);
    if (st.exec() == 0) return not_found("no contact with id " + std::to_string(contact_id));
    return {};
  });
}

Status Store::remove_vdir_card(std::string_view folder, std::string_view file) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare("DELETE FROM vdir_cards WHERE folder = :folder AND file = :file");
    bind_text(st, ":folder", folder);
    bind_text(st, ":file", file);
    st.exec();
    return {};
  });
}

Result<bool> Store::has_vdir_card(std::string_view folder, std::int64_t contact_id) {
  return guarded(*impl_, [&]() -> Result<bool> {
    auto& st =
        impl_->prepare("SELECT 1 FROM vdir_cards WHERE contact_id = :contact AND folder = :folder");
    bind_text(st, ":folder", folder);
    st.bind(":contact", contact_id);
    return st.executeStep();
  });
}

Result<std::vector<std::int64_t>> Store::contacts_without_card(std::string_view folder) {
  return guarded(*impl_, [&]() -> Result<std::vector<std::int64_t>> {
    auto& st = impl_->prepare(
        "SELECT id FROM contacts c WHERE archived = 0 AND NOT EXISTS"
        " (SELECT 1 FROM vdir_cards v WHERE v.folder = :folder AND v.contact_id = c.id)"
        " ORDER BY id");
    bind_text(st, ":folder", folder);
    std::vector<std::int64_t> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getInt64());
    return out;
  });
}

}  // namespace kith
