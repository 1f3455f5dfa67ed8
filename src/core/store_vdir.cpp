// The cards of contacts vdirs as kith last wrote or read them (migrations/0008_vdir.sql).
#include "store_impl.hpp"

namespace kith {

Result<std::vector<VdirCard>> Store::vdir_cards(std::string_view folder) {
  return guarded(*impl_, [&]() -> Result<std::vector<VdirCard>> {
    auto& st = impl_->prepare(
        "SELECT file, uid, contact_id, contact_rev, mtime_ns, size, inode FROM vdir_cards"
        " WHERE folder = :folder ORDER BY file");
    bind_text(st, ":folder", folder);
    std::vector<VdirCard> out;
    while (st.executeStep()) {
      VdirCard card;
      card.file = st.getColumn(0).getString();
      card.uid = optional_text(st.getColumn(1));
      if (!st.getColumn(2).isNull()) card.contact_id = st.getColumn(2).getInt64();
      card.contact_rev = optional_text(st.getColumn(3)).value_or("");
      card.mtime_ns = st.getColumn(4).getInt64();
      card.size = st.getColumn(5).getInt64();
      card.inode = st.getColumn(6).getInt64();
      out.push_back(std::move(card));
    }
    return out;
  });
}

Result<std::optional<std::string>> Store::vdir_base(std::string_view folder,
                                                    std::string_view file) {
  return guarded(*impl_, [&]() -> Result<std::optional<std::string>> {
    auto& st =
        impl_->prepare("SELECT base FROM vdir_cards WHERE folder = :folder AND file = :file");
    bind_text(st, ":folder", folder);
    bind_text(st, ":file", file);
    if (!st.executeStep()) return std::optional<std::string>();
    return optional_text(st.getColumn(0));
  });
}

Status Store::put_vdir_card(std::string_view folder, const VdirCard& card, std::string_view base) {
  KITH_TRY(require_write(*impl_));
  return guarded(*impl_, [&]() -> Status {
    auto& st = impl_->prepare(
        "INSERT OR REPLACE INTO vdir_cards"
        " (folder, file, uid, contact_id, base, contact_rev, mtime_ns, size, inode)"
        " VALUES (:folder, :file, :uid, :contact, :base, :rev, :mtime, :size, :inode)");
    bind_text(st, ":folder", folder);
    st.bind(":file", card.file);
    bind_optional(st, ":uid", card.uid);
    if (card.contact_id) {
      st.bind(":contact", *card.contact_id);
    } else {
      st.bind(":contact");
    }
    bind_text(st, ":base", base);
    st.bind(":rev", card.contact_rev);
    st.bind(":mtime", card.mtime_ns);
    st.bind(":size", card.size);
    st.bind(":inode", card.inode);
    st.exec();
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

Result<std::vector<ContactStamp>> Store::contact_stamps() {
  return guarded(*impl_, [&]() -> Result<std::vector<ContactStamp>> {
    auto& st = impl_->prepare("SELECT id, uuid, updated_at, archived FROM contacts ORDER BY id");
    std::vector<ContactStamp> out;
    while (st.executeStep()) {
      out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                     st.getColumn(2).getString(), st.getColumn(3).getInt() != 0});
    }
    return out;
  });
}

}  // namespace kith
