// Opening the index: one place that turns Xapian's exceptions into tracuu::Error with
// the path and a next step, and that checks the schema and normaliser versions.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/layout.h"

namespace tracuu::index {

// Opens (creating if needed) the index for writing. Throws tracuu::Error(ErrorKind::Index)
// when it is locked by another writer (unless `wait`: then it waits for the lock),
// damaged, or of another schema/normaliser version (unless `rebuild`: then it is
// emptied, for a run that re-indexes everything).
Xapian::WritableDatabase open_writable(const std::filesystem::path& db, bool wait = false, bool rebuild = false);

// Opens an existing index (a database, or a stub of local and remote shards) for reading.
// Throws tracuu::Error(ErrorKind::Index) with a hint when it is missing, damaged or
// incompatible, or a shard cannot be opened — unless `partial`: then the shards that
// open are searched and the others are named in `unavailable`. The layout it read is
// stored in `layout` when given.
Xapian::Database open_readable(const std::filesystem::path& db, bool partial = false,
                               std::vector<std::string>* unavailable = nullptr, Layout* layout = nullptr);

// Runs `body` and converts any Xapian::Error escaping it into tracuu::Error naming `db`.
void with_index_errors(const std::filesystem::path& db, const std::function<void()>& body);

}  // namespace tracuu::index
