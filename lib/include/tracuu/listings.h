// Looking at what an index holds: one stored article, overall statistics, and the
// documents and officials cited across all articles (with counts and dates).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tracuu/article.h"
#include "tracuu/search.h"

namespace tracuu {

// The stored record of the article with this docid ("42") or path (as given or
// absolute). Throws tracuu::Error(ErrorKind::Usage) when there is no such article.
Article show_article(const std::filesystem::path& db, const std::string& docid_or_path, bool with_text);

struct IndexStats {
  std::string path;
  std::size_t documents = 0;
  std::size_t terms = 0;                 // distinct terms of every kind
  std::uintmax_t bytes = 0;              // size on disk (0 for remote or stub members)
  std::optional<std::string> first, last;  // published date range
  std::size_t undated = 0;               // articles without a published date
  std::size_t refs = 0, officials = 0;   // distinct documents cited, officials named
  std::vector<FacetCount> sites;         // most articles first
  std::vector<FacetCount> years;         // ascending years
};
IndexStats index_stats(const std::filesystem::path& db);

struct CitedRef {
  std::string id;
  std::string kind, kind_label;
  std::optional<std::string> issuer, issued, subject;
  std::size_t articles = 0;
  std::size_t mentions = 0;
  std::optional<std::string> first_cited, last_cited;  // published dates of citing articles
};
// Every document referenced by id, most-cited first.
std::vector<CitedRef> list_refs(const std::filesystem::path& db);

struct OfficialTitle {
  std::string title;
  std::optional<std::string> first_seen, last_seen;  // published dates of the articles
  std::size_t articles = 0;
};
struct NamedOfficial {
  std::string name;
  std::vector<OfficialTitle> titles;   // in order first seen
  std::size_t articles = 0;
  std::optional<std::string> first_seen, last_seen;
};
// Every official named, most articles first.
std::vector<NamedOfficial> list_officials(const std::filesystem::path& db);

}  // namespace tracuu
