// Unit tests for lib/index/bounds: the bounds of common words are written for one state of
// the index and hold for it alone, and a ranked pass that reads a headline term, or the
// one word a query matches, through them finds, weighs and counts exactly what the plain
// pass does.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "index/bounds.h"
#include "index/document.h"
#include "index/schema.h"
#include "index/twins.h"
#include "index/writer.h"
#include "temp_index.h"
#include "tracuu/search.h"
#include "tracuu/text.h"

using namespace tracuu;

namespace {

constexpr unsigned kArticles = 3000;
// Headline words in this many articles get bounds here (the index is small).
constexpr Xapian::doccount kBoundedHere = 1000;

// Article i: two in three have "Công" in the headline (more than kBoundedHere), a
// tenth "tác" too; bodies grow from 1 to 17 sentences along the docids ("hội", in no
// headline, in each), with "công tác" 0 to 4 times, so weights differ within each
// block of docids and fall from block to block (bounds then let a pass skip the later
// blocks).
Article article(unsigned i) {
  Article a;
  a.path = "/tin/" + std::to_string(20000 - i) + ".txt";  // later articles first in path order
  a.format = "text";
  a.title = i % 3 != 0 ? "Công an xã số " + std::to_string(i) + (i % 10 == 0 ? " làm tốt công tác" : "")
                       : "Tin số " + std::to_string(i);
  std::string body = a.title + "\n\n";
  for (unsigned k = 0; k < 1 + i / 200 + (i * 7) % 3; ++k) body += "Hội nghị bàn về nhiều việc ở cơ sở. ";
  for (unsigned k = 0; k < i % 5; ++k) body += "Công tác phòng cháy. ";
  a.text = text::normalize(body);
  a.published = "2023-05-01";
  return a;
}

struct Index : testing::TempIndex {
  Index() : TempIndex("bounds", kArticles, article) {}
};

using Q = Xapian::Query;

// Xapian's BM25 (the default scheme), counting the articles a pass weighs a term for.
struct CountingBM25 : Xapian::BM25Weight {
  std::shared_ptr<unsigned long> weighed = std::make_shared<unsigned long>(0);
  CountingBM25* clone() const override {
    auto* copy = new CountingBM25;
    copy->weighed = weighed;
    return copy;
  }
  std::string name() const override { return "CountingBM25"; }
  double get_sumpart(Xapian::termcount wdf, Xapian::termcount len, Xapian::termcount uniq) const override {
    ++*weighed;
    return Xapian::BM25Weight::get_sumpart(wdf, len, uniq);
  }
};

// The ranked pass's query for "công" and for "công tác" (searcher.cpp): the folded words
// decide the match, the headline and exact terms only add weight.
Q query_for(const std::vector<std::string>& folded, const std::vector<std::string>& exact) {
  std::vector<Q> words, boost;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    words.emplace_back("Z" + folded[i], 1, static_cast<Xapian::termpos>(i + 1));
    boost.emplace_back("ZS" + folded[i]);
    boost.emplace_back("Z^" + exact[i]);
  }
  return Q(Q::OP_AND_MAYBE, Q(Q::OP_AND, words.begin(), words.end()), Q(Q::OP_OR, boost.begin(), boost.end()));
}

}  // namespace

TEST_CASE("bounds: written for one state of the index, they hold for that state alone") {
  const Index idx;
  {
    index::Writer writer(idx.dir, false);
    writer.write_search_aids(kBoundedHere);  // nothing changed in this run: nothing written
  }
  CHECK(index::bounded_terms(Xapian::Database(idx.dir.string())).empty());
  {
    index::Writer writer(idx.dir, false);
    const Article a = article(kArticles);
    testing::put_article(writer, a);
    writer.write_search_aids(kBoundedHere);
  }
  const index::BoundedTerms bounded = index::bounded_terms(Xapian::Database(idx.dir.string()));
  CHECK(bounded.contains("ZScong"));        // in 2,000 headlines
  CHECK_FALSE(bounded.contains("ZStac"));   // in 300
  CHECK(bounded.contains("Zcong"));         // in most texts
  CHECK(bounded.contains("Zhoi"));          // in every text
  CHECK_FALSE(bounded.contains("Z^hội"));   // an exact form only adds weight beside its twin
  CHECK_FALSE(bounded.contains("Zcon"));    // a prefix of a bounded term is not one
  CHECK_FALSE(bounded.contains("ZScongx"));
  {
    // A run's first change takes the mark away, so an interrupted run leaves no bounds
    // that do not hold.
    index::Writer writer(idx.dir, false);
    const Article a = article(kArticles + 1);
    testing::put_article(writer, a);
    writer.commit();
    CHECK(index::bounded_terms(Xapian::Database(idx.dir.string())).empty());
  }
  {
    // Headline words and words of the texts from their own counts of articles.
    index::Writer writer(idx.dir, false);
    const Article a = article(kArticles + 2);
    testing::put_article(writer, a);
    writer.write_search_aids(kBoundedHere, 2500);
  }
  const index::BoundedTerms apart = index::bounded_terms(Xapian::Database(idx.dir.string()));
  CHECK(apart.contains("Zcong"));
  CHECK_FALSE(apart.contains("ZScong"));  // in 2,000 headlines
}

TEST_CASE("bounds: a pass through them finds, weighs and counts what the plain pass does") {
  const Index idx;
  {
    index::Writer writer(idx.dir, false);
    const Article a = article(kArticles);
    testing::put_article(writer, a);
    writer.write_search_aids(kBoundedHere);
  }
  const Xapian::Database db(idx.dir.string());
  const index::BoundedTerms bounded = index::bounded_terms(db);
  // A headline term beside one word or two; and "hội", whose folded term alone weighs
  // (in no headline; its exact twin merged): the passes as ranked_pass() runs them.
  const std::vector<std::pair<Q, std::set<std::string>>> cases = {
      {query_for({"cong"}, {"công"}), {"ZScong"}},
      {query_for({"cong", "tac"}, {"công", "tác"}), {"ZScong"}},
      {query_for({"hoi"}, {"hội"}), {"Zhoi"}}};
  for (const auto& [asked, expected] : cases) {
    const std::set<std::string> twins = index::exact_twins(asked, db);
    const Q plain = index::merge_twins(asked, twins);
    const std::set<std::string> terms = index::boundable(asked, bounded, db, twins);
    REQUIRE(terms == expected);
    const Q through = index::merge_twins(index::bound_terms(asked, db, terms, &twins), twins);
    CHECK(through.get_description() != plain.get_description());
    // By weight alone, and ties by path as the passes of a phrase rank (an article that
    // weighs exactly what the page's last one does may still take its place there).
    for (const bool by_path : {false, true})
    for (const Xapian::doccount check : {0u, 10u, 110u}) {
      for (const auto& [first, count] : {std::pair{0u, 10u}, std::pair{20u, 10u}, std::pair{0u, 200u}}) {
        CAPTURE(plain.get_description());
        CAPTURE(by_path);
        CAPTURE(check);
        CAPTURE(first);
        Xapian::Enquire a(db), b(db);
        a.set_query(plain);
        b.set_query(through);
        if (by_path) {
          a.set_sort_by_relevance_then_value(index::kSlotSource, false);
          b.set_sort_by_relevance_then_value(index::kSlotSource, false);
        }
        const Xapian::MSet m = a.get_mset(first, count, check), n = b.get_mset(first, count, check);
        REQUIRE(m.size() == n.size());
        for (Xapian::doccount i = 0; i < m.size(); ++i) {
          CHECK(*m[i] == *n[i]);
          CHECK(m[i].get_weight() == n[i].get_weight());  // to the last bit
        }
        CHECK(m.get_matches_lower_bound() == n.get_matches_lower_bound());
        CHECK(m.get_matches_estimated() == n.get_matches_estimated());
        CHECK(m.get_matches_upper_bound() == n.get_matches_upper_bound());
      }
    }
  }
  // And the one word's pass skips: its two other terms are weighed for fewer articles
  // (without bounds all three are weighed for every candidate).
  const Q plain = query_for({"cong"}, {"công"});
  unsigned long weighed[2];
  for (int through = 0; through < 2; ++through) {
    Xapian::Enquire e(db);
    e.set_query(through ? index::bound_terms(plain, db, index::boundable(plain, bounded, db, {})) : plain);
    const CountingBM25 scheme;
    e.set_weighting_scheme(scheme);
    e.get_mset(0, 10);
    weighed[through] = *scheme.weighed;
  }
  const unsigned long candidates = weighed[0] / 3, left = weighed[1] / 2;
  CHECK(left < candidates * 9 / 10);
}

TEST_CASE("bounds: only a term that adds weight once, or alone decides the match and weighs, is read through them") {
  const Index idx;  // "công" in most texts and two in three headlines; "hội" in no headline
  const Xapian::Database db(idx.dir.string());
  const auto boundable = [&](const Q& q, const std::string& lines, const std::set<std::string>& twins = {}) {
    return index::boundable(q, index::BoundedTerms(lines), db, twins);
  };
  const std::string both = "\nZScong\nZcong\nZhoi";
  const Q words("Zcong", 1, 1);
  CHECK(boundable(Q(Q::OP_AND_MAYBE, words, Q(Q::OP_OR, Q("ZScong"), Q("Z^công"))), "\nZScong") ==
        std::set<std::string>{"ZScong"});
  CHECK(boundable(Q(Q::OP_AND, words, Q("ZScong")), "\nZScong").empty());  // decides the match
  CHECK(boundable(Q(Q::OP_AND_MAYBE, words, Q(Q::OP_OR, Q("ZScong"), Q("ZScong"))), "\nZScong").empty());
  CHECK(boundable(Q(Q::OP_AND_MAYBE, words, Q(Q::OP_SCALE_WEIGHT, Q("ZScong"), 2.0)), "\nZScong").empty());
  CHECK(boundable(Q(Q::OP_AND_MAYBE, words, Q("ZScong", 2)), "\nZScong").empty());  // typed twice
  CHECK(boundable(Q(Q::OP_AND_MAYBE, words, Q("ZSxa")), "\nZScong").empty());       // no bounds
  // The matched word: only where nothing else weighs (a headline term in no article, an
  // exact twin merged), under filters too; not beside a headline term that weighs, nor
  // where the query has it twice or with a weight of two.
  const Q hoi("Zhoi", 1, 1);
  const Q hoi_boost(Q::OP_OR, Q("ZShoi"), Q("Z^hội"));
  const std::set<std::string> hoi_twins = {"Z^hội"};
  CHECK(boundable(Q(Q::OP_AND_MAYBE, hoi, hoi_boost), both, hoi_twins) == std::set<std::string>{"Zhoi"});
  CHECK(boundable(Q(Q::OP_FILTER, Q(Q::OP_AND_MAYBE, hoi, hoi_boost), Q("XSITEa.vn")), both, hoi_twins) ==
        std::set<std::string>{"Zhoi"});
  CHECK(boundable(Q(Q::OP_AND_MAYBE, hoi, hoi_boost), both).empty());  // Z^hội not merged: it weighs
  CHECK(boundable(hoi, "\nZScong").empty());                           // no bounds
  CHECK(boundable(Q("Zhoi", 2, 1), both).empty());
  CHECK(boundable(Q(Q::OP_OR, hoi, Q("Zhoi", 1, 2)), both).empty());
  CHECK(boundable(Q(Q::OP_AND_MAYBE, words, Q(Q::OP_OR, Q("ZScong"), Q("Z^công"))), both, {"Z^công"}) ==
        std::set<std::string>{"ZScong"});  // the headline term weighs: the word is not bounded
}

TEST_CASE("bounds: a search gives the same page, scores, percentages and snippets with them as without") {
  const Index idx;
  SearchOptions options;
  options.limit = 20;
  const auto page = [&](const std::string& query) { return search(idx.dir, query, options); };
  const std::vector<std::string> queries = {"công", "Công an", "công tác", "cong", "xã công", "hội", "hoi", "Hội"};
  std::vector<SearchResult> before;
  for (const auto& q : queries) before.push_back(page(q));
  {
    index::Writer writer(idx.dir, false);
    const Article a = article(0);  // the same article again: the index as it was
    testing::put_article(writer, a, true);
    writer.write_search_aids(kBoundedHere);
  }
  REQUIRE(index::bounded_terms(Xapian::Database(idx.dir.string())).contains("ZScong"));
  REQUIRE(index::bounded_terms(Xapian::Database(idx.dir.string())).contains("Zhoi"));
  for (std::size_t k = 0; k < queries.size(); ++k) {
    CAPTURE(queries[k]);
    const SearchResult after = page(queries[k]);
    CHECK(after.total_estimate == before[k].total_estimate);
    REQUIRE(after.hits.size() == before[k].hits.size());
    for (std::size_t i = 0; i < after.hits.size(); ++i) {
      CHECK(after.hits[i].article.path == before[k].hits[i].article.path);
      CHECK(after.hits[i].score == before[k].hits[i].score);
      CHECK(after.hits[i].percent == before[k].hits[i].percent);
      CHECK(after.hits[i].snippet == before[k].hits[i].snippet);
      CHECK(after.hits[i].highlights == before[k].hits[i].highlights);
    }
  }
}
