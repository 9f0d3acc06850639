// Keys for the boolean entity terms, shared by the writer (what it stores) and the query
// parser (what a `ref:`, `official:` or `kind:` field looks up), so both sides agree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <xapian.h>

#include "data/hash.h"  // fnv1a

namespace tracuu::index {

// "09-CT/TW", "9-ct/tw", "09 – CT/TW" -> "9-ct/tw": folded, no spaces, dashes unified,
// leading zeros of the first number dropped.
std::string ref_key(std::string_view code);

// "Tô Lâm", "TÔ LÂM", "to lam" -> "to lam".
std::string official_key(std::string_view name);

// "chi-thi", "Chỉ thị", "chi thi" -> "chi-thi".
std::string kind_key(std::string_view kind);

// The unique-id term for an article path (raw bytes); hashed past Xapian's term limit.
std::string unique_term(std::string_view path_bytes);

// The sample bucket term of an article (schema.h kSample), from its unique id, and the
// term of bucket `n` (0 <= n < kSampleBuckets).
unsigned sample_bucket(std::string_view source_id);
std::string sample_term(std::string_view source_id);
std::string sample_term(unsigned bucket);

// `query` kept to enough sample buckets to hold about `target` of its `expected`
// matches, or `query` itself when expected <= target; `buckets` receives how many of
// the kSampleBuckets were kept (counts over the sample scale by kSampleBuckets/buckets).
Xapian::Query sampled(const Xapian::Query& query, Xapian::doccount expected, Xapian::doccount target,
                      unsigned& buckets);

// A pass of `query` that matches nothing, only reads term statistics: the bounds and
// estimate of its matches, and its terms' weights (for MSet::snippet).
Xapian::MSet statistics(const Xapian::Database& db, const Xapian::Query& query);

// The folded-space term of a word: "Đường" -> "Zduong".
std::string folded_term(std::string_view word);

// A Xapian::Stem that folds words (text::fold): the "Z" term space.
Xapian::Stem folding_stemmer();

}  // namespace tracuu::index
