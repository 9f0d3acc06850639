// Searching an index: query parsing (Vietnamese with or without diacritics, phrases,
// AND/OR/NOT, fields), ranking, snippets. Results carry the stored article record, so the
// source files are never reopened.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tracuu/article.h"
#include "tracuu/resources.h"

namespace tracuu {

// The index used when --db is not given: $TRACUU_DB, else $XDG_DATA_HOME/tracuu/index,
// else ~/.local/share/tracuu/index.
std::filesystem::path default_db_path();

enum class Sort { Relevance, Newest, Oldest };

struct SearchOptions {
  std::size_t limit = 10;
  std::size_t offset = 0;
  Sort sort = Sort::Relevance;
  std::size_t snippet_bytes = 240;
  bool exact = false;          // accents the user typed must match exactly
  bool facets = false;         // count refs, officials, years and sites over the matches
  bool exact_facets = false;   // count them over every match, however many (implies facets;
                               // without it a broad query's facets are estimated from a sample)
  bool collapse = false;       // fold near-duplicate copies of one story into one hit
  std::optional<std::string> from, to;  // published date bounds "YYYY-MM-DD" (inclusive)
  // Abbreviations are expanded as synonyms with the table the index was ingested with.
  // An index that holds none (one built by an earlier version; remote shards, which
  // serve no metadata) takes the table of the resources this gives (the command line
  // loads its data folder), called only then; without it, none are expanded.
  std::function<Resources()> abbreviations_elsewhere;
  bool partial = false;        // a shard that cannot be opened is left out with a warning
  std::size_t halve_from = 30000;  // a local index of at least this many articles is matched
                                   // as two halves of its docids at once, on two threads (a
                                   // smaller one is searched in about a millisecond, of which
                                   // the thread and second handle would cost a good part)...
  std::size_t halve_matches = 10000;  // ...when the query may match at least this many
};

// One facet value and how many matching articles carry it.
struct FacetCount {
  std::string value;
  std::size_t count = 0;
};

struct SearchHit {
  std::size_t rank = 0;            // 1-based, counting from the first result overall
  unsigned docid = 0;              // Xapian docid: not stable across re-indexing or shards
  double score = 0;
  int percent = 0;
  Article article;                 // the stored record (text left empty)
  std::string snippet;             // plain text, no markup
  std::vector<std::pair<std::size_t, std::size_t>> highlights;  // byte ranges in snippet
  std::size_t duplicates = 0;      // with collapse: near-duplicate copies folded into this hit
};

struct SearchResult {
  std::string query;
  std::string parsed;              // Xapian's description of the parsed query
  std::size_t total_estimate = 0;
  bool total_exact = false;        // every match was counted: total_estimate is the count
  std::size_t offset = 0;
  std::size_t limit = 0;
  std::optional<std::string> suggestion;
  std::vector<SearchHit> hits;
  std::vector<std::string> warnings;  // e.g. shards left out with SearchOptions::partial
  // With SearchOptions::facets: "refs", "officials", "years", "sites" -> counts, most first.
  // Counted over every match when few match (or with SearchOptions::exact_facets), else
  // estimated from a sample of them: the share of matches counted, 1 when all were.
  std::map<std::string, std::vector<FacetCount>> facets;
  double facet_sample = 1.0;
};

// Runs `query` against the index at `db`. Throws tracuu::Error: ErrorKind::Index when the
// index is missing, damaged or of another version (with a hint), ErrorKind::Query when
// the query cannot be parsed (message in plain words).
SearchResult search(const std::filesystem::path& db, const std::string& query,
                    const SearchOptions& options);

}  // namespace tracuu
