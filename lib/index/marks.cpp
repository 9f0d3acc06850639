// Marks (marks.h): the state line, then what the mark says.
#include "index/marks.h"

#include <fmt/format.h>

namespace tracuu::index {

std::string mark_state(const Xapian::Database& db) {
  return fmt::format("{} {} {}", db.get_doccount(), db.get_lastdocid(), db.get_total_length());
}

void write_mark(Xapian::WritableDatabase& db, const char* key, std::string_view says) {
  db.set_metadata(key, mark_state(db) + '\n' + std::string(says));
}

void clear_mark(Xapian::WritableDatabase& db, const char* key) { db.set_metadata(key, ""); }

std::optional<std::string> read_mark(const Xapian::Database& db, const char* key) {
  std::string mark = db.get_metadata(key);
  const std::size_t line = mark.find('\n');
  if (line == std::string::npos || mark.compare(0, line, mark_state(db)) != 0) return std::nullopt;
  return mark.substr(line + 1);
}

}  // namespace tracuu::index
