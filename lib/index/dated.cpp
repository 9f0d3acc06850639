// dated_share() and dated_estimate() (dated.h).
#include "index/dated.h"

#include <algorithm>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include "index/phrases.h"
#include "index/schema.h"
#include "index/terms.h"

namespace tracuu::index {
namespace {

struct Day {
  int year, month, day;
};

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

// "YYYYMMDD" (or its first four or six digits) as a day; `end` fills a missing month
// or day with the last one, else with the first.
std::optional<Day> day_of(const std::string& v, bool end) {
  if (v.size() != 4 && v.size() != 6 && v.size() != 8) return std::nullopt;
  if (!std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  Day d{std::stoi(v.substr(0, 4)), v.size() >= 6 ? std::stoi(v.substr(4, 2)) : (end ? 12 : 1), 1};
  if (d.month < 1 || d.month > 12) return std::nullopt;
  d.day = v.size() == 8 ? std::stoi(v.substr(6, 2)) : (end ? days_in(d.year, d.month) : 1);
  d.day = std::clamp(d.day, 1, days_in(d.year, d.month));
  return d;
}

// "YYYYMMDD", "YYYYMM" or "YYYY" as a person writes it: "2024-02-30".
std::string shown(const std::string& v) {
  std::string out = v.substr(0, 4);
  for (std::size_t at = 4; at < v.size(); at += 2) out += "-" + v.substr(at, 2);
  return out;
}

bool before(const Day& a, const Day& b) {
  return a.year != b.year ? a.year < b.year : a.month != b.month ? a.month < b.month : a.day < b.day;
}


// The estimated matches of `query` (dates aside). From term statistics alone, but with a
// phrase: Xapian estimates a phrase as a fixed share of its words' AND (a quarter of the
// true count, seen at 100,000 articles), so the phrase is checked, as the ranked passes
// check it, on the first candidates, and the AND's estimate scaled by the share accepted.
Xapian::doccount estimate_of(const Xapian::Database& db, const Xapian::Query& query) {
  PhraseCheck phrases(db);
  const Xapian::Query asked = phrases.rewrite(query);
  if (phrases.empty()) return statistics(db, query).get_matches_estimated();
  constexpr Xapian::doccount kChecked = 30;
  return count_matches(db, asked, phrases, kChecked).get_matches_estimated();
}

// The year, month and day terms of the articles published within `from` .. `to`
// ("YYYYMMDD", "YYYYMM" or "YYYY"; either empty for an open end): a year the range covers
// whole by its year term (articles dated to the year alone too), a month it covers whole
// by its month term, each day of a month it covers in part by its day term. The periods
// do not overlap, so no article holds two of the terms. Nothing where a bound is not a
// date, or where the index holds no dated article.
std::optional<std::vector<std::string>> period_terms(const Xapian::Database& db, const std::string& from,
                                                     const std::string& to) {
  const std::optional<Day> start = from.empty() ? Day{0, 1, 1} : day_of(from, false);
  const std::optional<Day> end = to.empty() ? Day{9999, 12, 31} : day_of(to, true);
  const auto first_known = day_of(db.get_value_lower_bound(kSlotPublished), false);
  const auto last_known = day_of(db.get_value_upper_bound(kSlotPublished), true);
  if (!start || !end || !first_known || !last_known) return std::nullopt;
  const Day lo = *start, hi = *end;
  // Whether the days first..last lie within the range, or outside it.
  const auto within = [&](const Day& first, const Day& last) { return !before(first, lo) && !before(hi, last); };
  const auto outside = [&](const Day& first, const Day& last) { return before(last, lo) || before(hi, first); };
  const auto key = [](std::string_view prefix, int year, int month, int day) {
    std::string out(prefix);
    const std::string digits = std::to_string(year);
    out.append(digits.size() < 4 ? 4 - digits.size() : 0, '0') += digits;
    for (const int part : {month, day}) {
      if (part == 0) break;
      if (part < 10) out += '0';
      out += std::to_string(part);
    }
    return out;
  };
  std::vector<std::string> terms;
  const int first_year = std::max(lo.year, first_known->year), last_year = std::min(hi.year, last_known->year);
  for (int year = first_year; year <= last_year; ++year) {
    if (within({year, 1, 1}, {year, 12, 31})) {
      terms.push_back(key(kYear, year, 0, 0));
      continue;
    }
    for (int month = 1; month <= 12; ++month) {
      const int days = days_in(year, month);
      if (outside({year, month, 1}, {year, month, days})) continue;
      if (within({year, month, 1}, {year, month, days})) {
        terms.push_back(key(kMonth, year, month, 0));
        continue;
      }
      for (int day = 1; day <= days; ++day)
        if (within({year, month, day}, {year, month, day})) terms.push_back(key(kDay, year, month, day));
    }
  }
  return terms;
}

// period_terms() as a query that weighs nothing.
std::optional<Xapian::Query> range_terms(const Xapian::Database& db, const std::string& from, const std::string& to) {
  const auto terms = period_terms(db, from, to);
  if (!terms) return std::nullopt;
  if (terms->empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, terms->begin(), terms->end()),
                       0);
}

// dates_as_terms(), or nothing where `query` has no range to replace.
std::optional<Xapian::Query> with_date_terms(const Xapian::Query& query, const Xapian::Database& db) {
  if (const auto range = published_range(query)) return range_terms(db, range->first, range->second);
  const Xapian::Query::op op = query.get_type();
  if (op != Xapian::Query::OP_AND && op != Xapian::Query::OP_OR && op != Xapian::Query::OP_AND_MAYBE &&
      op != Xapian::Query::OP_FILTER && op != Xapian::Query::OP_AND_NOT)
    return std::nullopt;
  std::vector<Xapian::Query> parts;
  bool changed = false;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const Xapian::Query sub = query.get_subquery(i);
    auto out = with_date_terms(sub, db);
    changed = changed || out.has_value();
    parts.push_back(out ? std::move(*out) : sub);
  }
  if (!changed) return std::nullopt;
  return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace

std::optional<std::pair<std::string, std::string>> published_range(const Xapian::Query& q) {
  const Xapian::Query::op op = q.get_type();
  if (op != Xapian::Query::OP_VALUE_RANGE && op != Xapian::Query::OP_VALUE_LE && op != Xapian::Query::OP_VALUE_GE)
    return std::nullopt;
  std::string description = q.get_description();  // "Query(VALUE_RANGE 0 20220801 20231231)"
  if (description.size() < 8 || description.compare(0, 6, "Query(") != 0 || description.back() != ')')
    return std::nullopt;
  std::istringstream words(description.substr(6, description.size() - 7));
  std::string name, slot, a, b;
  words >> name >> slot >> a >> b;
  if (slot != std::to_string(kSlotPublished)) return std::nullopt;
  if (op == Xapian::Query::OP_VALUE_RANGE) return std::make_pair(a, b);
  if (op == Xapian::Query::OP_VALUE_LE) return std::make_pair(std::string(), a);
  return std::make_pair(a, std::string());
}

std::optional<std::string> range_problem(const std::string& from, const std::string& to) {
  // day_of() takes a day past the month's last as its last: here that is no day.
  const auto day = [](const std::string& v) -> std::optional<Day> {
    const auto d = day_of(v, false);
    if (d && v.size() == 8 && std::stoi(v.substr(6, 2)) != d->day) return std::nullopt;
    return d;
  };
  for (const std::string* end : {&from, &to})
    if (!end->empty() && !day(*end)) return shown(*end) + " is no date of the calendar";
  if (!from.empty() && !to.empty() && before(*day_of(to, true), *day_of(from, false)))
    return "the range starts (" + shown(from) + ") after it ends (" + shown(to) + ")";
  return std::nullopt;
}

Xapian::Query dates_as_terms(const Xapian::Query& query, const Xapian::Database& db) {
  auto out = with_date_terms(query, db);
  return out ? std::move(*out) : query;
}

double dated_share(const Xapian::Database& db, const std::string& from, const std::string& to) {
  const Xapian::doccount articles = db.get_doccount();
  const auto terms = period_terms(db, from, to);
  if (articles == 0 || !terms) return 0;
  double dated = 0;
  for (const std::string& term : *terms) dated += db.get_termfreq(term);
  return std::min(1.0, dated / articles);
}

std::optional<double> dated_estimate(const Xapian::Database& db, const Xapian::Query& matching) {
  if (const auto range = published_range(matching))  // dates alone
    return db.get_doccount() * dated_share(db, range->first, range->second);
  if (matching.get_type() != Xapian::Query::OP_FILTER || matching.get_num_subqueries() != 2) return std::nullopt;
  const auto range = published_range(matching.get_subquery(1));
  if (!range) return std::nullopt;
  const Xapian::doccount others = estimate_of(db, matching.get_subquery(0));
  return others * dated_share(db, range->first, range->second);
}

}  // namespace tracuu::index
