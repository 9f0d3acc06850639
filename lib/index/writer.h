// The index writer: adds or replaces one document per article (unique term = path),
// remembers file signatures for change detection, and commits in batches.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include <xapian.h>

#include "tracuu/article.h"

namespace tracuu::index {

class Writer {
 public:
  // Opens or creates the index. Throws tracuu::Error (locked, damaged, other version).
  explicit Writer(const std::filesystem::path& db);

  // The signature stored for this path, or "" when the path is not indexed.
  std::string stored_signature(std::string_view path_bytes);

  // Adds or replaces the article's document; returns true when it replaced one.
  bool put(const Article& article, std::string_view path_bytes, const std::string& signature);

  // Makes everything put so far durable. Call explicitly: Xapian's destructor commits
  // too, but swallows the exception.
  void commit();

 private:
  void raise_metadata_count(const char* key, std::size_t count);

  std::filesystem::path path_;
  Xapian::WritableDatabase db_;
  std::size_t max_refs_ = 0;       // facet slots used in this run (schema.h)
  std::size_t max_officials_ = 0;
};

}  // namespace tracuu::index
