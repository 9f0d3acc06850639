// merge_exact_twins() (twins.h).
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

// Where a leaf sits. `adds`: its weight is simply added to a match's (every step down
// is into an AND, OR or AND_MAYBE, or the weighted first part of a FILTER or AND_NOT).
// `optional`: below a part that only adds weight (AND_MAYBE's second and later parts)
// with nothing but ORs and such parts since, so taking it out changes no set of matches
// anywhere in the query, only weights.
struct Place {
  bool adds = true, optional = false;

  Place child(Op op, std::size_t i) const {
    switch (op) {
      case Xapian::Query::OP_OR:
        return {adds, optional};
      case Xapian::Query::OP_AND:
        return {adds, false};
      case Xapian::Query::OP_AND_MAYBE:
        return {adds, i > 0};
      case Xapian::Query::OP_FILTER:
      case Xapian::Query::OP_AND_NOT:
        return {adds && i == 0, false};
      default:
        return {false, false};
    }
  }
};

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
bool twins_in(const Xapian::Database& db, const std::string& exact, const std::string& folded) {
  const Xapian::doccount articles = db.get_termfreq(exact);
  return articles > 0 && articles == db.get_termfreq(folded) &&
         db.get_collection_freq(exact) == db.get_collection_freq(folded);
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
    Xapian::Query out = Place{}.child(op, i).adds ? rebuild(sub, drop, twice, sub_changed) : sub;
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
  const std::string exact_head = std::string(kFolded) + std::string(kExactMark);
  std::set<std::string> twins;
  for (const auto& [term, where] : census.places) {
    if (term.compare(0, exact_head.size(), exact_head) != 0) continue;
    const Place* exact = census.once(term);
    if (!exact || !exact->adds || !exact->optional) continue;
    const std::string folded = std::string(kFolded) + text::fold(std::string_view(term).substr(exact_head.size()));
    const Place* twin = census.once(folded);
    if (twin && twin->adds && twins_in(db, term, folded)) twins.insert(term);
  }
  return twins;
}

Xapian::Query merge_twins(const Xapian::Query& query, const std::set<std::string>& twins) {
  if (twins.empty()) return query;
  const std::string exact_head = std::string(kFolded) + std::string(kExactMark);
  std::set<std::string> twice;
  for (const std::string& term : twins)
    twice.insert(std::string(kFolded) + text::fold(std::string_view(term).substr(exact_head.size())));
  bool changed = false;
  return rebuild(query, twins, twice, changed);
}

Xapian::Query merge_exact_twins(const Xapian::Query& query, const Xapian::Database& db) {
  return merge_twins(query, exact_twins(query, db));
}

}  // namespace tracuu::index
