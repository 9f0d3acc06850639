// Facet counts for a search: how many matching articles cite each document, name each
// official, and fall in each year and site. A broad query is counted over a sample.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "index/halves.h"
#include "tracuu/search.h"

namespace tracuu::index {

// Above this many matches (as the ranked pass estimated them), facets are counted over
// about this many, drawn from the sample buckets (schema.h kSample), and scaled up.
inline constexpr Xapian::doccount kFacetSampleTarget = 4000;

struct Facets {
  std::map<std::string, std::vector<FacetCount>> lists;  // "refs", "officials", "years", "sites"
  double sample = 1.0;  // the share of matches counted; below 1 the counts are estimates
};

// Facet counts by entry: "<code><value>", code one of kFacetKinds (schema.h). A table
// lives for one search, so its hash need not be the project's stable one (data/hash.h):
// the standard library's takes eight bytes a step where FNV-1a takes one, and a broad
// query's sample counts some 30,000 entries.
struct EntryHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view entry) const { return std::hash<std::string_view>{}(entry); }
};
using PackedCounts = std::unordered_map<std::string, std::size_t, EntryHash, std::equal_to<>>;

// Facets as counted, before their tables are merged and listed: one table, or one per
// half of the index. The listing (about 0.4 ms for a broad query at 100,000 articles)
// can then run beside other work.
struct FacetTally {
  std::vector<PackedCounts> parts;
  double sample = 1.0;  // as in Facets
};

// Counts the facets of the articles `query` matches: all of them when `exact` or when
// `expected` (the estimated number of matches) is at most kFacetSampleTarget; otherwise
// those in enough sample buckets to hold about that many (the buckets are terms, so
// remote shards sample too). `remote`: count with Xapian's own spies, which a shard
// server knows. `halves`, when given (local shards only), counts the two halves of the
// index at once. Years come newest first, the other lists most frequent first.
FacetTally tally_facets(const Xapian::Database& db, bool remote, const Xapian::Query& query,
                        Xapian::doccount expected, bool exact, Halves* halves = nullptr);

// The facet lists of a tally: its tables merged, scaled up from a sample, and sorted.
Facets list_facets(FacetTally tally);

// tally_facets() and list_facets() in one.
Facets count_facets(const Xapian::Database& db, bool remote, const Xapian::Query& query,
                    Xapian::doccount expected, bool exact, Halves* halves = nullptr);

}  // namespace tracuu::index
