// PhraseCheck: phrases taken out of the matcher's hot loop (phrases.h).
#include "index/phrases.h"

#include "index/dated.h"

namespace tracuu::index {
namespace {

// The words of an exact phrase of single terms, in order, or nothing when `query` is
// not one (a phrase of phrases, or NEAR, is left to Xapian).
std::vector<std::string> phrase_words(const Xapian::Query& query) {
  if (query.get_type() != Xapian::Query::OP_PHRASE) return {};
  std::vector<std::string> words;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const Xapian::Query sub = query.get_subquery(i);
    if (sub.get_type() != Xapian::Query::LEAF_TERM) return {};
    words.push_back(*sub.get_terms_begin());
  }
  // The parser's phrases span exactly their words; anything else is not ours to judge.
  if (query.get_description().find(" PHRASE " + std::to_string(words.size()) + " ") == std::string::npos)
    return {};
  return words;
}

}  // namespace

Xapian::Query PhraseCheck::rewrite(const Xapian::Query& query) {
  Xapian::Query::op op = query.get_type();
  const std::size_t n = query.get_num_subqueries();
  std::size_t must = 0;  // the first `must` subqueries must match: rewrite inside them
  if (op == Xapian::Query::OP_PHRASE) {
    std::vector<std::string> words = phrase_words(query);
    if (words.size() < 2) return query;
    phrases_.push_back(std::move(words));
    op = Xapian::Query::OP_AND;  // its words are single terms: nothing inside to rewrite
  } else if (op == Xapian::Query::OP_AND) {
    must = n;
  } else if (op == Xapian::Query::OP_FILTER || op == Xapian::Query::OP_AND_MAYBE) {
    must = 1;  // the rest only filters, or only adds weight
  } else {
    return query;
  }
  std::vector<Xapian::Query> parts;
  for (std::size_t i = 0; i < n; ++i) parts.push_back(i < must ? rewrite(query.get_subquery(i)) : query.get_subquery(i));
  return Xapian::Query(op, parts.begin(), parts.end());
}

bool PhraseCheck::operator()(const Xapian::Document& doc) const {
  const Xapian::docid did = doc.get_docid();
  for (const auto& words : phrases_)
    if (!holds(did, words)) return false;
  return true;
}

// Positions p, p+1, ... of the words in turn: walk the first word's positions and
// skip the others forward to where they would have to be.
bool PhraseCheck::holds(Xapian::docid did, const std::vector<std::string>& words) const {
  // Xapian 1.4 reads each position list through a new cursor copied from the position
  // table's own one, which only a lookup of the table itself moves: left where the index
  // was opened, every list costs two block reads, the branch and the leaf, though
  // successive lists of a word go through the same branch. One such lookup on the first
  // document checked (a term list's positionlist_count()) leaves the table's cursor on
  // the branch of a phrase word, and of the words near it in the alphabet: their lists
  // then cost the leaf alone. "tình trạng khai" at 20,000 articles: 738 → 493 block
  // reads for 40k more instructions.
  if (!primed_) {
    primed_ = true;
    const std::string& word = words[words.size() / 2];
    Xapian::TermIterator term = db_.termlist_begin(did);
    term.skip_to(word);
    if (term != db_.termlist_end(did) && *term == word) (void)term.positionlist_count();
  }
  std::vector<Xapian::PositionIterator> at;
  for (const std::string& word : words) {
    at.push_back(db_.positionlist_begin(did, word));
    if (at.back() == db_.positionlist_end(did, word)) return false;
  }
  const Xapian::PositionIterator end;
  for (Xapian::PositionIterator first = at[0]; first != end; ++first) {
    const Xapian::termpos start = *first;
    bool all = true;
    for (std::size_t k = 1; k < words.size() && all; ++k) {
      at[k].skip_to(start + static_cast<Xapian::termpos>(k));
      if (at[k] == end) return false;  // this word occurs no later: no start can work
      all = *at[k] == start + k;
    }
    if (all) return true;
  }
  return false;
}

Xapian::MSet count_matches(const Xapian::Database& db, const Xapian::Query& asked, const PhraseCheck& phrases,
                           Xapian::doccount check) {
  Xapian::Enquire enquire(db);
  enquire.set_query(dates_as_terms(asked, db));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 0, check, nullptr, phrases.empty() ? nullptr : &phrases);
}

Xapian::MSet count_matches(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount check) {
  PhraseCheck phrases(db);
  const Xapian::Query asked = phrases.rewrite(query);
  return count_matches(db, asked, phrases, check);
}

}  // namespace tracuu::index
