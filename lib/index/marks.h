// Marks: what an ingest or compaction writes after a run of writes to speed searches up
// (the bounds of bounds.h, the path order of path_order.h), stored in metadata with the
// state of the index it was written for: its article count, last docid and total length.
// A mark read in another state (a later write, an interrupted run) says nothing.
// Internal header of lib/index.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

namespace tracuu::index {

// The state a mark is written for and read in.
std::string mark_state(const Xapian::Database& db);

// Stores under `key` that `says` holds for `db` as it is now.
void write_mark(Xapian::WritableDatabase& db, const char* key, std::string_view says);

// Before the first change of a run of writes.
void clear_mark(Xapian::WritableDatabase& db, const char* key);

// What the mark under `key` says, if it was written for `db` as it is now.
std::optional<std::string> read_mark(const Xapian::Database& db, const char* key);

}  // namespace tracuu::index
