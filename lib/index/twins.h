// Exact twins. A query word typed with accents adds its exact term ("Z^với") beside the
// folded one ("Zvoi") to rank the articles with those accents first. Where the index has
// the folded word only ever with those accents (both terms in the same number of articles,
// the same number of times), the two weigh the same in every article: the exact term
// ranks nothing, and reading its postings, as long as the folded word's, is half the
// work of a search for a common word. merge_twins() drops such an exact term and
// counts the folded one twice, which gives every article the same weight as before.
// Internal header of lib/index.
#pragma once

#include <xapian.h>

#include <set>
#include <string>

namespace tracuu::index {

// The exact terms of `query` that are twins of its folded terms in `db` and can be
// merged: only terms whose weight is simply added to an article's (under AND, OR,
// AND_MAYBE, or the weighted side of FILTER and AND_NOT), each occurring once in the
// query; a word inside a phrase, a synonym group or a scaled part, or typed twice, keeps
// both terms.
std::set<std::string> exact_twins(const Xapian::Query& query, const Xapian::Database& db);

// `query` with the exact terms in `twins` (from exact_twins() of this query) removed and
// their folded terms' weight doubled; `query` itself when `twins` is empty. The result
// weighs and matches as `query` does, but counts fewer terms, so Xapian's percentages
// (which count the query's terms an article matches) must come from `query`.
Xapian::Query merge_twins(const Xapian::Query& query, const std::set<std::string>& twins);

// The folded term an exact term ("Z^với") is the accented form of ("Zvoi"), or "" for
// any other term.
std::string folded_twin(const std::string& term);

// The factor merge_twins() gives the weight of the folded term `folded`: 2 where its
// exact twin is in `twins`, else 1.
double twin_factor(const std::string& folded, const std::set<std::string>& twins);

}  // namespace tracuu::index
