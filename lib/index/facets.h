// Facet counts for a search: how many matching articles cite each document, name each
// official, and fall in each year and site. A broad query is counted over a sample.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
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

// Facet counts by entry: "<code><value>", code one of kFacetKinds (schema.h), for one
// search. A broad query's sample counts some 30,000 entries, most of them seen once
// or twice, so the table is open-addressed over a power-of-two array and keeps the
// entries' bytes in one arena: counting allocates only when the table grows, where a
// node-based map allocated a node (and often a string) per new entry. Its hash need
// not be the project's stable one (data/hash.h): the standard library's takes eight
// bytes a step where FNV-1a takes one.
class PackedCounts {
 public:
  // Adds `n` to the count of `entry` (not empty).
  void add(std::string_view entry, std::size_t n = 1);
  // Adds every count of `other`.
  void add(const PackedCounts& other);
  std::size_t size() const { return used_; }
  // Calls f(entry, count) for each entry counted, in no particular order.
  template <class F>
  void for_each(F&& f) const {
    for (const Slot& slot : slots_)
      if (slot.length != 0) f(std::string_view(arena_).substr(slot.offset, slot.length), std::size_t{slot.count});
  }

 private:
  struct Slot {
    std::size_t hash = 0;
    std::uint32_t offset = 0, length = 0;  // in arena_; length 0: an empty slot
    std::uint32_t count = 0;
  };
  Slot& find(std::string_view entry, std::size_t hash);
  void grow();

  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t used_ = 0;
};

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
