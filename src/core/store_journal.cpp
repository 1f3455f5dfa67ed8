// The journal of changes: recording each write's changeset, undo, redo, and forgetting.
#include "store_impl.hpp"

namespace kith {

void Store::note_change(ChangeNote note) { impl_->note = std::move(note); }

}  // namespace kith
