// Docids in path order (path_order.h).
#include "index/path_order.h"

#include <charconv>
#include <string>

#include "index/marks.h"
#include "index/schema.h"

namespace tracuu::index {

void write_path_order(Xapian::WritableDatabase& db) {
  // One pass over the paths in docid order, to the first that sorts before the one
  // before it (the values of a slot are stored by docid, in chunks: at 20,000 articles
  // 2 MB, read in a few milliseconds).
  Xapian::docid through = db.get_lastdocid();
  std::string last;
  for (auto v = db.valuestream_begin(kSlotSource); v != db.valuestream_end(kSlotSource); ++v) {
    if (*v < last) {
      through = v.get_docid() - 1;
      break;
    }
    last = *v;
  }
  write_mark(db, kMetaPathOrder, std::to_string(through));
}

void clear_path_order(Xapian::WritableDatabase& db) { clear_mark(db, kMetaPathOrder); }

Xapian::docid path_ordered_through(const Xapian::Database& db) {
  if (db.size() != 1) return 0;
  const std::optional<std::string> says = read_mark(db, kMetaPathOrder);
  Xapian::docid through = 0;
  if (!says || std::from_chars(says->data(), says->data() + says->size(), through).ec != std::errc()) return 0;
  return through;
}

}  // namespace tracuu::index
