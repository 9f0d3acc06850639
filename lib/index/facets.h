// Facet counts for a search: how many matching articles cite each document, name each
// official, and fall in each year and site. A broad query is counted over a sample.
#pragma once

#include <map>
#include <string>
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

// Counts the facets of the articles `query` matches: all of them when `exact` or when
// `expected` (the estimated number of matches) is at most kFacetSampleTarget; otherwise
// those in enough sample buckets to hold about that many (the buckets are terms, so
// remote shards sample too). `remote`: count with Xapian's own spies, which a shard
// server knows. `halves`, when given (local shards only), counts the two halves of the
// index at once. Years come newest first, the other lists most frequent first.
Facets count_facets(const Xapian::Database& db, bool remote, const Xapian::Query& query,
                    Xapian::doccount expected, bool exact, Halves* halves = nullptr);

}  // namespace tracuu::index
