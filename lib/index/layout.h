// How an index is laid out on disk: a single Xapian database, or a stub listing shards
// (local databases and remote `xapian-tcpsrv` servers). `ingest --shards K` creates a
// directory holding K shard databases and a XAPIANDB stub file, so --db names the whole;
// a stub may also be a plain file anywhere, written by hand.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

namespace tracuu::index {

struct Shard {
  std::string line;                 // the stub line, as written ("auto shard-00", "remote host:9000")
  bool remote = false;
  std::filesystem::path path;       // local: absolute path of the database
  std::string host;                 // remote: host and port
  unsigned port = 0;
};

struct Layout {
  std::filesystem::path stub;       // the stub file; empty for a single database
  std::vector<Shard> shards;        // one entry (the database itself) when not sharded
  bool sharded() const { return !stub.empty(); }
  bool remote() const {  // some shard is served by xapian-tcpsrv
    for (const Shard& s : shards)
      if (s.remote) return true;
    return false;
  }
};

// Reads the layout at `db`: a stub file, a directory with a XAPIANDB stub, or a single
// database (which need not exist yet). Throws tracuu::Error(ErrorKind::Index) on a stub
// line it cannot understand.
Layout read_layout(const std::filesystem::path& db);

// Creates a directory `db` with `count` empty shard databases (shard-00, shard-01, ...)
// and its XAPIANDB stub. Throws tracuu::Error when `db` exists and is not empty.
Layout create_sharded(const std::filesystem::path& db, unsigned count);

// Writes `lines` as the stub at `stub`, replacing it atomically (rename).
void write_stub(const std::filesystem::path& stub, const std::vector<std::string>& lines);

// Opens every shard of `layout` for reading as one database. A shard that cannot be
// opened is an error naming it (tracuu::Error, ErrorKind::Index) unless `partial`: then
// it is left out and its name and the reason are appended to `unavailable`.
Xapian::Database open_shards(const Layout& layout, bool partial, std::vector<std::string>* unavailable);

// Which of `count` shards a file belongs to: a stable hash of its raw path.
unsigned shard_of(std::string_view path_bytes, unsigned count);

}  // namespace tracuu::index
