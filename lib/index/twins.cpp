// exact_twins() and merge_twins() (twins.h).
#include "index/twins.h"

#include <set>
#include <string>

#include "index/query_tree.h"
#include "index/schema.h"
#include "tracuu/text.h"

namespace tracuu::index {
namespace {

// An exact term merged into its folded twin doubles the twin's weight.
constexpr double kTwinFactor = 2.0;


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

}  // namespace

std::string folded_twin(const std::string& term) {
  const std::string head = std::string(kFolded) + std::string(kExactMark);
  if (term.compare(0, head.size(), head) != 0) return {};
  return std::string(kFolded) + text::fold(std::string_view(term).substr(head.size()));
}

std::set<std::string> exact_twins(const Xapian::Query& query, const Xapian::Database& db) {
  const Census census(query);
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
  // The exact terms are taken out, their folded twins weighted double.
  return rebuild(query, [&](const std::string& term, const Xapian::Query& leaf) -> std::optional<Xapian::Query> {
    if (twins.count(term)) return Xapian::Query();
    if (twice.count(term)) return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, leaf, kTwinFactor);
    return std::nullopt;
  }, changed);
}

double twin_factor(const std::string& folded, const std::set<std::string>& twins) {
  for (const std::string& term : twins)
    if (folded_twin(term) == folded) return kTwinFactor;
  return 1.0;
}

}  // namespace tracuu::index
