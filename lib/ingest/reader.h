// Reading one file for ingest: the articles in it (one, or one per line of a .jsonl
// crawl dump), each with the source id its document is stored under, and the file's
// content hash. Thread-safe: workers call read_file() concurrently.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "tracuu/ingest.h"

namespace tracuu::ingest {

struct SourcedArticle {
  std::string source_id;  // raw path bytes, plus '\0' and the line number for .jsonl lines
  Article article;
  Xapian::Document document;  // built by the reading worker (index::make_document)
};

struct FileRead {
  std::vector<SourcedArticle> articles;
  std::vector<SkipReason> skips;   // .jsonl lines that could not be used
  std::string skip_reason;         // set when the whole file could not be used
  std::string content_hash;        // FNV-1a of the bytes, hex; empty when unread
  std::uintmax_t bytes = 0;
};

FileRead read_file(const std::filesystem::path& path, const Extractor& extractor, std::uintmax_t max_size);

// The articles of a JSON Lines crawl dump: one object per line with "url", "title",
// "date" and "content" (or "text"/"body"; "html" is read as HTML). `display` names the
// file; each article's path is "<display>:<line>".
void read_jsonl(std::string_view bytes, const std::string& display, const std::string& raw_path,
                const Extractor& extractor, FileRead& out);

bool is_jsonl_file(const std::filesystem::path& path);

}  // namespace tracuu::ingest
