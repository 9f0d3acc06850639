// Phrases checked late: a quoted phrase that must match (on its own, or inside an AND
// or the left side of a filter) is matched as the AND of its words, and its positions
// are read by a MatchDecider. Xapian calls a decider only for a candidate whose weight
// can still place it in the page asked for, so the positions of most matches are never
// read; the weights are the same, since Xapian weighs a phrase as the AND of its words.
// Internal header of lib/index.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace tracuu::index {

class PhraseCheck : public Xapian::MatchDecider {
 public:
  explicit PhraseCheck(const Xapian::Database& db) : db_(db) {}

  // `query` with every phrase it must match replaced by the AND of the phrase's words,
  // each remembered for operator(); phrases under OR, NOT or a boost stay as they are.
  Xapian::Query rewrite(const Xapian::Query& query);
  bool empty() const { return phrases_.empty(); }

  // True when the document holds every remembered phrase.
  bool operator()(const Xapian::Document& doc) const override;

 private:
  bool holds(Xapian::docid did, const std::vector<std::string>& words) const;

  Xapian::Database db_;
  std::vector<std::vector<std::string>> phrases_;
  mutable bool primed_ = false;  // the position table's cursor moved (holds())
};

// The articles `query` matches on `db`, counted exactly as far as `check` by a pass that
// weighs nothing, its phrases checked as the ranked passes check them.
Xapian::MSet count_matches(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount check);
// The same for a query already rewritten by `phrases` (`asked` = phrases.rewrite(query)).
Xapian::MSet count_matches(const Xapian::Database& db, const Xapian::Query& asked, const PhraseCheck& phrases,
                           Xapian::doccount check);

}  // namespace tracuu::index
