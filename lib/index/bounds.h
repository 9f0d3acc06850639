// Bounds for headline words. A query word adds its headline term ("ZSquan") to the
// ranking (searcher.cpp), and Xapian 1.4 weighs every article such a term is in: glass
// keeps one bound per term, so for a word in a third of the headlines the pass weighs a
// third of the index. The index keeps, for each headline word in many articles and each
// block of 128 docids, the occurrences and length of the block's article where the word
// weighs most; a ranked pass reads the term through a posting source
// that weighs exactly as Xapian's BM25 does and skips the blocks where the term cannot
// add what a match would need ("quản" at 100,000 articles: 38,232 articles weighed
// before, about 800 after, by a measure of the blocks). Internal header of lib/index.
#pragma once

#include <xapian.h>

#include <set>
#include <string>

namespace tracuu::index {

// Headline words in at least this many articles get bounds: skipping blocks pays for
// reading the bounds only on long posting lists (at 20,000 generated articles no
// headline word is in so many; at 100,000, 35 are).
inline constexpr Xapian::doccount kBoundedTermfreq = 10000;

// Before the first change of a run of writes: the bounds stored no longer hold.
void clear_bounds(Xapian::WritableDatabase& db);

// After a run of writes (committed): the bounds of every headline word in at least
// `min_articles` articles, and a mark that they describe this state of the index (its
// article count, last docid and total length). Bounds of other words go.
void write_bounds(Xapian::WritableDatabase& db, Xapian::doccount min_articles = kBoundedTermfreq);

// The headline terms of `db` whose bounds hold for it now: none without the mark, for
// another state, or across several shards.
std::set<std::string> bounded_terms(const Xapian::Database& db);

// Those of `terms` (bounded_terms()) that `query` holds once, with a weight of one and
// in a place that only adds weight and decides no match (query_tree.h).
std::set<std::string> boundable(const Xapian::Query& query, const std::set<std::string>& terms);

// `query` with the leaves of boundable(query, terms) read through their bounds in `db`:
// every article weighs what it did, and the match is the same.
Xapian::Query bound_headlines(const Xapian::Query& query, const Xapian::Database& db,
                              const std::set<std::string>& terms);

}  // namespace tracuu::index
