// Walking the roots given to `ingest`: which files are articles, in a deterministic order.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tracuu/ingest.h"

namespace tracuu::ingest {

struct WalkResult {
  // Raw path bytes: absolute, lexically normal, sorted, unique. Strings, not paths: a
  // std::filesystem::path also keeps its parsed components, several hundred bytes per
  // file, which at 100,000 files was a good part of ingest's peak memory.
  std::vector<std::string> files;
  std::vector<SkipReason> skips;             // roots or entries that could not be walked
  std::size_t roots_found = 0;
  // Directory roots that exist and hold at least one article file: only under these may
  // --prune remove articles (a missing or empty root is more likely an unmounted disk).
  std::vector<std::filesystem::path> prunable_roots;
};

// Expands every root: a directory yields its .txt/.html/.htm files (recursively, not
// following directory links, so link loops cannot trap the walk); a file is taken as it is.
WalkResult walk(const std::vector<std::filesystem::path>& roots);

// True when `path` is `root` or lies under it.
bool is_under(const std::filesystem::path& path, const std::filesystem::path& root);

// True for the extensions ingest reads from folders (case-insensitive).
bool is_article_file(const std::filesystem::path& path);
bool is_html_file(const std::filesystem::path& path);

}  // namespace tracuu::ingest
