// compact_index(): Xapian's compaction of every shard into one database (document data,
// values, spelling, synonyms and metadata are all carried over), then an atomic swap.
#include "tracuu/compact.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <system_error>

#include "index/bounds.h"
#include "index/database.h"
#include "index/dictionary.h"
#include "index/layout.h"
#include "index/path_order.h"
#include "index/schema.h"
#include "tracuu/error.h"

namespace tracuu {
namespace {

namespace fs = std::filesystem;

// Metadata found in several shards: the facet slot counts take the largest; the lists of
// compression dictionaries are joined (each shard's articles need theirs); anything else
// (versions, the abbreviation table and the dictionaries themselves, whose keys name
// their content) is the same everywhere, so the first will do.
// (Xapian 1.4's glass backend passes the key as its table stores it, after the two bytes
// that mark user metadata.)
class TracuuCompactor : public Xapian::Compactor {
 public:
  std::string resolve_duplicate_metadata(const std::string& stored, size_t num_tags,
                                         const std::string tags[]) override {
    const bool marked = stored.size() >= 2 && stored[0] == '\0' && stored[1] == '\xc0';
    const std::string key = marked ? stored.substr(2) : stored;
    if (key == index::kMetaMaxRefs || key == index::kMetaMaxOfficials) {
      std::size_t best = 0;
      for (size_t i = 0; i < num_tags; ++i) best = std::max<std::size_t>(best, std::stoul(tags[i]));
      return std::to_string(best);
    }
    if (key == index::kMetaDictionaries) {
      std::vector<unsigned> all;
      for (size_t i = 0; i < num_tags; ++i)
        for (const unsigned id : index::parse_ids(tags[i]))
          if (std::find(all.begin(), all.end(), id) == all.end()) all.push_back(id);
      return index::join_ids(all);
    }
    return tags[0];
  }
};

std::uintmax_t size_of(const fs::path& p) {
  std::error_code ec;
  std::uintmax_t total = 0;
  if (fs::is_regular_file(p, ec)) return fs::file_size(p, ec);
  for (const auto& e : fs::recursive_directory_iterator(p, ec))
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  return total;
}

std::string stamp() {
  return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count());
}

// What a compaction killed part-way leaves beside a single database: the half-written
// copy, or the old database not yet removed. Called with the write lock held, so no
// other compaction is running.
void remove_leftovers(const fs::path& db) {
  std::error_code ec;
  const fs::path parent = db.has_parent_path() ? db.parent_path() : fs::path(".");
  const std::string name = db.filename().string();
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string other = entry.path().filename().string();
    if (other.rfind(name + ".compact-", 0) == 0 || other.rfind(name + ".old-", 0) == 0) fs::remove_all(entry.path(), ec);
  }
}

}  // namespace

CompactResult compact_index(const fs::path& db, const std::optional<fs::path>& into) {
  const auto started = std::chrono::steady_clock::now();
  std::error_code ec;
  if (!fs::exists(db, ec)) {
    throw Error(ErrorKind::Index, fmt::format("no index at {}", db.string()), "pass the --db of an existing index");
  }
  const index::Layout layout = index::read_layout(db);
  CompactResult result;
  result.from = db.string();
  result.sources = layout.shards.size();

  // Hold every shard's write lock: an ingest meanwhile would be lost in the swap.
  std::vector<Xapian::WritableDatabase> locks;
  Xapian::Database sources;
  for (const auto& shard : layout.shards) {
    if (shard.remote) {
      throw Error(ErrorKind::Index, fmt::format("{} lists a remote shard ({}): compaction needs local files",
                                                db.string(), shard.line),
                  "compact on the machine that holds the shard, or write a stub of local shards");
    }
    locks.push_back(index::open_writable(shard.path));
    index::with_index_errors(shard.path, [&] { sources.add_database(Xapian::Database(shard.path.string())); });
    result.bytes_before += size_of(shard.path);
  }
  result.documents = sources.get_doccount();
  if (!layout.sharded()) remove_leftovers(db);

  fs::path target;
  if (into) {
    target = *into;
    if (fs::exists(target, ec) && !fs::is_empty(target, ec)) {
      throw Error(ErrorKind::Io, fmt::format("{} exists and is not empty", target.string()),
                  "give --into a new directory");
    }
  } else if (layout.sharded()) {
    target = layout.stub.parent_path() / ("compact-" + stamp());
  } else {
    target = fs::path(db.string() + ".compact-" + stamp());
  }
  TracuuCompactor compactor;
  index::with_index_errors(target, [&] {
    const unsigned flags = layout.shards.size() > 3 ? Xapian::DBCOMPACT_MULTIPASS : 0;
    sources.compact(target.string(), flags, 0, compactor);
  });
  // Shards merged into one have their docids renumbered, and so does a single index whose
  // first articles were removed (Xapian closes the gap before the first docid): their
  // bounds (bounds.h) and path-order mark (path_order.h) hold no longer, and the result
  // gets its own.
  index::with_index_errors(target, [&] {
    // Read-only first: a writable handle takes the lock (a child process with Xapian 1.4),
    // which the common case, a single index compacted with its docids, does not need.
    if (layout.shards.size() == 1 && Xapian::Database(target.string()).get_lastdocid() == sources.get_lastdocid())
      return;
    Xapian::WritableDatabase merged(target.string(), Xapian::DB_OPEN);
    index::write_bounds(merged);
    index::write_path_order(merged);
    merged.commit();
  });
  result.into = target.string();
  result.bytes_after = size_of(target);

  if (!into) {
    if (layout.sharded()) {
      index::write_stub(layout.stub, {"auto " + target.filename().string()});
      for (auto& lock : locks) lock.close();
      for (const auto& shard : layout.shards) fs::remove_all(shard.path, ec);
    } else {
      for (auto& lock : locks) lock.close();
      const fs::path old = fs::path(db.string() + ".old-" + stamp());
      fs::rename(db, old, ec);
      if (!ec) fs::rename(target, db, ec);
      if (ec) {
        throw Error(ErrorKind::Io, fmt::format("cannot swap {} into place: {}", target.string(), ec.message()),
                    fmt::format("the compacted index is at {}", target.string()));
      }
      fs::remove_all(old, ec);
      result.into = db.string();
    }
    result.swapped = true;
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace tracuu
