// Compaction: merge an index's shards (or rewrite a single database) into one compact
// database, keeping everything tracuu stores, and swap it in for live readers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace tracuu {

struct CompactResult {
  std::string from;                 // the index compacted
  std::string into;                 // the database written
  std::size_t sources = 0;          // shards merged
  std::size_t documents = 0;
  std::uintmax_t bytes_before = 0, bytes_after = 0;
  double seconds = 0;
  bool swapped = false;             // `into` now serves `from`
};

// Merges the local shards of `db` into one database. With `into`, writes it there and
// leaves `db` as it is. Without, replaces `db` in place: for a sharded index the stub is
// rewritten atomically to name the merged database (readers holding the old shards keep
// reading them) and the old shards are removed; a single database is swapped by rename.
// Holds every shard's write lock meanwhile, so no ingest can change what is merged.
// Throws tracuu::Error (missing, locked or remote shards; unwritable target).
CompactResult compact_index(const std::filesystem::path& db, const std::optional<std::filesystem::path>& into);

}  // namespace tracuu
