// Docids in path order (path_order.h).
#include "index/path_order.h"

#include <string>

#include "index/bounds.h"
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
  db.set_metadata(kMetaPathOrder, mark_state(db) + '\n' + std::to_string(through));
}

void clear_path_order(Xapian::WritableDatabase& db) { db.set_metadata(kMetaPathOrder, ""); }

Xapian::docid path_ordered_through(const Xapian::Database& db) {
  if (db.size() != 1) return 0;
  const std::string mark = db.get_metadata(kMetaPathOrder);
  const std::size_t line = mark.find('\n');
  if (line == std::string::npos || mark.compare(0, line, mark_state(db)) != 0) return 0;
  try {
    return static_cast<Xapian::docid>(std::stoul(mark.substr(line + 1)));
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace tracuu::index
