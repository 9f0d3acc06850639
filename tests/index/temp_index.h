// A test index on disk, written by index::Writer as ingest writes one and removed at the
// end: `articles` articles made by article(i), in a folder of the system's temporary
// directory named after `name` and the process.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <functional>
#include <string>

#include "index/document.h"
#include "index/writer.h"
#include "tracuu/article.h"

namespace tracuu::testing {

// Adds `a` through `writer` as ingest does.
inline void put_article(index::Writer& writer, const Article& a, bool maybe_stored = false) {
  writer.put(a.path, index::make_document(a, a.path, a.path, "1:2", "ff"), maybe_stored);
}

struct TempIndex {
  std::filesystem::path dir;
  TempIndex(const std::string& name, unsigned articles, const std::function<Article(unsigned)>& article) {
    dir = std::filesystem::temp_directory_path() / ("tracuu-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    index::Writer writer(dir, false);
    for (unsigned i = 0; i < articles; ++i) put_article(writer, article(i));
    writer.commit();
  }
  ~TempIndex() { std::filesystem::remove_all(dir); }
  TempIndex(const TempIndex&) = delete;
  TempIndex& operator=(const TempIndex&) = delete;
};

}  // namespace tracuu::testing
