// exact_twins() and merge_twins() (twins.h).
#include "index/twins.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "index/schema.h"
#include "tracuu/text.h"

namespace tracuu::index {
namespace {

using Op = Xapian::Query::op;

std::string term_of(const Xapian::Query& leaf) { return *leaf.get_terms_begin(); }

// Whether the weight of part `i` of an `op` is simply added to a match's: any part of an
// AND, OR or AND_MAYBE, the first of a FILTER or AND_NOT (the rest filter or exclude).
bool adds_weight(Op op, std::size_t i) {
  switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_MAYBE:
      return true;
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_AND_NOT:
      return i == 0;
    default:
      return false;
  }
}

// Where a leaf sits. `adds`: its weight is simply added to a match's (adds_weight() at
// every step down). `optional`: below a part that only adds weight (AND_MAYBE's second
// and later parts) with nothing but ORs and such parts since, so taking it out changes
// no set of matches anywhere in the query, only weights.
struct Place {
  bool adds = true, optional = false;

  Place child(Op op, std::size_t i) const {
    const bool stays_optional = op == Xapian::Query::OP_OR ? optional : op == Xapian::Query::OP_AND_MAYBE && i > 0;
    return {adds && adds_weight(op, i), stays_optional};
  }
};

// The folded term an exact term ("Z^với") is the accented form of ("Zvoi"), or "" for
// any other term.
std::string folded_twin(const std::string& term) {
  const std::string head = std::string(kFolded) + std::string(kExactMark);
  if (term.compare(0, head.size(), head) != 0) return {};
  return std::string(kFolded) + text::fold(std::string_view(term).substr(head.size()));
}

// Every term leaf of the query with the places it occurs in.
struct Census {
  std::map<std::string, std::vector<Place>> places;

  void take(const Xapian::Query& q, Place at) {
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
      places[term_of(q)].push_back(at);
      return;
    }
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) take(q.get_subquery(i), at.child(q.get_type(), i));
  }

  // The single place of a term that occurs once, if it does.
  const Place* once(const std::string& term) const {
    const auto it = places.find(term);
    return it != places.end() && it->second.size() == 1 ? &it->second.front() : nullptr;
  }
};

// The same index statistics: the exact term occurs wherever its folded twin does (each
// exact occurrence is also a folded one), so equal totals mean equal counts everywhere.
// Each term's two counts are read one after the other: the second is then found in the
// blocks the first read (taking turns between the terms read each block twice).
bool twins_in(const Xapian::Database& db, const std::string& exact, const std::string& folded) {
  const Xapian::doccount articles = db.get_termfreq(exact);
  if (articles == 0) return false;
  const Xapian::termcount occurrences = db.get_collection_freq(exact);
  return articles == db.get_termfreq(folded) && occurrences == db.get_collection_freq(folded);
}

// `q` with the leaves in `drop` (all optional, see Place) taken out and those in `twice`
// weighted double; `changed` tells whether anything was. An OR left without parts is
// empty, and so is an AND_MAYBE's part: the AND_MAYBE then stands for its first part.
Xapian::Query rebuild(const Xapian::Query& q, const std::set<std::string>& drop, const std::set<std::string>& twice,
                      bool& changed) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    const std::string term = term_of(q);
    if (drop.count(term)) {
      changed = true;
      return Xapian::Query();
    }
    if (twice.count(term)) {
      changed = true;
      return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 2.0);
    }
    return q;
  }
  const Op op = q.get_type();
  const std::size_t n = q.get_num_subqueries();
  std::vector<Xapian::Query> parts;
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) {
    const Xapian::Query sub = q.get_subquery(i);
    bool sub_changed = false;
    Xapian::Query out = adds_weight(op, i) ? rebuild(sub, drop, twice, sub_changed) : sub;
    any = any || sub_changed;
    if (!out.empty()) parts.push_back(std::move(out));
  }
  if (!any) return q;
  changed = true;
  if (parts.empty()) return Xapian::Query();
  if (parts.size() == 1 && (op == Xapian::Query::OP_OR || op == Xapian::Query::OP_AND_MAYBE)) return parts[0];
  return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace

std::set<std::string> exact_twins(const Xapian::Query& query, const Xapian::Database& db) {
  Census census;
  census.take(query, Place{});
  std::set<std::string> twins;
  for (const auto& [term, where] : census.places) {
    const std::string folded = folded_twin(term);
    if (folded.empty()) continue;
    const Place* exact = census.once(term);
    const Place* twin = census.once(folded);
    if (exact && exact->adds && exact->optional && twin && twin->adds && twins_in(db, term, folded))
      twins.insert(term);
  }
  return twins;
}

Xapian::Query merge_twins(const Xapian::Query& query, const std::set<std::string>& twins) {
  if (twins.empty()) return query;
  std::set<std::string> twice;
  for (const std::string& term : twins) twice.insert(folded_twin(term));
  bool changed = false;
  return rebuild(query, twins, twice, changed);
}

}  // namespace tracuu::index
