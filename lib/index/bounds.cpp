// Bounds for common words (bounds.h).
#include "index/bounds.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>
#include <optional>
#include <utility>
#include <vector>


#include "index/marks.h"
#include "index/query_tree.h"
#include "index/schema.h"
#include "index/twins.h"

namespace tracuu::index {
namespace {

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>(0x80 | (v & 0x7F));
    v >>= 7;
  }
  out += static_cast<char>(v);
}

std::optional<std::uint64_t> get_varint(std::string_view& in) {
  std::uint64_t v = 0;
  for (unsigned shift = 0; !in.empty() && shift < 64; shift += 7) {
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return v;
  }
  return std::nullopt;
}

// BM25Weight::get_sumpart() divided by the term's weight: what an article's length
// `len` and the term's occurrences `wdf` in it make of the term's weight there, with
// `len_factor` one over the index's mean length. The same arithmetic in the same order.
double share(Xapian::termcount wdf, Xapian::termcount len, double len_factor) {
  const double normlen = std::max(len * len_factor, 0.5);
  const double wdf_double = wdf;
  const double denom = 1.0 * (normlen * 0.5 + (1 - 0.5)) + wdf_double;
  return wdf_double / denom;
}

// BM25Weight::init()'s len_factor for `db`.
double len_factor_of(const Xapian::Database& db) {
  const Xapian::doccount articles = db.get_doccount();
  double len_factor = articles == 0 ? 0 : static_cast<double>(db.get_total_length()) / articles;
  if (len_factor != 0) len_factor = 1 / len_factor;
  return len_factor;
}

// One block's bound: the occurrences and length of the block's article where the term
// weighs most, in the index's state when the bounds were written (the mark's), which is
// the state they are read in: the bound is then that article's weight exactly.
struct Block {
  Xapian::termcount wdf = 0, length = 0;
};

// The term's bounds, after its article and occurrence counts: a write that changed its
// postings without taking the mark away (a tracuu from before bounds) shows there.
std::string pack_blocks(const Xapian::Database& db, const std::string& term, double len_factor) {
  std::string out;
  put_varint(out, db.get_termfreq(term));
  put_varint(out, db.get_collection_freq(term));
  std::uint64_t current = 0, previous = 0;
  bool open = false, first = true;
  Block block;
  double most = -1;
  const auto flush = [&] {
    if (!open) return;
    put_varint(out, first ? current : current - previous);
    put_varint(out, block.wdf);
    put_varint(out, block.length);
    previous = current;
    first = false;
  };
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    const std::uint64_t k = *p >> kBoundBlockShift;
    if (!open || k != current) {
      flush();
      current = k;
      most = -1;
      open = true;
    }
    const Xapian::termcount wdf = p.get_wdf(), length = p.get_doclength();
    if (const double here = share(wdf, length, len_factor); here > most) {
      most = here;
      block = {wdf, length};
    }
  }
  flush();
  return out;
}

// A headline term read with its bounds: weighs an article as Xapian's BM25Weight (its
// defaults: k1 1, k2 0, k3 1, b 0.5, minimum normalised length 0.5) weighs a term
// occurring once in the query, with the same arithmetic in the same order, so weights are
// equal to the last bit; and skips the blocks whose bound is below the weight asked of
// it. Its bounds are read from the index it is started on.
class BoundedTerm : public Xapian::PostingSource {
 public:
  BoundedTerm(std::string term, double termweight, double len_factor)
      : term_(std::move(term)), termweight_(termweight), len_factor_(len_factor) {}

  BoundedTerm* clone() const override { return new BoundedTerm(term_, termweight_, len_factor_); }
  std::string name() const override { return "tracuu::BoundedTerm"; }

  void init(const Xapian::Database& db) override {
    it_ = db.postlist_begin(term_);
    end_ = db.postlist_end(term_);
    started_ = false;
    weighed_ = 0;
    termfreq_ = db.get_termfreq(term_);
    blocks_.assign((db.get_lastdocid() >> kBoundBlockShift) + 1, Block{});
    const std::string packed = db.get_metadata(kMetaBoundsPrefix + term_);
    std::string_view in = packed;
    const auto articles = get_varint(in), occurrences = get_varint(in);
    bounded_ = articles && occurrences && *articles == termfreq_ && *occurrences == db.get_collection_freq(term_);
    double most = 0;
    std::uint64_t k = 0;  // the block read last: the first is numbered, the rest a step on
    for (bool first = true; bounded_ && !in.empty(); first = false) {
      const auto step = get_varint(in), wdf = get_varint(in), length = get_varint(in);
      if (step) k = first ? *step : k + *step;
      if (!step || !wdf || !length || k >= blocks_.size() || *wdf > UINT_MAX || *length > UINT_MAX) {
        bounded_ = false;  // not what write_bounds() wrote: weigh every article
        break;
      }
      blocks_[k] = {static_cast<Xapian::termcount>(*wdf), static_cast<Xapian::termcount>(*length)};
      most = std::max(most, bound(k));
    }
    set_maxweight(bounded_ ? most : termweight_);
  }

  Xapian::doccount get_termfreq_min() const override { return termfreq_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_; }

  void next(double min_wt) override {
    if (started_) ++it_;
    started_ = true;
    settle(min_wt);
  }
  void skip_to(Xapian::docid did, double min_wt) override {
    started_ = true;
    it_.skip_to(did);
    settle(min_wt);
  }
  bool at_end() const override { return it_ == end_; }
  Xapian::docid get_docid() const override { return *it_; }
  double get_weight() const override {
    if (weighed_ != *it_) {
      weight_ = part(it_.get_wdf(), it_.get_doclength());
      weighed_ = *it_;
    }
    return weight_;
  }

 private:
  // BM25Weight::get_sumpart().
  double part(Xapian::termcount wdf, Xapian::termcount len) const { return termweight_ * share(wdf, len, len_factor_); }
  double bound(std::size_t k) const { return blocks_[k].wdf == 0 ? 0 : part(blocks_[k].wdf, blocks_[k].length); }

  // On to the first article at or after the current one where the term weighs at least
  // `min_wt`: past the blocks whose bound is lower, then past the articles of a block
  // where it weighs less (the matcher would check the query's other terms there, for an
  // article that cannot make the page: for "việc" with facets at 100,000 articles most
  // of a block's headline matches are such).
  void settle(double min_wt) {
    if (!bounded_ || min_wt <= 0) return;
    while (it_ != end_) {
      const std::size_t k = *it_ >> kBoundBlockShift;
      if (k >= blocks_.size()) return;
      if (bound(k) < min_wt) {
        it_.skip_to(static_cast<Xapian::docid>((k + 1) << kBoundBlockShift));
      } else if (get_weight() < min_wt) {
        ++it_;
      } else {
        return;
      }
    }
  }

  std::string term_;
  double termweight_, len_factor_;
  Xapian::PostingIterator it_, end_;
  bool started_ = false, bounded_ = false;
  Xapian::doccount termfreq_ = 0;
  std::vector<Block> blocks_;
  mutable Xapian::docid weighed_ = 0;  // the article weight_ is for (docids start at 1)
  mutable double weight_ = 0;
};

// Calls `f` on each leaf of `query` (of which `census` is taken) in a place that only adds
// weight and decides no match, once in the query with a weight of one, whose term
// `bounded` takes; `f` gives the leaf's replacement, or nothing.
Xapian::Query each_optional(const Xapian::Query& query, const Census& census,
                            const std::function<bool(const std::string&)>& bounded, const LeafRewrite& f) {
  bool changed = false;
  return rebuild(query, [&](const std::string& term, const Xapian::Query& leaf) -> std::optional<Xapian::Query> {
    const Place* place = census.once(term);
    if (!place || !place->adds || !place->optional || leaf.get_length() != 1 || !bounded(term)) return std::nullopt;
    return f(term, leaf);
  }, changed);
}

// The one term whose articles `query` (of which `census` is taken) matches, under
// filters and beside what only adds weight, if it has a weight of one and occurs nowhere
// else in the query.
std::optional<std::string> matched_term(const Xapian::Query& query, const Census& census) {
  Xapian::Query q = query;
  while (q.get_type() == Xapian::Query::OP_FILTER || q.get_type() == Xapian::Query::OP_AND_MAYBE) q = q.get_subquery(0);
  if (q.get_type() != Xapian::Query::LEAF_TERM || q.get_length() != 1) return std::nullopt;
  std::string term = *q.get_terms_begin();
  if (!census.once(term)) return std::nullopt;
  return term;
}

// `query` with the leaf matched_term() finds replaced by `leaf`.
Xapian::Query with_matched(const Xapian::Query& query, const Xapian::Query& leaf) {
  const Xapian::Query::op op = query.get_type();
  if (op != Xapian::Query::OP_FILTER && op != Xapian::Query::OP_AND_MAYBE) return leaf;
  std::vector<Xapian::Query> parts;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) parts.push_back(query.get_subquery(i));
  parts[0] = with_matched(parts[0], leaf);
  return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace

void clear_bounds(Xapian::WritableDatabase& db) { clear_mark(db, kMetaBounds); }

void write_bounds(Xapian::WritableDatabase& db, Xapian::doccount min_text, Xapian::doccount min_headline) {
  // Read everything first: metadata lives in the table the terms are listed from.
  const std::string prefix(kFolded);  // folded words of the texts ("Zvoi") and headlines ("ZSvoi")
  const std::string headline = prefix + std::string(kTitle);
  std::vector<std::pair<std::string, std::string>> bounds;
  const double len_factor = len_factor_of(db);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    if (t.get_termfreq() < std::min(min_text, min_headline)) continue;
    const std::string term = *t;
    const bool in_headline = term.compare(0, headline.size(), headline) == 0;
    if (t.get_termfreq() < (in_headline ? min_headline : min_text)) continue;
    // Exact forms ("Z^với", "ZS^với") only ever add weight beside their folded twins.
    const std::size_t word = in_headline ? headline.size() : prefix.size();
    if (term.compare(word, kExactMark.size(), kExactMark) == 0) continue;
    if (std::string(kMetaBoundsPrefix).size() + term.size() > 200) continue;  // Xapian's key limit is 245 bytes
    bounds.emplace_back(term, pack_blocks(db, term, len_factor));
  }
  std::vector<std::string> stale;
  for (auto k = db.metadata_keys_begin(kMetaBoundsPrefix); k != db.metadata_keys_end(kMetaBoundsPrefix); ++k)
    stale.push_back(*k);
  for (const std::string& key : stale) db.set_metadata(key, "");
  std::string terms;  // one a line
  for (const auto& [term, packed] : bounds) {
    db.set_metadata(kMetaBoundsPrefix + term, packed);
    terms += (terms.empty() ? "" : "\n") + term;
  }
  write_mark(db, kMetaBounds, terms);
}

bool BoundedTerms::contains(std::string_view term) const {
  for (std::size_t at = lines_.find(term); at != std::string::npos; at = lines_.find(term, at + 1))
    if (at > 0 && lines_[at - 1] == '\n' && (at + term.size() == lines_.size() || lines_[at + term.size()] == '\n'))
      return true;
  return false;
}

BoundedTerms bounded_terms(const Xapian::Database& db) {
  const std::optional<std::string> terms = read_mark(db, kMetaBounds);
  if (!terms || terms->empty()) return {};
  return BoundedTerms('\n' + *terms);
}

std::set<std::string> boundable(const Xapian::Query& query, const BoundedTerms& terms, const Xapian::Database& db,
                                const std::set<std::string>& twins) {
  std::set<std::string> out;
  if (terms.empty()) return out;
  const Census census(query);
  const auto bounded = [&](const std::string& term) { return terms.contains(term); };
  each_optional(query, census, bounded,
                [&](const std::string& term, const Xapian::Query&) -> std::optional<Xapian::Query> {
                  out.insert(term);
                  return std::nullopt;
                });
  // The matched term alone weighs: every other term that would add weight is its merged
  // twin or in no article.
  const auto term = matched_term(query, census);
  if (!term || !bounded(*term)) return out;
  for (const auto& [other, places] : census.places) {
    const bool weighs = std::any_of(places.begin(), places.end(), [](const Place& p) { return p.adds; });
    if (other == *term || !weighs || db.get_termfreq(other) == 0) continue;
    if (!twins.count(other) || folded_twin(other) != *term) return out;
  }
  out.insert(*term);
  return out;
}

Xapian::Query bound_terms(const Xapian::Query& query, const Xapian::Database& db, const std::set<std::string>& terms,
                          const std::set<std::string>* twins) {
  if (terms.empty()) return query;
  // BM25Weight::init(factor) for a term with wqf 1 and no relevance set.
  const Xapian::doccount articles = db.get_doccount();
  const double len_factor = len_factor_of(db);
  const auto through_bounds = [&](const std::string& term, double factor) {
    const Xapian::doccount tf = db.get_termfreq(term);
    double tw = (articles - tf + 0.5) / (tf + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    double termweight = std::log(tw) * factor;
    const double wqf_double = 1;
    termweight *= (1 + 1) * wqf_double / (1 + wqf_double);
    termweight *= (1 + 1);
    return Xapian::Query((new BoundedTerm(term, termweight, len_factor))->release());
  };
  const auto bounded = [&](const std::string& term) { return terms.count(term) != 0; };
  const Census census(query);
  Xapian::Query out = each_optional(query, census, bounded, [&](const std::string& term, const Xapian::Query&) {
    return std::optional<Xapian::Query>(through_bounds(term, 1.0));
  });
  // The matched term is in no optional place, so replacing those leaves left its census.
  if (const auto term = matched_term(out, census); term && bounded(*term))
    out = with_matched(out, through_bounds(*term, twins ? twin_factor(*term, *twins) : 1.0));
  return out;
}

}  // namespace tracuu::index
