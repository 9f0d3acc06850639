// Index layouts: stubs and shards (see layout.h).
#include "index/layout.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <system_error>

#include "index/database.h"
#include "index/dictionary.h"
#include "index/terms.h"
#include "tracuu/error.h"

namespace tracuu::index {
namespace fs = std::filesystem;

namespace {

constexpr const char* kStubName = "XAPIANDB";

bool is_stub_file(const fs::path& p) {
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return false;
  // A Xapian stub is a small text file of "auto PATH" / "remote ..." lines.
  std::ifstream in(p);
  std::string word;
  in >> word;
  return word == "auto" || word == "remote" || word == "glass" || word == "chert" || word == "inmemory";
}

Shard parse_line(const std::string& line, const fs::path& base, const fs::path& stub, std::size_t line_no) {
  std::istringstream in(line);
  std::string kind, rest;
  in >> kind;
  std::getline(in >> std::ws, rest);
  Shard s;
  s.line = line;
  if (kind == "auto" || kind == "glass") {
    const fs::path p(rest);
    s.path = p.is_absolute() ? p : (base / p).lexically_normal();
    return s;
  }
  if (kind == "remote") {
    s.remote = true;
    const std::size_t colon = rest.rfind(':');
    if (!rest.empty() && rest[0] != ':' && colon != std::string::npos) {
      s.host = rest.substr(0, colon);
      try {
        s.port = static_cast<unsigned>(std::stoul(rest.substr(colon + 1)));
      } catch (const std::exception&) {
        s.port = 0;
      }
    }
    if (s.port == 0 && (rest.empty() || rest[0] != ':')) {
      throw Error(ErrorKind::Index, fmt::format("{}:{}: expected 'remote HOST:PORT'", stub.string(), line_no),
                  "fix the stub file");
    }
    return s;
  }
  throw Error(ErrorKind::Index, fmt::format("{}:{}: cannot read the line '{}'", stub.string(), line_no, line),
              "stub lines are 'auto PATH' or 'remote HOST:PORT'");
}

}  // namespace

Layout read_layout(const fs::path& db) {
  Layout layout;
  fs::path stub;
  std::error_code ec;
  if (fs::is_directory(db, ec) && fs::exists(db / kStubName, ec)) {
    stub = db / kStubName;
  } else if (is_stub_file(db)) {
    stub = db;
  }
  if (stub.empty()) {
    layout.shards.push_back({db.string(), false, db, {}, 0});
    return layout;
  }
  layout.stub = stub;
  std::ifstream in(stub);
  std::size_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    const std::size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    layout.shards.push_back(parse_line(line.substr(start), stub.parent_path(), stub, line_no));
  }
  if (layout.shards.empty()) {
    throw Error(ErrorKind::Index, fmt::format("the stub {} lists no shard", stub.string()),
                "add 'auto PATH' or 'remote HOST:PORT' lines");
  }
  return layout;
}

void write_stub(const fs::path& stub, const std::vector<std::string>& lines) {
  const fs::path tmp = stub.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (const auto& l : lines) out << l << '\n';
    out.flush();
    if (!out) throw Error(ErrorKind::Io, fmt::format("cannot write {}", tmp.string()), "is the index directory writable?");
  }
  std::error_code ec;
  fs::rename(tmp, stub, ec);  // atomic: readers see the old stub or the new one
  if (ec) throw Error(ErrorKind::Io, fmt::format("cannot replace {}: {}", stub.string(), ec.message()));
}

Layout create_sharded(const fs::path& db, unsigned count) {
  std::error_code ec;
  if (fs::exists(db, ec) && !fs::is_empty(db, ec)) {
    throw Error(ErrorKind::Index, fmt::format("{} exists and is not a sharded index", db.string()),
                "give --shards only when creating an index: use a new --db, or leave --shards out");
  }
  // Built beside its final name and renamed into place: a kill leaves no half-made index.
  const fs::path tmp = fs::path(db.string() + ".creating-shards");
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  if (ec) throw Error(ErrorKind::Io, fmt::format("cannot create {}: {}", tmp.string(), ec.message()));
  std::vector<std::string> lines;
  for (unsigned i = 0; i < count; ++i) lines.push_back(fmt::format("auto shard-{:02}", i));
  for (unsigned i = 0; i < count; ++i) open_writable(tmp / fmt::format("shard-{:02}", i)).close();
  write_stub(tmp / kStubName, lines);
  fs::remove(db, ec);  // an empty directory given as --db
  fs::rename(tmp, db, ec);
  if (ec) throw Error(ErrorKind::Io, fmt::format("cannot create {}: {}", db.string(), ec.message()));
  return read_layout(db);
}

Xapian::Database open_shards(const Layout& layout, bool partial, std::vector<std::string>* unavailable) {
  Xapian::Database all;
  for (const auto& shard : layout.shards) {
    try {
      Xapian::Database one;
      if (shard.remote && shard.port) {
        one = Xapian::Remote::open(shard.host, shard.port, 10000, 10000);
      } else if (shard.remote) {
        // "remote :PROGRAM ARGS": let Xapian run the program (xapian-progsrv over ssh).
        std::istringstream in(shard.line.substr(shard.line.find(':') + 1));
        std::string program, args;
        in >> program;
        std::getline(in >> std::ws, args);
        one = Xapian::Remote::open(program, args);
      } else {
        if (!fs::exists(shard.path)) throw Xapian::DatabaseNotFoundError("no such database");
        one = Xapian::Database(shard.path.string());
      }
      // Each shard's own: a combined handle reads metadata from the first shard only.
      register_dictionaries(one);
      all.add_database(one);
    } catch (const Xapian::Error& e) {
      const std::string what = fmt::format("shard '{}' of {}: {}", shard.line, layout.stub.string(), e.get_msg());
      if (!partial) {
        throw Error(ErrorKind::Index, "cannot open " + what,
                    shard.remote ? "is its xapian-tcpsrv running and reachable? (--partial searches the other shards)"
                                 : "check the path in the stub (--partial searches the other shards)");
      }
      if (unavailable) unavailable->push_back(what);
    }
  }
  return all;
}

unsigned shard_of(std::string_view path_bytes, unsigned count) {
  return count <= 1 ? 0 : static_cast<unsigned>(fnv1a(path_bytes) % count);
}

}  // namespace tracuu::index
