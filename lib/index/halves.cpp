// Halves: one search on two threads (halves.h).
#include "index/halves.h"

#include <algorithm>
#include <tuple>

namespace tracuu::index {
namespace {

// Every docid in one half of [1, last docid] of the database it is given: the matcher
// skips the other query parts to it, and skips it along their matches. Docids of
// deleted articles are in the range too, which is harmless under a filter: no other
// part of the query matches them. In a search over several shards Xapian gives each
// shard a clone, so each shard is halved by its own docids.
class DocidHalf : public Xapian::PostingSource {
 public:
  explicit DocidHalf(int part) : part_(part) {}

  void init(const Xapian::Database& db) override {
    std::tie(first_, last_) = half_range(db, part_);
    const Xapian::docid last = db.get_lastdocid();
    const Xapian::doccount span = last_ >= first_ ? last_ - first_ + 1 : 0;
    // The bound is the whole index, not the half: with the half's span as its bound,
    // Xapian rounded the estimate of a half it had counted in full (257 matches read 250).
    articles_ = db.get_doccount();
    est_ = last == 0 ? 0 : static_cast<Xapian::doccount>(static_cast<double>(span) * articles_ / last);
    at_ = 0;
  }
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return est_; }
  Xapian::doccount get_termfreq_max() const override { return articles_; }
  void next(double) override { at_ = at_ == 0 ? first_ : at_ + 1; }
  void skip_to(Xapian::docid did, double) override { at_ = std::max({at_, did, first_}); }
  bool check(Xapian::docid did, double min_weight) override {
    skip_to(did, min_weight);
    return true;
  }
  bool at_end() const override { return at_ > last_; }
  Xapian::docid get_docid() const override { return at_; }
  PostingSource* clone() const override { return new DocidHalf(part_); }
  std::string name() const override { return "tracuu::DocidHalf"; }
  std::string get_description() const override { return "DocidHalf(" + std::to_string(part_) + ")"; }

 private:
  int part_;
  Xapian::docid first_ = 1, last_ = 0, at_ = 0;
  Xapian::doccount est_ = 0, articles_ = 0;
};

}  // namespace

std::pair<Xapian::docid, Xapian::docid> half_range(const Xapian::Database& db, int part) {
  const Xapian::docid last = db.get_lastdocid();
  const Xapian::docid middle = last / 2;
  if (part == 0) return {1, middle};
  return {middle + 1, last};
}

const Xapian::Database& Halves::second() {
  if (!second_) {
    Xapian::Database opened = open_();
    if (state_of(opened) != state_) throw Xapian::DatabaseModifiedError("the index changed while it was being searched");
    second_.emplace(std::move(opened));
  }
  return *second_;
}

Xapian::Query in_half(const Xapian::Query& query, int part) {
  if (query.empty()) return query;  // matches nothing, in either half
  return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query((new DocidHalf(part))->release()));
}

}  // namespace tracuu::index
