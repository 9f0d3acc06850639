// Unit tests for lib/index/facets: counts over every match, estimates over a sample, and
// a sample that depends on the articles, not on the order they were indexed in.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <set>

#include "index/document.h"
#include "index/facets.h"
#include "index/schema.h"
#include "index/terms.h"
#include "tracuu/text.h"

using namespace tracuu;

namespace {

constexpr unsigned kArticles = 2400;

// Article i: every one has the word "tin"; years 2023 (half), 2022 and 2021 (a quarter
// each); three sites in turn; every fifth cites 09-CT/TW.
Article article(unsigned i) {
  Article a;
  a.path = "/tin/" + std::to_string(i) + ".txt";
  a.format = "text";
  a.title = "Tin số " + std::to_string(i);
  a.text = text::normalize(a.title + "\n\nBản tin thời sự về công tác phòng cháy.");
  a.published = i % 2 == 0 ? "2023-05-01" : i % 4 == 1 ? "2022-05-01" : "2021-05-01";
  a.site = "bao" + std::to_string(i % 3) + ".vn";
  if (i % 5 == 0) {
    Ref r;
    r.id = "09-CT/TW";
    r.kind = "chi-thi";
    a.refs.push_back(r);
  }
  return a;
}

Xapian::WritableDatabase index_articles(bool reversed) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (unsigned n = 0; n < kArticles; ++n) {
    const unsigned i = reversed ? kArticles - 1 - n : n;
    const Article a = article(i);
    db.add_document(index::make_document(a, a.path, a.path, "1:2", "ff"));
  }
  return db;
}

std::map<std::string, std::size_t> counts(const index::Facets& f, const char* facet) {
  std::map<std::string, std::size_t> out;
  for (const auto& c : f.lists.at(facet)) out[c.value] = c.count;
  return out;
}

const Xapian::Query kEvery(index::folded_term("tin"));

}  // namespace

TEST_CASE("count_facets: few matches are all counted, exactly") {
  const auto db = index_articles(false);
  const index::Facets f = index::count_facets(db, false, kEvery, kArticles, false);
  CHECK(f.sample == 1.0);
  CHECK(counts(f, "years") == std::map<std::string, std::size_t>{{"2021", 600}, {"2022", 600}, {"2023", 1200}});
  CHECK(counts(f, "sites") == std::map<std::string, std::size_t>{{"bao0.vn", 800}, {"bao1.vn", 800}, {"bao2.vn", 800}});
  CHECK(counts(f, "refs") == std::map<std::string, std::size_t>{{"09-CT/TW", 480}});
  REQUIRE(f.lists.at("years").size() == 3);
  CHECK(f.lists.at("years")[0].value == "2023");  // newest first
  CHECK(f.lists.at("years")[2].value == "2021");
}

TEST_CASE("count_facets: many matches are estimated from sample buckets") {
  const auto db = index_articles(false);
  // Told that 9,600 match, it counts enough buckets for about kFacetSampleTarget of them.
  const index::Facets f = index::count_facets(db, false, kEvery, 9600, false);
  const double expected_share = std::ceil(256.0 * index::kFacetSampleTarget / 9600) / 256;
  CHECK(f.sample == doctest::Approx(expected_share));
  CHECK(f.sample < 1.0);
  // About 1,000 articles counted: each estimate is within 20% (four standard deviations).
  const auto years = counts(f, "years");
  CHECK(years.at("2023") == doctest::Approx(1200).epsilon(0.2));
  CHECK(years.at("2022") == doctest::Approx(600).epsilon(0.2));
  CHECK(years.at("2021") == doctest::Approx(600).epsilon(0.2));
  CHECK(counts(f, "refs").at("09-CT/TW") == doctest::Approx(480).epsilon(0.2));
  CHECK(f.lists.at("years")[0].value == "2023");

  // --exact-facets counts every match however many are expected.
  const index::Facets all = index::count_facets(db, false, kEvery, 9600, true);
  CHECK(all.sample == 1.0);
  CHECK(counts(all, "years").at("2023") == 1200);
}

TEST_CASE("count_facets: a query of terms is counted from postings as the matcher counts it") {
  const auto db = index_articles(false);
  // The same articles, through a query the matcher has to run (an OR with a term no
  // article holds), and through one of terms only (their postings, walked side by side).
  const Xapian::Query terms(Xapian::Query::OP_FILTER, kEvery, Xapian::Query(std::string(index::kSite) + "bao1.vn"));
  const Xapian::Query matcher(Xapian::Query::OP_OR, terms, Xapian::Query("Znowhere"));
  for (const Xapian::doccount expected : {800u, 20000u}) {
    CAPTURE(expected);
    const index::Facets a = index::count_facets(db, false, terms, expected, false);
    const index::Facets b = index::count_facets(db, false, matcher, expected, false);
    CHECK(a.sample == b.sample);
    for (const char* facet : {"years", "sites", "refs"}) CHECK(counts(a, facet) == counts(b, facet));
    CHECK(counts(a, "sites").size() == 1);
  }
}

TEST_CASE("count_facets: the sample is the same whatever order the articles were indexed in") {
  const auto forward = index_articles(false);
  const auto backward = index_articles(true);
  const index::Facets a = index::count_facets(forward, false, kEvery, 20000, false);
  const index::Facets b = index::count_facets(backward, false, kEvery, 20000, false);
  CHECK(a.sample < 0.25);
  CHECK(counts(a, "years") == counts(b, "years"));
  CHECK(counts(a, "sites") == counts(b, "sites"));
  CHECK(counts(a, "refs") == counts(b, "refs"));
}

TEST_CASE("sample_term: one of 256 buckets, spread evenly by the unique id") {
  CHECK(index::sample_term(0u) == "XB00");
  CHECK(index::sample_term(255u) == "XBff");
  CHECK(index::sample_term("/tin/a.txt") == index::sample_term("/tin/a.txt"));
  std::map<std::string, unsigned> per_bucket;
  for (unsigned i = 0; i < 25600; ++i) ++per_bucket[index::sample_term("/bao/" + std::to_string(i) + ".txt")];
  CHECK(per_bucket.size() == 256);
  for (const auto& [term, n] : per_bucket) {
    CHECK(term.size() == 4);
    CHECK(n > 50);  // 100 expected, standard deviation 10
    CHECK(n < 150);
  }
  // An article carries its bucket term.
  const Article a = article(7);
  const Xapian::Document doc = index::make_document(a, a.path, a.path, "1:2", "ff");
  std::set<std::string> terms;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) terms.insert(*t);
  CHECK(terms.count(index::sample_term(a.path)) == 1);
}

TEST_CASE("count_facets: a sample of the first buckets reads the short sample slot, with the same counts") {
  const auto db = index_articles(false);
  // Told that 40,000 match: ceil(256 * 4000 / 40000) = 26 buckets, within the sample slot's 32.
  const index::Facets f = index::count_facets(db, false, kEvery, 40000, false);
  REQUIRE(f.sample == doctest::Approx(26.0 / 256));
  // The same count by hand: the years of the articles in buckets 0..25, scaled up.
  std::map<std::string, std::size_t> years;
  std::size_t in_slot = 0;
  for (unsigned i = 0; i < kArticles; ++i) {
    const Article a = article(i);
    const unsigned bucket = index::sample_bucket(a.path);
    in_slot += bucket < index::kFacetSampleSlotBuckets;
    if (bucket < 26) ++years[a.published->substr(0, 4)];
  }
  for (auto& [year, n] : years) n = static_cast<std::size_t>(std::llround(static_cast<double>(n) * 256 / 26));
  CHECK(counts(f, "years") == years);
  // Only the articles of the first 32 buckets carry the sample slot: about an eighth.
  std::size_t with_value = 0;
  for (auto v = db.valuestream_begin(index::kSlotFacetSample); v != db.valuestream_end(index::kSlotFacetSample); ++v)
    ++with_value;
  CHECK(with_value == in_slot);
  CHECK(with_value == doctest::Approx(kArticles / 8.0).epsilon(0.25));
}

TEST_CASE("PackedCounts: counts each entry by its bytes, through growth and merging") {
  // Checked against std::map over entries that share prefixes, differ in one byte, hold
  // separators' neighbours and non-ASCII text, and outnumber the first table many times.
  std::map<std::string, std::size_t> expected;
  index::PackedCounts counts;
  for (unsigned i = 0; i < 20000; ++i) {
    const unsigned k = (i * 7919u) % 5003u;
    std::string entry = std::string(1, "ros"[k % 3]) + "Nguyễn Văn " + std::to_string(k);
    if (k % 11 == 0) entry += std::string(40, 'x');  // longer than a short string
    counts.add(entry);
    ++expected[entry];
  }
  CHECK(counts.size() == expected.size());

  index::PackedCounts other;
  other.add("y2023", 5);
  other.add("oNguyễn Văn 1", 2);  // also in `counts`
  counts.add(other);
  expected["y2023"] += 5;
  expected["oNguyễn Văn 1"] += 2;

  std::map<std::string, std::size_t> seen;
  counts.for_each([&](std::string_view entry, std::size_t n) { CHECK(seen.emplace(std::string(entry), n).second); });
  CHECK(seen == expected);
  CHECK(index::PackedCounts().size() == 0);
}
