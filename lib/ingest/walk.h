// Walking the roots given to `ingest`: which files are articles, in a deterministic order.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tracuu/ingest.h"

namespace tracuu::ingest {

// What stat() said of an article file when the walk listed it.
struct FileStat {
  std::uintmax_t size = 0;
  long long mtime_ns = 0;  // nanoseconds since the Unix epoch
};

struct WalkedFile {
  // Raw path bytes: absolute, lexically normal. A string, not a path: a
  // std::filesystem::path also keeps its parsed components, several hundred bytes per
  // file, which at 100,000 files was a good part of ingest's peak memory.
  std::string path;
  std::optional<FileStat> stat;  // none when the file vanished between listing and stat
};

struct WalkResult {
  std::vector<WalkedFile> files;  // sorted by path bytes, unique
  std::vector<SkipReason> skips;  // roots or entries that could not be walked, by path
  std::size_t roots_found = 0;
  // Directory roots that exist and hold at least one article file: only under these may
  // --prune remove articles (a missing or empty root is more likely an unmounted disk).
  std::vector<std::filesystem::path> prunable_roots;
  // Folders that could not be listed (also among `skips`): what the index holds from
  // under them is not known to be gone, so --prune keeps it.
  std::vector<std::string> unlisted;

  // Whether the walk listed the file with these raw path bytes.
  bool listed(std::string_view path) const;
};

// Expands every root: a directory yields its .txt/.html/.htm/.jsonl files (recursively,
// not following directory links, so link loops cannot trap the walk; a link to a file is
// taken); a file is taken as it is. Each file is stat()ed once, by its name within its
// open directory. `threads` walk the directories at once (at least one: the caller's).
WalkResult walk(const std::vector<std::filesystem::path>& roots, unsigned threads = 1);

// True when the raw path `path` is `root` or lies under it.
bool is_under(std::string_view path, std::string_view root);

// True for a file name (as a directory lists it) with an extension ingest reads from
// folders (case-insensitive).
bool is_article_name(std::string_view name);
bool is_html_file(const std::filesystem::path& path);

}  // namespace tracuu::ingest
