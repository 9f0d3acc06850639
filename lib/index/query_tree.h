// Walking and rebuilding a Xapian query's tree where only the weights of its term leaves
// change: the exact twins (twins.h) and bounded common words (bounds.h) rewrite a
// ranked pass's query so. Internal header of lib/index.
#pragma once

#include <xapian.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tracuu::index {

// Whether the weight of part `i` of an `op` is simply added to a match's: any part of an
// AND, OR or AND_MAYBE, the first of a FILTER or AND_NOT (the rest filter or exclude).
bool adds_weight(Xapian::Query::op op, std::size_t i);

// Where a leaf sits. `adds`: its weight is simply added to a match's (adds_weight() at
// every step down). `optional`: below a part that only adds weight (AND_MAYBE's second
// and later parts) with nothing but ORs and such parts since, so taking it out changes
// no set of matches anywhere in the query, only weights.
struct Place {
  bool adds = true, optional = false;
  Place child(Xapian::Query::op op, std::size_t i) const;
};

// Every term leaf of a query with the places it occurs in.
struct Census {
  std::map<std::string, std::vector<Place>> places;

  explicit Census(const Xapian::Query& query) { take(query, Place{}); }
  // The single place of a term that occurs once, if it does.
  const Place* once(const std::string& term) const;

 private:
  void take(const Xapian::Query& q, Place at);
};

// `q` with each term leaf in a place whose weight is simply added replaced by what
// `replace` gives for it (nothing: the leaf stays; an empty query: it is taken out). An
// OR left without parts is empty, and so is an AND_MAYBE's part: the AND_MAYBE then
// stands for its first part. `changed` tells whether anything was.
using LeafRewrite = std::function<std::optional<Xapian::Query>(const std::string& term, const Xapian::Query& leaf)>;
Xapian::Query rebuild(const Xapian::Query& q, const LeafRewrite& replace, bool& changed);

}  // namespace tracuu::index
