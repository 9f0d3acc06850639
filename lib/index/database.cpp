// Opening indexes and mapping Xapian errors to messages that say what to do.
#include "index/database.h"

#include <fmt/format.h>

#include <system_error>

#include <unistd.h>

#include "index/layout.h"
#include "index/schema.h"
#include "tracuu/error.h"
#include "tracuu/text.h"

namespace tracuu::index {
namespace {

std::string current(const char* key) {
  if (std::string(key) == kMetaSchema) return std::to_string(kSchemaVersion);
  return std::to_string(text::kNormalizerVersion);
}

// The first version key (schema, normaliser) on which `database` differs from this
// build, or nullptr. An empty index, and remote shards (which serve no metadata), match.
const char* other_version(const Xapian::Database& database) {
  if (database.get_doccount() == 0) return nullptr;
  for (const char* key : {kMetaSchema, kMetaNormalizer}) {
    const std::string stored = database.get_metadata(key);
    if (!stored.empty() && stored != current(key)) return key;
  }
  return nullptr;
}

// An index written by another version has other terms: searching it would silently
// miss articles, so refuse with the command that fixes it.
void check_versions(const Xapian::Database& database, const std::filesystem::path& db) {
  if (const char* key = other_version(database)) {
    throw Error(ErrorKind::Index,
                fmt::format("index {} was built by another version of tracuu ({} {}, this one uses {})", db.string(),
                            key, database.get_metadata(key), current(key)),
                fmt::format("rebuild it from the folders it holds: `tracuu ingest --force --db {} PATH...`",
                            db.string()));
  }
}

}  // namespace

void with_index_errors(const std::filesystem::path& db, const std::function<void()>& body) {
  try {
    body();
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(ErrorKind::Index, fmt::format("index is locked by another ingest: {}", db.string()),
                "wait for it to finish, or run `tracuu ingest --wait` to start as soon as it does");
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw Error(ErrorKind::Index, fmt::format("no index at {}", db.string()),
                "create it with `tracuu ingest PATH...`, or point --db or TRACUU_DB at an existing index");
  } catch (const Xapian::DatabaseCorruptError& e) {
    throw Error(ErrorKind::Index, fmt::format("index {} is damaged: {}", db.string(), e.get_msg()),
                "check it with `xapian-check`; rebuild it with `tracuu ingest` into a new --db");
  } catch (const Xapian::DatabaseVersionError& e) {
    throw Error(ErrorKind::Index, fmt::format("index {} has an unsupported format: {}", db.string(), e.get_msg()),
                "rebuild it with `tracuu ingest` into a new --db");
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw Error(ErrorKind::Index, fmt::format("cannot open index {}: {}", db.string(), e.get_msg()),
                "is it a tracuu index? pass another --db or create one with `tracuu ingest`");
  } catch (const Xapian::NetworkError& e) {
    throw Error(ErrorKind::Index, fmt::format("index {}: network error: {}", db.string(), e.get_msg()),
                "is the shard server running and reachable?");
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::Index, fmt::format("index {}: {}: {}", db.string(), e.get_type(), e.get_msg()));
  }
}

namespace {

// A new index is built beside its final name and renamed into place, so a kill at any
// moment leaves either no index or a whole one, never a directory Xapian cannot open.
void create_atomically(const std::filesystem::path& db) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(db, ec)) return;
  const fs::path parent = db.has_parent_path() ? db.parent_path() : fs::path(".");
  const std::string prefix = db.filename().string() + ".creating-";
  for (const auto& entry : fs::directory_iterator(parent, ec))  // left by a killed run
    if (entry.path().filename().string().rfind(prefix, 0) == 0) fs::remove_all(entry.path(), ec);
  const fs::path tmp = parent / (prefix + std::to_string(::getpid()));
  with_index_errors(db, [&] {
    Xapian::WritableDatabase fresh(tmp.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    fresh.set_metadata(kMetaSchema, current(kMetaSchema));
    fresh.set_metadata(kMetaNormalizer, current(kMetaNormalizer));
    fresh.commit();
    fresh.close();
  });
  fs::rename(tmp, db, ec);
  if (ec) fs::remove_all(tmp, ec);  // another process created it meanwhile: use theirs
}

}  // namespace

Xapian::WritableDatabase open_writable(const std::filesystem::path& db, bool wait, bool rebuild) {
  std::error_code ec;
  if (db.has_parent_path()) std::filesystem::create_directories(db.parent_path(), ec);
  if (ec) {
    throw Error(ErrorKind::Io, fmt::format("cannot create {}: {}", db.parent_path().string(), ec.message()),
                "pass a writable --db DIR");
  }
  create_atomically(db);
  Xapian::WritableDatabase database;
  with_index_errors(db, [&] {
    const int lock = wait ? Xapian::DB_RETRY_LOCK : 0;
    database = Xapian::WritableDatabase(db.string(), Xapian::DB_CREATE_OR_OPEN | lock);
    if (rebuild && other_version(database)) {
      database.close();  // and start again empty: everything is re-indexed anyway
      database = Xapian::WritableDatabase(db.string(), Xapian::DB_CREATE_OR_OVERWRITE | lock);
    }
    check_versions(database, db);
    if (database.get_metadata(kMetaSchema).empty()) {
      database.set_metadata(kMetaSchema, current(kMetaSchema));
      database.set_metadata(kMetaNormalizer, current(kMetaNormalizer));
    }
  });
  return database;
}

Xapian::Database open_readable(const std::filesystem::path& db, bool partial, std::vector<std::string>* unavailable,
                               Layout* layout_out) {
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) {
    throw Error(ErrorKind::Index, fmt::format("no index at {}", db.string()),
                "create it with `tracuu ingest PATH...`, or point --db or TRACUU_DB at an existing index");
  }
  const Layout layout = read_layout(db);
  Xapian::Database database;
  with_index_errors(db, [&] {
    database = layout.sharded() ? open_shards(layout, partial, unavailable) : Xapian::Database(db.string());
    check_versions(database, db);
  });
  if (layout_out) *layout_out = layout;
  return database;
}

}  // namespace tracuu::index
