// How many articles a query limited to a range of publication dates matches, estimated
// from the index's year, month and day terms. Xapian estimates a value range as a fixed share
// of the articles with a value, and a search that stops early reports that: "học
// date:2022-08-01..2023-12-31" said about 400 of 7,939 at 100,000 articles.
// Internal header of lib/index.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <utility>

namespace tracuu::index {

// The share of the index's articles published within `from` .. `to` ("YYYYMMDD", either
// empty for an open end), as dates_as_terms() matches them: the article counts of its
// year, month and day terms, which no article holds two of, so the share is exact.
double dated_share(const Xapian::Database& db, const std::string& from, const std::string& to);

// For `matching` = FILTER(rest, a range of kSlotPublished): rest's estimated matches
// (a phrase in it checked on the first 30 candidates) times dated_share() of the range,
// taking the date independent of the rest; for a range alone, the articles times its
// share. nullopt for any other query.
std::optional<double> dated_estimate(const Xapian::Database& db, const Xapian::Query& matching);

// The ends of a value query on kSlotPublished ("" for an open one), from its description
// ("VALUE_RANGE 0 a b", "VALUE_LE 0 b", "VALUE_GE 0 a"): Xapian's API gives a query's
// type but not its slot or bounds. Nothing for any other query.
std::optional<std::pair<std::string, std::string>> published_range(const Xapian::Query& q);

// What is wrong with a range of publication dates from `from` to `to` ("YYYYMMDD",
// "YYYYMM" or "YYYY"; either empty for an open end), said for a person: an end that is
// no day of the calendar ("2024-13-01", "2024-02-30"), or a start after the end. Nothing
// for a range that holds.
std::optional<std::string> range_problem(const std::string& from, const std::string& to);

// `query` with each range of publication dates (kSlotPublished) that only decides which
// articles match replaced by the year, month and day terms of the articles published
// within it, weighing nothing: a year the range covers whole by its year term, a month
// by its month term, each day of a month it covers in part by its day term. An article
// dated only to a year or a month matches where that whole year or month lies in the
// range, as with `year:` (a range compared the values as strings, so "2023" was left out
// of 2023-01-01..2023-12-31 and taken into 2022-01-01..2023-06-30). And the articles are
// found through posting lists instead of by reading the date of every dated article:
// "ANTQ date:2022-07-01..2023-12-31" at 100,000 articles took 3.8 ms in process as a
// range, 2.6 as terms. A query without such a range comes back as it is.
Xapian::Query dates_as_terms(const Xapian::Query& query, const Xapian::Database& db);

}  // namespace tracuu::index
