// How many articles a query limited to a range of publication dates matches, estimated
// from the index's year and month terms. Xapian estimates a value range as a fixed share
// of the articles with a value, and a search that stops early reports that: "học
// date:2022-08-01..2023-12-31" said about 400 of 7,939 at 100,000 articles.
// Internal header of lib/index.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

namespace tracuu::index {

// The share of the index's articles published from `from` to `to` ("YYYYMMDD", either
// empty for an open end), counted with the year terms of the years the range covers
// whole and the month terms of the other months (a month the range covers in part
// counts for the share of its days).
double dated_share(const Xapian::Database& db, const std::string& from, const std::string& to);

// For `matching` = FILTER(rest, a range of kSlotPublished): rest's estimated matches
// (a phrase in it checked on the first 30 candidates) times dated_share() of the range,
// taking the date independent of the rest; for a range alone, the articles times its
// share. nullopt for any other query.
std::optional<double> dated_estimate(const Xapian::Database& db, const Xapian::Query& matching);

}  // namespace tracuu::index
