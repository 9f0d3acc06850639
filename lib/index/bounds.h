// Bounds for common words. A query word adds its headline term ("ZSquan") to the ranking
// (searcher.cpp), and Xapian 1.4 weighs every article such a term is in: glass keeps one
// bound per term, so for a word in a third of the headlines the pass weighs a third of
// the index, and for a one-word query whose word is in nearly every article ("với"), the
// whole index. The index keeps, for each headline word and each word of the text in many
// articles, and each block of 128 docids, the occurrences and length of the block's
// article where the word weighs most; a ranked pass reads such a term through a posting
// source that weighs exactly as Xapian's BM25 does and skips the blocks where the term
// cannot add what a match would need ("quản" at 100,000 articles: 38,232 articles weighed
// before, about 800 after, by a measure of the blocks). Internal header of lib/index.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace tracuu::index {

// Words of the texts in at least this many articles get bounds: skipping blocks pays for
// reading the bounds only on long posting lists, and the bounds of a common word of the
// texts take a pass over its postings to write (at 20,000 generated articles 233 words,
// 0.2 s; at 100,000, 377 words, 1.1 s).
inline constexpr Xapian::doccount kBoundedTermfreq = 10000;
// Headline words from fewer articles: their postings are few, and a one-word query's pass
// is mostly their weighing once its word alone cannot make the page ("học" at 20,000
// articles, 4% fewer instructions for single words than with 10,000).
inline constexpr Xapian::doccount kBoundedHeadlineTermfreq = 1000;

// Before the first change of a run of writes: the bounds stored no longer hold.
void clear_bounds(Xapian::WritableDatabase& db);

// After a run of writes (committed): the bounds of every word of the texts in at least
// `min_text` articles and every headline word in at least `min_headline` (their folded
// terms), and a mark (marks.h) listing those terms for this state of the index. Bounds of
// other words go.
void write_bounds(Xapian::WritableDatabase& db, Xapian::doccount min_text = kBoundedTermfreq,
                  Xapian::doccount min_headline = kBoundedHeadlineTermfreq);

// The terms of an index whose bounds hold for it now: the list the mark keeps, looked up
// in place (a search asks about a few terms; the list may hold hundreds).
class BoundedTerms {
 public:
  BoundedTerms() = default;
  explicit BoundedTerms(std::string lines) : lines_(std::move(lines)) {}
  bool contains(std::string_view term) const;
  bool empty() const { return lines_.empty(); }

 private:
  std::string lines_;  // "\n" before each term
};

// None without the mark, for another state, or across several shards.
BoundedTerms bounded_terms(const Xapian::Database& db);

// Those of `terms` that `query` holds once with a weight of one, each in a place that
// only adds weight and decides no match (query_tree.h), or as the one term whose articles
// the query matches (under filters) where no other term weighs in `db` but its exact twin
// merged (`twins`, twins.h): "với" in an index where "với" is in no headline. (Where a
// headline term adds weight, the matched term's bounds seldom let a pass skip, and reading
// them cost 2-3% more instructions at 20,000 articles.)
std::set<std::string> boundable(const Xapian::Query& query, const BoundedTerms& terms, const Xapian::Database& db,
                                const std::set<std::string>& twins);

// `query` with the leaves of boundable(query, terms) read through their bounds in `db`:
// every article weighs what it did, and the match is the same. The term a query matches
// on weighs double where its exact twin is in `twins` (twins.h), which merge_twins() then
// takes out.
Xapian::Query bound_terms(const Xapian::Query& query, const Xapian::Database& db, const std::set<std::string>& terms,
                          const std::set<std::string>* twins = nullptr);

}  // namespace tracuu::index
