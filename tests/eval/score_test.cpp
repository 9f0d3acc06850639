// Tests for tests/eval/score.h, the gold-set scorer: set comparison, precision /
// recall / F1 edge cases, how gold records and extracted articles become keys
// (partial refs, inferred-year dates, titles), micro-averaging and floors.
#include <doctest/doctest.h>

#include "score.h"

namespace {

using tracuu::eval::Counts;
using tracuu::eval::Keys;

}  // namespace

TEST_CASE("score: counts give precision, recall and F1") {
  const Counts c{8, 2, 0};
  CHECK(c.precision() == doctest::Approx(0.8));
  CHECK(c.recall() == doctest::Approx(1.0));
  CHECK(c.f1() == doctest::Approx(2 * 0.8 / 1.8));
  // Nothing claimed and nothing to find is perfect; missing everything is F1 0.
  CHECK(Counts{}.f1() == doctest::Approx(1.0));
  CHECK(Counts{0, 0, 3}.f1() == doctest::Approx(0.0));
  CHECK(Counts{0, 3, 0}.f1() == doctest::Approx(0.0));
}

TEST_CASE("score: keys compare as sets") {
  const auto d = tracuu::eval::compare_keys({"a", "b", "b", "c"}, {"c", "d", "a", "a"});
  CHECK(d.counts.tp == 2);
  CHECK(d.counts.fp == 1);
  CHECK(d.counts.fn == 1);
  CHECK(d.false_positives == std::vector<std::string>{"d"});
  CHECK(d.false_negatives == std::vector<std::string>{"b"});
}

TEST_CASE("score: gold records become keys") {
  const auto gold = nlohmann::json::parse(R"({
    "title": "T", "published": "2023-10-18", "author": null,
    "refs": [{"id": "09-CT/TW", "kind": "chi-thi"}],
    "partial_refs": [{"kind": "chi-thi", "number": "046"}, {"kind": "ket-luan", "number": 7}],
    "dates": ["2023-10-18"], "partial_dates": ["2024-09"],
    "periods": [[2013, 2023]],
    "officials": [{"name": "Nguyễn Văn A", "titles": ["Đại tá", "Giám đốc Công an tỉnh"]}]})");
  const Keys k = tracuu::eval::gold_keys(gold);
  CHECK(k.sets.at("refs") == std::vector<std::string>{"09-CT/TW"});
  CHECK(k.sets.at("partial_refs") == std::vector<std::string>{"chi-thi#46", "ket-luan#7"});
  CHECK(k.sets.at("periods") == std::vector<std::string>{"2013-2023"});
  CHECK(k.sets.at("officials") == std::vector<std::string>{"Nguyễn Văn A"});
  CHECK(k.sets.at("official_titles").size() == 2);
  CHECK(k.sets.at("official_titles")[1] == "Nguyễn Văn A|Giám đốc Công an tỉnh");
  CHECK(k.fields.at("published") == "2023-10-18");
  CHECK_FALSE(k.fields.at("author").has_value());
  CHECK_FALSE(k.fields.at("source_url").has_value());  // absent counts as null
  CHECK_THROWS(tracuu::eval::gold_keys(nlohmann::json::parse(R"({"refs": [{"kind": "x"}]})")));
}

TEST_CASE("score: extracted articles become keys under the gold rules") {
  tracuu::Article a;
  a.title = "T";
  tracuu::Ref full;
  full.id = "09-CT/TW";
  full.kind = "chi-thi";
  tracuu::Ref partial;
  partial.kind = "chi-thi";
  partial.number = "09";
  a.refs = {full, partial};
  a.dates = {{"2023-10-18", "day", false, {}}, {"2024-08-19", "day", true, {}},
             {"2024-09", "month", false, {}}, {"2024", "year", false, {}}};
  a.periods = {{2013, 2023, {}}};
  a.officials = {{"Tô Lâm", {"Đại tướng"}, {}}};
  const Keys k = tracuu::eval::article_keys(a);
  CHECK(k.sets.at("refs") == std::vector<std::string>{"09-CT/TW"});
  CHECK(k.sets.at("partial_refs") == std::vector<std::string>{"chi-thi#9"});
  CHECK(k.sets.at("dates") == std::vector<std::string>{"2023-10-18"});
  CHECK(k.sets.at("partial_dates") == std::vector<std::string>{"2024-08-19", "2024-09"});
  CHECK(k.sets.at("official_titles") == std::vector<std::string>{"Tô Lâm|Đại tướng"});
  CHECK_FALSE(k.fields.at("published").has_value());
}

TEST_CASE("score: articles sum into micro-averaged totals, checked against floors") {
  Keys gold, found;
  gold.sets["refs"] = {"a", "b"};
  found.sets["refs"] = {"a"};
  gold.fields["title"] = "T";
  found.fields["title"] = "T";
  gold.fields["author"] = "X";
  tracuu::eval::Totals totals;
  totals.add(tracuu::eval::score_article(gold, found));
  totals.add(tracuu::eval::score_article(gold, gold));
  CHECK(totals.articles == 2);
  CHECK(totals.sets.at("refs").tp == 3);
  CHECK(totals.sets.at("refs").fn == 1);
  CHECK(totals.sets.at("dates").f1() == doctest::Approx(1.0));
  CHECK(*totals.figure("title") == doctest::Approx(1.0));
  CHECK(*totals.figure("author") == doctest::Approx(0.5));
  CHECK_FALSE(totals.figure("nonsense").has_value());

  std::string bad;
  const auto floors = tracuu::eval::parse_floors("refs=0.9, author=0.5,title=1", &bad);
  REQUIRE(floors.has_value());
  CHECK(floors->size() == 3);
  const auto misses = tracuu::eval::check_floors(totals, *floors);
  REQUIRE(misses.size() == 1);  // refs F1 = 6/7 < 0.9; author 0.5 meets 0.5
  CHECK(misses[0].kind == "refs");
  CHECK_FALSE(tracuu::eval::parse_floors("refs", &bad).has_value());
  CHECK(bad == "refs");
  CHECK_FALSE(tracuu::eval::parse_floors("ref=0.5", &bad).has_value());
  CHECK_FALSE(tracuu::eval::parse_floors("refs=1.5", &bad).has_value());
  CHECK_FALSE(tracuu::eval::parse_floors("refs=0.5x", &bad).has_value());
}
