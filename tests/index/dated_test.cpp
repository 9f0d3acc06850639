// Unit tests for lib/index/dated: the share of articles in a range of publication dates
// from the year and month terms, and the estimate of a query limited to such a range,
// against the counts Xapian finds by matching every article.
#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "index/dated.h"
#include "index/document.h"
#include "index/schema.h"
#include "index/terms.h"
#include "tracuu/text.h"

using namespace tracuu;

namespace {

// 1,460 articles, one for each day of 2021 to 2024 but 29 February (every other one
// about "an ninh", the rest about "giao thông"), then 40 dated only to the month and 20
// only to the year.
Xapian::WritableDatabase dated_articles() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  unsigned n = 0;
  auto add = [&](const std::string& published) {
    Article a;
    a.path = "/bao/" + std::to_string(n) + ".txt";
    a.format = "text";
    a.title = "Tin " + std::to_string(n);
    a.text = text::normalize(a.title + "\n\n" + (n % 2 == 0 ? "Bảo đảm an ninh trật tự." : "Giao thông an toàn."));
    a.published = published;
    db.add_document(index::make_document(a, a.path, a.path, "1:2", "ff"));
    ++n;
  };
  for (int year = 2021; year <= 2024; ++year)
    for (int month = 1; month <= 12; ++month)
      for (int day = 1; day <= kDays[month - 1]; ++day) {
        char date[32];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
        add(date);
      }
  for (unsigned i = 0; i < 40; ++i) add("2022-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1));
  for (unsigned i = 0; i < 20; ++i) add(std::to_string(2021 + i % 4));
  return db;
}

Xapian::doccount matches(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();  // every article checked
}

Xapian::Query published(const std::string& from, const std::string& to) {
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, index::kSlotPublished, from, to);
}

}  // namespace

TEST_CASE("dated_share: whole years from their terms, the rest month by month") {
  const auto db = dated_articles();
  const double articles = db.get_doccount();
  CHECK(index::dated_share(db, "20220101", "20221231") == doctest::Approx(db.get_termfreq("Y2022") / articles));
  CHECK(index::dated_share(db, "", "") == doctest::Approx(1.0));
  // Half of June 2023 and the next two months: the days' share, within a few articles.
  const double share = index::dated_share(db, "20230616", "20230831");
  CHECK(share * articles == doctest::Approx(matches(db, published("20230616", "20230831"))).epsilon(0.05));
  CHECK(index::dated_share(db, "20300101", "20301231") == 0.0);  // after every article
}

TEST_CASE("dated_estimate: words limited to dates, within a few per cent of the count") {
  const auto db = dated_articles();
  const Xapian::Query words(index::folded_term("ninh"));
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"20220801", "20231231"},
                                 {"20210315", "20210520"}, {"20240101", "20241231"}}) {
    CAPTURE(from);
    CAPTURE(to);
    const Xapian::Query dated(Xapian::Query::OP_FILTER, words, published(from, to));
    const auto estimate = index::dated_estimate(db, dated);
    REQUIRE(estimate);
    CHECK(*estimate == doctest::Approx(matches(db, dated)).epsilon(0.05));
    // Dates alone.
    const auto alone = index::dated_estimate(db, published(from, to));
    REQUIRE(alone);
    CHECK(*alone == doctest::Approx(matches(db, published(from, to))).epsilon(0.05));
  }
  // A phrase: Xapian's own estimate of a phrase is a share of its words' AND; checked on
  // the first candidates, the estimate is the count. "an" is in every article (so the
  // AND's estimate is right), "an ninh" in every other one, "an" next to "trật" in none.
  for (const auto& [phrase, expected] : {std::pair<std::vector<std::string>, bool>{{"an", "ninh"}, true},
                                         {{"an", "trat"}, false}}) {
    std::vector<Xapian::Query> terms;
    for (const std::string& word : phrase) terms.emplace_back(index::folded_term(word));
    const Xapian::Query quoted(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
    const Xapian::Query dated(Xapian::Query::OP_FILTER, quoted, published("20220801", "20231231"));
    const auto estimate = index::dated_estimate(db, dated);
    REQUIRE(estimate);
    CAPTURE(phrase[0]);
    if (expected) {
      CHECK(matches(db, dated) > 200);
      CHECK(*estimate == doctest::Approx(matches(db, dated)).epsilon(0.10));  // Xapian's 70 before
    } else {
      CHECK(matches(db, dated) == 0);
      CHECK(*estimate < 10);  // 70 before
    }
  }
  // Not a range of publication dates: nothing to say.
  CHECK_FALSE(index::dated_estimate(db, words));
  CHECK_FALSE(index::dated_estimate(
      db, Xapian::Query(Xapian::Query::OP_FILTER, words,
                        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, index::kSlotPublished + 1, "a", "z"))));
}

namespace {

std::vector<Xapian::docid> matched(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::vector<Xapian::docid> out;
  const Xapian::MSet m = enquire.get_mset(0, db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it) out.push_back(*it);
  return out;
}

// Whether an article published `value` ("YYYYMMDD", "YYYYMM" or "YYYY") lies within
// `from` .. `to` (the same forms; "" open): the whole day, month or year it names.
bool published_within(const std::string& value, const std::string& from, const std::string& to) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const auto last_day = [](int year, int month) {
    return month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : kDays[month - 1];
  };
  // A date as "YYYYMMDD": its first day, or its last with `end`.
  const auto day = [&](const std::string& v, bool end) {
    const int year = std::stoi(v.substr(0, 4));
    const int month = v.size() >= 6 ? std::stoi(v.substr(4, 2)) : (end ? 12 : 1);
    const int d = v.size() == 8 ? std::stoi(v.substr(6, 2)) : (end ? last_day(year, month) : 1);
    char out[16];
    std::snprintf(out, sizeof out, "%04d%02d%02d", year % 10000, month % 100, d % 100);
    return std::string(out);
  };
  return (from.empty() || day(from, false) <= day(value, false)) && (to.empty() || day(value, true) <= day(to, true));
}

}  // namespace

TEST_CASE("dates_as_terms: the articles published within the range, dated to the day, month or year") {
  const auto db = dated_articles();
  // Ends at and around the edges of years and months, before and after every article;
  // "" is an open end. An article dated to a month or a year alone ("2022-07", "2022")
  // is within a range that holds the whole month or year.
  const std::vector<std::string> ends = {"",         "2020",     "2021",     "202101",   "20210101", "20210115",
                                         "2022",     "202207",   "20220701", "20220715", "20220731", "202208",
                                         "20220630", "20221231", "2023",     "20230101", "20230616", "20231231",
                                         "2024",     "20240229", "20241231", "2025",     "20300101"};
  // The articles as they should be: each article's published value read and judged.
  std::vector<std::pair<Xapian::docid, std::string>> published_values;
  for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id)
    published_values.emplace_back(id, db.get_document(id).get_value(index::kSlotPublished));
  const Xapian::Query words(index::folded_term("ninh"));
  const std::vector<Xapian::docid> with_words = matched(db, words);
  std::size_t compared = 0, year_alone = 0, month_alone = 0;
  for (const std::string& from : ends)
    for (const std::string& to : ends) {
      if (from.empty() && to.empty()) continue;
      CAPTURE(from);
      CAPTURE(to);
      const Xapian::Query range =
          from.empty() ? Xapian::Query(Xapian::Query::OP_VALUE_LE, index::kSlotPublished, to)
          : to.empty() ? Xapian::Query(Xapian::Query::OP_VALUE_GE, index::kSlotPublished, from)
                       : published(from, to);
      // Xapian makes a range whose start sorts after its end nothing ("20241231".."2024").
      if (range.empty()) continue;
      std::vector<Xapian::docid> expected, expected_words;
      for (const auto& [id, value] : published_values) {
        if (value.empty() || !published_within(value, from, to)) continue;
        expected.push_back(id);
        if (std::binary_search(with_words.begin(), with_words.end(), id)) expected_words.push_back(id);
        year_alone += value.size() == 4;
        month_alone += value.size() == 6;
      }
      CHECK(matched(db, index::dates_as_terms(range, db)) == expected);
      // The share of the articles in range, counted from the same terms, is exact.
      CHECK(index::dated_share(db, from, to) * db.get_doccount() == doctest::Approx(expected.size()));
      CHECK(matched(db, index::dates_as_terms(Xapian::Query(Xapian::Query::OP_FILTER, words, range), db)) ==
            expected_words);
      std::vector<Xapian::docid> without;
      std::set_difference(with_words.begin(), with_words.end(), expected_words.begin(), expected_words.end(),
                          std::back_inserter(without));
      CHECK(matched(db, index::dates_as_terms(Xapian::Query(Xapian::Query::OP_AND_NOT, words, range), db)) == without);
      ++compared;
    }
  CHECK(compared > 250);
  CHECK(year_alone > 0);  // the ranges took in articles dated to a year or a month alone
  CHECK(month_alone > 0);
  // A whole year and whole months are terms alone; a month in part, its days.
  CHECK(index::dates_as_terms(published("20220801", "20231231"), db).get_description() ==
        "Query(0 * (M202208 OR M202209 OR M202210 OR M202211 OR M202212 OR Y2023))");
  CHECK(index::dates_as_terms(published("20220729", "20220802"), db).get_description() ==
        "Query(0 * (D20220729 OR D20220730 OR D20220731 OR D20220801 OR D20220802))");
  // Nothing dated in range: nothing matches.
  CHECK(matched(db, index::dates_as_terms(published("20300101", "20301231"), db)).empty());
  // The words weigh as before, the dates nothing.
  const Xapian::Query dated(Xapian::Query::OP_FILTER, words, published("20220801", "20231231"));
  Xapian::Enquire before(db), after(db);
  before.set_query(dated);
  after.set_query(index::dates_as_terms(dated, db));
  const Xapian::MSet a = before.get_mset(0, 50), b = after.get_mset(0, 50);
  REQUIRE(a.size() == b.size());
  for (Xapian::doccount i = 0; i < a.size(); ++i) {
    CHECK(*a[i] == *b[i]);
    CHECK(a[i].get_weight() == b[i].get_weight());
  }
  Xapian::Enquire alone(db);
  alone.set_query(index::dates_as_terms(published("20220801", "20231231"), db));
  CHECK(alone.get_mset(0, 10).get_max_possible() == 0.0);
  // Other queries come back as they are, and so does a range whose ends are no dates.
  CHECK(index::dates_as_terms(words, db).get_description() == words.get_description());
  const Xapian::Query other(Xapian::Query::OP_VALUE_RANGE, index::kSlotPublished + 1, "a", "z");
  CHECK(index::dates_as_terms(other, db).get_description() == other.get_description());
  CHECK(index::dates_as_terms(published("2022", "20221399"), db).get_description() ==
        published("2022", "20221399").get_description());
}
