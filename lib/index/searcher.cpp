// search(): the query parser set up for Vietnamese. Every word is matched in the folded
// "Z" space, so diacritics, tone style and case do not matter; accents the user typed
// still count for ranking (a boost on the exact forms), and with --exact for matching.
// Also: fields, date ranges, synonyms, sorting, collapsing, facets, snippets.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <set>

#include "data/resources_tables.h"
#include "index/bounds.h"
#include "index/database.h"
#include "index/dated.h"
#include "index/document.h"
#include "index/facets.h"
#include "index/halves.h"
#include "index/layout.h"
#include "index/path_order.h"
#include "index/phrases.h"
#include "index/query_rewrite.h"
#include "index/schema.h"
#include "index/snippets.h"
#include "index/suggest.h"
#include "index/terms.h"
#include "index/twins.h"
#include "tracuu/error.h"
#include "tracuu/search.h"
#include "tracuu/text.h"

namespace tracuu {
namespace {

using namespace index;

// A boolean field whose value is turned into a term by a key function shared with the
// writer, so `ref:9-ct/tw` finds what was stored for "09-CT/TW".
class KeyedField : public Xapian::FieldProcessor {
 public:
  using KeyFn = std::string (*)(std::string_view);
  KeyedField(std::string_view prefix, KeyFn key) : prefix_(prefix), key_(key) {}
  Xapian::Query operator()(const std::string& value) override { return Xapian::Query(prefix_ + key_(value)); }

 private:
  std::string prefix_;
  KeyFn key_;
};

std::string lower_key(std::string_view value) { return text::lower(text::normalize(value)); }
std::string as_is(std::string_view value) { return std::string(value); }

// "2024-10-18" as the published slot's values are written: "20241018".
std::string compact_date(const std::string& iso) {
  std::string out;
  for (char c : iso)
    if (c != '-') out += c;
  return out;
}

// Xapian's date ranges, refused where an end is no day of the calendar or the range
// starts after it ends: Xapian took "date:2024-13-01..2024-12-31" as a range of strings
// and "date:2025-01-01..2024-01-01" as no range at all, and either matched nothing
// without a word why. The parser reports the refusal as a bad date range.
class CalendarDates : public Xapian::DateRangeProcessor {
 public:
  using Xapian::DateRangeProcessor::DateRangeProcessor;
  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    Xapian::Query range = Xapian::DateRangeProcessor::operator()(begin, end);
    if (range.get_type() == Xapian::Query::OP_INVALID) return range;  // not dates: not ours
    // Xapian makes a range whose start sorts after its end nothing: say which end is wrong
    // where the ends were written YYYY-MM-DD.
    const auto written = [](const std::string& v) {
      const std::string d = compact_date(v);
      return (d.size() == 8 || d.empty()) && std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    const auto bounds = !range.empty() ? published_range(range)
                        : written(begin) && written(end)
                            ? std::make_optional(std::make_pair(compact_date(begin), compact_date(end)))
                            : std::nullopt;
    if (bounds)
      if (const auto problem = range_problem(bounds->first, bounds->second)) throw Xapian::RangeError(*problem);
    if (range.empty()) throw Xapian::RangeError("'" + begin + "' comes after '" + end + "'");
    return range;
  }
};

Xapian::QueryParser make_parser(const Xapian::Database& db) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(folding_stemmer());
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.add_prefix("title", std::string(kTitle));
  qp.add_boolean_prefix("ref", (new KeyedField(kRef, ref_key))->release());
  qp.add_boolean_prefix("kind", (new KeyedField(kKind, kind_key))->release());
  qp.add_boolean_prefix("official", (new KeyedField(kOfficial, official_key))->release());
  qp.add_boolean_prefix("site", (new KeyedField(kSite, lower_key))->release());
  qp.add_boolean_prefix("year", (new KeyedField(kYear, as_is))->release());
  qp.add_rangeprocessor((new CalendarDates(kSlotPublished, "date:", 0, 1930))->release());
  return qp;
}

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                 Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT;

// The words of a query as Xapian splits them (lower-cased).
std::vector<std::string> query_words(const std::string& normalized) {
  Xapian::Document words;
  Xapian::TermGenerator generator;
  generator.set_document(words);
  generator.index_text(normalized);
  std::vector<std::string> out;
  for (auto t = words.termlist_begin(); t != words.termlist_end(); ++t) out.push_back(*t);
  return out;
}

std::string exact_term(const std::string& word) {
  return std::string(kFolded) + std::string(kExactMark) + word;
}

// What the user typed counts in ranking beyond matching: articles with the exact accented
// forms rank above those that only match folded ("đường" above "dương" for the query
// "đường"), and articles with the words in their headline rank higher.
Xapian::Query ranking_boost(const std::vector<std::string>& words) {
  std::vector<Xapian::Query> boost;
  for (const auto& word : words) {
    boost.emplace_back(std::string(kFolded) + std::string(kTitle) + text::fold(word));
    if (text::has_diacritics(word)) boost.emplace_back(exact_term(word));
  }
  if (boost.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_OR, boost.begin(), boost.end());
}

// --exact: every accented word typed must occur with exactly those accents.
Xapian::Query exact_filter(const std::vector<std::string>& words) {
  std::vector<Xapian::Query> exact;
  for (const auto& word : words)
    if (text::has_diacritics(word)) exact.emplace_back(exact_term(word));
  if (exact.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, exact.begin(), exact.end());
}

Xapian::Query date_filter(const SearchOptions& options) {
  if (!options.from && !options.to) return Xapian::Query();
  if (const auto problem = range_problem(options.from ? compact_date(*options.from) : std::string(),
                                         options.to ? compact_date(*options.to) : std::string()))
    throw Error(ErrorKind::Query, "bad dates in --from/--to: " + *problem,
                "give --from and --to as YYYY, YYYY-MM or YYYY-MM-DD, the first no later than the second");
  if (!options.from) return Xapian::Query(Xapian::Query::OP_VALUE_LE, kSlotPublished, compact_date(*options.to));
  if (!options.to) return Xapian::Query(Xapian::Query::OP_VALUE_GE, kSlotPublished, compact_date(*options.from));
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotPublished, compact_date(*options.from),
                       compact_date(*options.to));
}

// What a ranked pass asks for: hits first .. first + count - 1 in the order asked for.
// By relevance, ties go by path when `by_path` (docids interleave across shards, and the
// same articles must come back in the same order whatever the index's layout), else by
// docid, and order_ties() puts them in path order afterwards. With `min_weight`, only
// matches weighing at least that much are considered. `twins` (exact_twins() of the
// query with its phrases taken out) are weighed once. A pass over half the index does
// not look ahead (ranked_pass()).
struct PassSpec {
  bool by_path = false;
  Xapian::doccount first = 0, count = 0;
  double min_weight = 0;
  const std::set<std::string>* twins = nullptr;
  bool half = false;
  // Terms read through their bounds (bounds.h): the same weights, with less work.
  const std::set<std::string>* bounded = nullptr;
};

// How far a pass looks past the hits asked for, so that small totals are exact. Less
// far with a phrase: Xapian asks the phrase check about every candidate that would make
// the first look_ahead() hits, and each answer reads the words' positions (two blocks a
// word, never cached by Xapian).
Xapian::doccount look_ahead(const SearchOptions& options, bool phrase) {
  return static_cast<Xapian::doccount>(options.offset + options.limit + (phrase ? 20 : 100));
}

bool all_counted(const Xapian::MSet& m) { return m.get_matches_lower_bound() == m.get_matches_upper_bound(); }

// Whether the articles `query` matches are those of one term (however its weight is
// scaled, and whatever filters it).
bool one_term(const Xapian::Query& query) {
  const Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::OP_FILTER || op == Xapian::Query::OP_SCALE_WEIGHT) return one_term(query.get_subquery(0));
  return op == Xapian::Query::LEAF_TERM;
}

// One ranked pass over `query`. Phrases are checked only on the candidates that can
// still make the page (a remote shard gets the query as parsed: a decider does not
// travel over the network).
Xapian::MSet ranked_pass(const Xapian::Database& db, bool remote, const Xapian::Query& query,
                         const SearchOptions& options, const PassSpec& spec) {
  PhraseCheck phrases(db);
  Xapian::Enquire enquire(db);
  if (spec.min_weight > 0) enquire.set_cutoff(0, spec.min_weight);
  Xapian::Query asked = dates_as_terms(query, db);  // plain terms: a remote shard takes them too
  if (!remote) asked = phrases.rewrite(asked);
  // Bounded first: the term a one-word query matches is read through its bounds with the
  // weight merging its exact twin gives it, and merging then takes the twin out.
  if (spec.bounded && !remote) asked = bound_terms(asked, db, *spec.bounded, spec.twins);
  if (spec.twins) asked = merge_twins(asked, *spec.twins);
  enquire.set_query(asked);
  if (options.sort != Sort::Relevance) {
    enquire.set_sort_by_value_then_relevance(kSlotDateKey, options.sort == Sort::Newest);
  } else if (spec.by_path) {
    enquire.set_sort_by_relevance_then_value(kSlotSource, false);
  }
  if (options.collapse) enquire.set_collapse_key(kSlotCollapse);
  // Look a little ahead (look_ahead()), but not in a half. Xapian 1.4.22, looking ahead
  // over part of the index (a half, or a match decider's share), can leave out a hit that
  // belongs among those asked for: at 100,000 articles "Đội date:2013-07-01..2013-12-31"
  // lost its 25th hit of 30 (not of 25 or 40), and so did a program of Xapian's calls
  // alone, for some look-aheads and not others. A half's small count is made exact by a
  // pass of its own (run_search()).
  const Xapian::doccount check = spec.half ? spec.first + spec.count : look_ahead(options, !phrases.empty());
  return enquire.get_mset(spec.first, spec.count, check, nullptr, phrases.empty() ? nullptr : &phrases);
}

// The hits of one or more passes in the order of a relevance ranking: by weight, ties by
// path, then docid, as far as the first `take` hits (a tie that starts later stays in
// docid order). Through docid `ordered` docid order is path order (path_order.h): a tie
// of such hits alone goes by docid. Otherwise a pass that sorted by path gives it as the
// sort key, or the path is read from the index, for the hits that tie only.
std::vector<Xapian::MSetIterator> order_ties(const std::vector<Xapian::MSet>& passes, std::size_t take,
                                             Xapian::docid ordered) {
  std::vector<Xapian::MSetIterator> hits;
  for (const Xapian::MSet& pass : passes)
    for (auto it = pass.begin(); it != pass.end(); ++it) hits.push_back(it);
  std::stable_sort(hits.begin(), hits.end(), [](const Xapian::MSetIterator& a, const Xapian::MSetIterator& b) {
    return a.get_weight() > b.get_weight();
  });
  for (std::size_t i = 0; i < std::min(take, hits.size());) {
    std::size_t end = i + 1;
    while (end < hits.size() && hits[end].get_weight() == hits[i].get_weight()) ++end;
    const auto by_docid = [](const Xapian::MSetIterator& a, const Xapian::MSetIterator& b) { return *a < *b; };
    if (end - i > 1 && **std::max_element(hits.begin() + i, hits.begin() + end, by_docid) <= ordered) {
      std::sort(hits.begin() + i, hits.begin() + end, by_docid);
    } else if (end - i > 1) {
      std::vector<std::pair<std::string, Xapian::MSetIterator>> tied;
      for (std::size_t k = i; k < end; ++k) {
        std::string key = hits[k].get_sort_key();
        if (key.empty()) key = hits[k].get_document().get_value(kSlotSource);
        tied.emplace_back(std::move(key), hits[k]);
      }
      std::sort(tied.begin(), tied.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : *a.second < *b.second;
      });
      for (std::size_t k = i; k < end; ++k) hits[k] = tied[k - i].second;
    }
    i = end;
  }
  return hits;
}

// How many hits past the page a weight-only pass returns, to see where the ties at its
// end stop. Every one more lowers the weight a candidate must beat, so Xapian skips less.
constexpr Xapian::doccount kTieMargin = 5;

// Whether the first `take` of `ranked` (order_ties() of `passes`, each asked for `asked`
// hits) are the first `take` of all the matches: each pass returned all it matched, or
// its last hit weighs less than the last one kept, so none it left out ties with that.
bool settled(const std::vector<Xapian::MSet>& passes, Xapian::doccount asked,
             const std::vector<Xapian::MSetIterator>& ranked, std::size_t take) {
  if (ranked.empty() || take == 0) return true;
  const double last_kept = ranked[std::min(take, ranked.size()) - 1].get_weight();
  return std::all_of(passes.begin(), passes.end(), [&](const Xapian::MSet& pass) {
    return pass.size() < asked || pass[pass.size() - 1].get_weight() < last_kept;
  });
}

// `query` limited to the article `doc`, by its unique term (empty if it has none).
Xapian::Query only(const Xapian::Query& query, const Xapian::Document& doc) {
  auto term = doc.termlist_begin();
  term.skip_to(std::string(kUnique));
  if (term == doc.termlist_end() || (*term).rfind(kUnique, 0) != 0) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(*term));
}

// `ordered`: the last docid through which docid order is path order (path_order.h).
void run_search(const Xapian::Database& database, const std::function<Xapian::Database()>& open_second, bool remote,
                const std::string& normalized, const SearchOptions& options, Xapian::docid ordered,
                SearchResult& result) {
  Xapian::QueryParser parser = make_parser(database);
  Xapian::Query query;
  try {
    query = parser.parse_query(normalized, kParseFlags);
  } catch (const Xapian::QueryParserError& e) {
    throw Error(ErrorKind::Query, fmt::format("cannot understand the query '{}': {}", result.query, e.get_msg()),
                "check quotes, brackets and date ranges (date:YYYY-MM-DD..YYYY-MM-DD); write AND, OR, NOT in capitals");
  } catch (const Xapian::RangeError& e) {
    throw Error(ErrorKind::Query, fmt::format("bad date range in '{}': {}", result.query, e.get_msg()),
                "write dates as date:YYYY-MM-DD..YYYY-MM-DD (either end may be left open)");
  }
  if (const Xapian::Query dates = date_filter(options); !dates.empty())
    query = query.empty() ? dates : Xapian::Query(Xapian::Query::OP_FILTER, query, dates);
  const std::vector<std::string> words = query_words(ranked_text(normalized));
  if (options.exact)
    if (const Xapian::Query exact = exact_filter(words); !exact.empty() && !query.empty())
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, exact);
  const Xapian::Query matching = query;
  if (const Xapian::Query boost = ranking_boost(words); !boost.empty() && !query.empty())
    query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, boost);
  result.parsed = query.get_description();
  // A phrase is checked late (phrases.h) and highlighted only word by word: both the
  // ranking and the snippets below go another way for it.
  const bool has_phrase = result.parsed.find(" PHRASE ") != std::string::npos;

  // By relevance without collapsing, on local shards, the passes order ties themselves
  // (below), may run in halves, and weigh twin terms once (twins.h: the same weights,
  // with less work; percentages and snippets then come from `query` itself). A phrase's
  // words are twins as the AND the passes match them as.
  const bool own_ties = options.sort == Sort::Relevance && !options.collapse && !remote;
  std::set<std::string> twins, bounded;
  if (own_ties) twins = exact_twins(PhraseCheck(database).rewrite(query), database);
  // Where docid order is path order throughout the index (path_order.h), Xapian's own
  // order (weight, then docid) is the ranking's, and ties need no path.
  const bool docid_order = own_ties && ordered != 0 && ordered >= database.get_lastdocid();
  // Otherwise Xapian breaks ties by path from the start where ties are certain (no word
  // to weigh: every match weighs nothing) or where a wider pass costs more than the
  // paths: a phrase's check reads positions for every candidate that could make the hits
  // asked for. Such a pass reads the path of every candidate: about four times the work
  // of weighing one.
  const bool by_path_first = !docid_order && (words.empty() || has_phrase);

  // Two halves pay for their thread and second handle (about 0.3 ms) only where there is
  // much to do: the query's bounds, from term statistics alone, say how many articles it
  // may match.
  std::optional<Halves> halves;
  std::optional<Xapian::MSet> bounds;
  if (own_ties && database.get_doccount() >= options.halve_from) {
    bounds = statistics(database, query);
    const Xapian::doccount worth = by_path_first ? options.halve_matches / 4 : options.halve_matches;
    if (bounds->get_matches_upper_bound() >= worth) halves.emplace(database, open_second);
  }
  // Bounds (bounds.h) let a pass skip the blocks, and the articles, where a bounded term
  // cannot add what a match needs: "quản" 58% fewer instructions at 100,000 articles,
  // "từ cơ sở" 21% fewer. Where several words are AND-ed, the articles a bounded term
  // passes over are weighed from their lengths, read in blocks of their own: that pays
  // in a long pass ("công an", "công tác" and "cong an" at 100,000 articles, in halves,
  // 190M → 75M instructions; the bench's folded queries 852M → 587M), not in a short one
  // (its folded queries at 20,000 articles: 3% fewer instructions, 43% more block reads).
  if (own_ties && (has_phrase || one_term(matching) || halves))
    bounded = boundable(query, bounded_terms(database), database, twins);
  // Merged twins and bounded terms weigh as the query does, but Xapian counts
  // the query's terms an article matches for its percentages: those come from `query`.
  const bool rewritten = !twins.empty() || !bounded.empty();

  // The page. By relevance (without collapsing) the passes rank by weight alone and
  // return a few hits past the page: Xapian breaking ties by path itself reads the path
  // of every candidate it weighs, most of the reads of a short search. order_ties() then
  // puts the tied hits in path order. Ties are common (copies of one story on several
  // sites weigh the same); when one goes on past the hits returned, the passes run again
  // with Xapian breaking ties by path, over the matches that weigh at least as much as
  // the last hit kept only, which Xapian finds with little work. The first passes give
  // the estimates and percentages. At 20,000 articles, 5 hits past the page beat 1 (with
  // which a quarter of the bench's queries ran twice) and 20 (under which Xapian skips
  // less) in instructions; block reads fall by half for words against Xapian sorting
  // by path. (Where Xapian breaks ties by path from the start: by_path_first, above.
  // Where docids are in path order, one pass asked for the page alone settles it.)
  const auto take = static_cast<Xapian::doccount>(options.offset + options.limit);
  std::vector<Xapian::MSet> passes;         // the first passes: estimates and percentages
  std::vector<Xapian::MSetIterator> ranked;  // from the first hit, or the page itself
  if (own_ties) {
    // One pass, or the two halves; `ranked` gets their hits in order.
    const auto run = [&](bool by_path, Xapian::doccount asked, double min_weight) {
      const std::function<Xapian::MSet(const Xapian::Database&, const Xapian::Query&)> pass =
          [&](const Xapian::Database& db, const Xapian::Query& q) {
            return ranked_pass(db, false, q, options,
                               {by_path, 0, asked, min_weight, &twins, halves.has_value(), &bounded});
          };
      std::vector<Xapian::MSet> out;
      if (halves) {
        auto [lower, upper] = halves->run<Xapian::MSet>(database, query, pass);
        out = {std::move(lower), std::move(upper)};
      } else {
        out = {pass(database, query)};
      }
      ranked = order_ties(out, take, ordered);
      return out;
    };
    if (by_path_first) {
      passes = run(true, take, 0);
    } else if (docid_order) {
      passes = run(false, take, 0);
    } else {
      passes = run(false, take + kTieMargin, 0);
      if (!settled(passes, take + kTieMargin, ranked, take))
        run(true, take, ranked[std::min<std::size_t>(take, ranked.size()) - 1].get_weight());
    }
  } else {
    passes = {ranked_pass(database, remote, query, options,
                          {true, static_cast<Xapian::doccount>(options.offset),
                           static_cast<Xapian::doccount>(options.limit)})};
    for (auto it = passes[0].begin(); it != passes[0].end(); ++it) ranked.push_back(it);
  }

  Xapian::MSet top = passes[0];  // the pass holding the best hit: it converts weights to percentages
  bool exact = std::all_of(passes.begin(), passes.end(), all_counted);
  if (halves) {
    const Xapian::MSet &lower = passes[0], &upper = passes[1];
    // The halves do not look ahead (ranked_pass()). Where a half's estimate is small,
    // both halves are counted by a pass that weighs nothing, exactly as far as twice a
    // single pass's look-ahead: small totals are exact, as a single pass makes them.
    const Xapian::doccount look = 2 * look_ahead(options, has_phrase);
    const auto small = [&](const Xapian::MSet& m) { return !all_counted(m) && m.get_matches_estimated() <= look; };
    Xapian::doccount counts[2] = {lower.get_matches_estimated(), upper.get_matches_estimated()};
    if (small(lower) || small(upper)) {
      const auto tallies = halves->run<Xapian::MSet>(
          database, matching, [&](const Xapian::Database& db, const Xapian::Query& q) { return count_matches(db, q, look); });
      const Xapian::MSet* tally[2] = {&tallies.first, &tallies.second};
      exact = true;
      for (int half = 0; half < 2; ++half) {
        if (all_counted(*tally[half])) counts[half] = tally[half]->get_matches_estimated();
        exact = exact && (all_counted(passes[half]) || all_counted(*tally[half]));
      }
    }
    // A half that stopped early rounds its estimate (to one figure when it is small);
    // the bounds of the whole query, from a pass that only reads term statistics and is
    // exact for a single word or field, hold the sum in.
    result.total_estimate = std::clamp<std::size_t>(counts[0] + counts[1], bounds->get_matches_lower_bound(),
                                                    bounds->get_matches_upper_bound());
    // Xapian scales percentages by the best hit's weight and by the share of the query's
    // parts that hit matches, where the half's filter would count as one: take the scale
    // from a pass of the whole query over the best hit alone.
    top = lower.get_max_attained() >= upper.get_max_attained() ? lower : upper;
  } else {
    result.total_estimate = top.get_matches_estimated();
  }
  // A single word's or field's total is exact from term statistics alone (`bounds`):
  // the count and its exactness then come from there, whatever the passes estimated.
  if (!exact && bounds && all_counted(*bounds)) {
    result.total_estimate = bounds->get_matches_estimated();
    exact = true;
  }
  result.total_exact = exact;
  // A pass that stopped early estimates a range of dates badly (dated.h): where the
  // matches were not all counted, the year and month terms give the range's share.
  if (!exact)
    if (const auto dated = dated_estimate(database, matching)) {
      const Xapian::MSet& limits = halves ? *bounds : passes[0];
      result.total_estimate = std::clamp<std::size_t>(static_cast<std::size_t>(*dated + 0.5),
                                                      limits.get_matches_lower_bound(), limits.get_matches_upper_bound());
    }
  // So do passes of a rewritten query (merged twins, bounded terms), which count fewer
  // terms than the query: the percentages then come from a pass of the query itself over
  // the best hit (`rescale`, run with the hits below).
  const Xapian::Query best =
      (halves || rewritten) && !ranked.empty() ? only(query, ranked.front().get_document()) : Xapian::Query();
  const auto rescale = [&](const Xapian::Database& db) {
    if (best.empty()) return false;
    top = ranked_pass(db, false, best, options, {false, 0, 1});
    return true;
  };
  std::vector<Xapian::MSetIterator> page;
  if (own_ties) {
    for (std::size_t i = options.offset; i < std::min<std::size_t>(ranked.size(), take); ++i) page.push_back(ranked[i]);
  } else {
    page = std::move(ranked);
  }
  // Facets are counted here and listed with the hits below (merging and sorting a broad
  // query's tables takes about 0.4 ms, which a second thread can share).
  std::optional<FacetTally> tally;
  if (options.facets || options.exact_facets)
    tally = tally_facets(database, remote, matching, static_cast<Xapian::doccount>(result.total_estimate),
                         options.exact_facets, halves ? &*halves : nullptr);
  const auto list = [&] {
    if (!tally) return;
    Facets facets = list_facets(std::move(*tally));
    result.facets = std::move(facets.lists);
    result.facet_sample = facets.sample;
  };

  // Snippets highlight the query's words as the ranked pass weighed them. Xapian
  // highlights a phrase's words only where it re-finds the phrase in unstemmed words,
  // which never happens in the folded space; so for a query with a phrase, snippets come
  // from an MSet of the query's words OR-ed together, which highlights every one.
  std::vector<std::string> text_terms;
  for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t)
    if (!(*t).empty() && (*t)[0] == kFolded[0]) text_terms.push_back(*t);
  // The term weights that cut snippets on `on`: `own`, a pass of the query over `on`, if
  // there is one, else a statistics pass of `q` (the query, or a copy for another thread).
  const auto weights = [&](const Xapian::Database& on, const Xapian::Query& q, const Xapian::MSet* own) {
    if (has_phrase) return statistics(on, Xapian::Query(Xapian::Query::OP_OR, text_terms.begin(), text_terms.end()));
    return own ? *own : statistics(on, q);
  };

  // The page as plain values, so that a second thread can build some of its hits.
  struct Entry {
    Xapian::docid docid;
    double weight;
    Xapian::doccount duplicates;
  };
  std::vector<Entry> entries;
  for (const Xapian::MSetIterator& it : page)
    entries.push_back({*it, it.get_weight(), options.collapse ? it.get_collapse_count() : 0});
  // Builds the hits of the page not yet taken, one at a time, read from `db`, with
  // snippets weighed by `snippets`; percentages come after.
  std::vector<SearchHit> hits(entries.size());
  std::atomic<std::size_t> next{0};
  const auto build = [&](const Xapian::Database& db, const Xapian::MSet& weights) {
    const Snippets snippets(text_terms, options.snippet_bytes);
    for (std::size_t i; (i = next.fetch_add(1)) < entries.size();) {
      const Entry& entry = entries[i];
      SearchHit& hit = hits[i];
      hit.rank = options.offset + i + 1;
      hit.docid = entry.docid;
      hit.score = entry.weight;
      hit.duplicates = entry.duplicates;
      // One read of the document data (it is stored compressed) gives record and text.
      hit.article = read_hit(db.get_document(entry.docid, Xapian::DOC_ASSUME_VALID), true, &db);
      const std::string body = without_headline(std::move(hit.article.text), hit.article.title);
      hit.article.text.clear();
      snippets.cut(weights, body, hit);
    }
  };
  // Reading a hit and cutting its snippet take about 0.3M instructions. Where a second
  // thread is at hand, both build hits, each taking the next one left; the caller's
  // thread first lists the facets and runs the pass for percentages (0.1 ms for a word,
  // up to 0.8 for a phrase, whose check reads positions). Each thread weighs snippets
  // with statistics of its own: the query's terms weigh the same in any pass over the
  // index.
  if (halves && !entries.empty()) {
    const std::string serialised = query.serialise();
    halves->each(database, [&](const Xapian::Database& on, int part) {
      if (part == 0) {
        list();
        build(on, weights(on, query, rescale(on) ? &top : nullptr));
      } else {
        build(on, weights(on, Xapian::Query::unserialise(serialised), nullptr));
      }
    });
  } else {
    list();
    rescale(database);
    build(database, weights(database, query, &top));  // every pass ran on `database`
  }
  for (std::size_t i = 0; i < hits.size(); ++i) hits[i].percent = top.convert_to_percent(entries[i].weight);
  result.hits = std::move(hits);
  if (result.total_estimate < 3) result.suggestion = suggest(database, normalized);
}

// `normalized` with its abbreviations expanded: by the index's own table, else by the
// one SearchOptions::abbreviations_elsewhere gives (see there). Reads the index.
std::string with_abbreviations(const std::string& normalized, const Xapian::Database& database, bool remote,
                               const SearchOptions& options) {
  if (!remote) {
    if (std::string stored = database.get_metadata(kMetaAbbreviations); !stored.empty())
      return expand_synonyms(normalized, AbbreviationTable(std::move(stored), "the index's abbreviations",
                                                           database.get_metadata(kMetaAbbreviationsFolded)));
  }
  if (!options.abbreviations_elsewhere) return normalized;
  std::optional<Resources> elsewhere;
  try {
    elsewhere = options.abbreviations_elsewhere();
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Data) throw;
    throw Error(ErrorKind::Data, e.what(),
                remote ? "a remote shard serves no abbreviations: set TRACUU_DATA to tracuu's data files"
                       : "an earlier tracuu built this index, which holds no abbreviation table: run `tracuu "
                         "ingest` on it again to store one, or set TRACUU_DATA to tracuu's data files");
  }
  const auto& table = elsewhere->tables().abbreviations;
  return table ? expand_synonyms(normalized, *table) : normalized;
}

}  // namespace

std::filesystem::path default_db_path() {
  if (const char* db = std::getenv("TRACUU_DB"); db && *db) return db;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "tracuu" / "index";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "tracuu" / "index";
}

SearchResult search(const std::filesystem::path& db, const std::string& query, const SearchOptions& options) {
  SearchResult result;
  result.query = query;
  result.offset = options.offset;
  result.limit = options.limit;
  std::string normalized = text::normalize(query);
  for (char& c : normalized)
    if (c == '\n') c = ' ';
  if (normalized.empty() && !options.from && !options.to) {
    throw Error(ErrorKind::Usage, "the query is empty",
                "give some words to look for, e.g. tracuu search \"bo cong an\"");
  }
  check_fields(normalized);

  Layout layout;
  Xapian::Database database = open_readable(db, options.partial, &result.warnings, &layout);
  const bool remote = layout.remote();
  // A second handle on the same index, for a search in two halves (halves.h).
  const auto open_second = [&] { return open_readable(db, options.partial); };
  with_index_errors(db, [&] {
    // A writer committing meanwhile can invalidate what this reader sees: reopen at the
    // new revision and run again (a reader never blocks the writer).
    for (int attempt = 0;; ++attempt) {
      try {
        SearchResult fresh = result;
        // Read beside the version keys the opening read (the same block of the table),
        // before the abbreviations move the table's cursor elsewhere.
        const Xapian::docid ordered = remote ? 0 : path_ordered_through(database);
        const std::string expanded = with_abbreviations(normalized, database, remote, options);
        run_search(database, open_second, remote, expanded, options, ordered, fresh);
        result = std::move(fresh);
        return;
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt >= 3) throw;
        database.reopen();
      }
    }
  });
  return result;
}

}  // namespace tracuu
