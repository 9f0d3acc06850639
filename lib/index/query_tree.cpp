// Query trees whose leaves' weights change (query_tree.h).
#include "index/query_tree.h"

namespace tracuu::index {

bool adds_weight(Xapian::Query::op op, std::size_t i) {
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

Place Place::child(Xapian::Query::op op, std::size_t i) const {
  const bool stays_optional = op == Xapian::Query::OP_OR ? optional : op == Xapian::Query::OP_AND_MAYBE && i > 0;
  return {adds && adds_weight(op, i), stays_optional};
}

void Census::take(const Xapian::Query& q, Place at) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    places[*q.get_terms_begin()].push_back(at);
    return;
  }
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) take(q.get_subquery(i), at.child(q.get_type(), i));
}

const Place* Census::once(const std::string& term) const {
  const auto it = places.find(term);
  return it != places.end() && it->second.size() == 1 ? &it->second.front() : nullptr;
}

Xapian::Query rebuild(const Xapian::Query& q, const LeafRewrite& replace, bool& changed) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    std::optional<Xapian::Query> out = replace(*q.get_terms_begin(), q);
    if (!out) return q;
    changed = true;
    return std::move(*out);
  }
  const Xapian::Query::op op = q.get_type();
  const std::size_t n = q.get_num_subqueries();
  std::vector<Xapian::Query> parts;
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) {
    const Xapian::Query sub = q.get_subquery(i);
    bool sub_changed = false;
    Xapian::Query out = adds_weight(op, i) ? rebuild(sub, replace, sub_changed) : sub;
    any = any || sub_changed;
    if (!out.empty()) parts.push_back(std::move(out));
  }
  if (!any) return q;
  changed = true;
  if (parts.empty()) return Xapian::Query();
  if (parts.size() == 1 && (op == Xapian::Query::OP_OR || op == Xapian::Query::OP_AND_MAYBE)) return parts[0];
  return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace tracuu::index
