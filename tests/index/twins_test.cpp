// Unit tests for lib/index/twins: an exact term that is its folded term's twin in the
// index is dropped and the folded term counted twice, with every match weighing what it
// did; anything short of twins, or a word anywhere else than a plain weighted place,
// keeps both terms.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "index/twins.h"

namespace {

// The query as the passes weigh it: its twins found, then merged.
Xapian::Query merge_exact_twins(const Xapian::Query& q, const Xapian::Database& db) {
  return tracuu::index::merge_twins(q, tracuu::index::exact_twins(q, db));
}

using Q = Xapian::Query;

// Words as the writer indexes them: the folded form with a position, and an accented
// word's exact form beside it. "với" is only ever written so (twins); "quản" shares its
// folded form with "quân" (not twins).
Xapian::WritableDatabase corpus() {
  const std::vector<std::vector<std::pair<std::string, std::string>>> docs = {
      {{"voi", "với"}, {"quan", "quản"}, {"ly", "lý"}},
      {{"voi", "với"}, {"voi", "với"}, {"quan", "quân"}, {"doi", "đội"}},
      {{"quan", "quản"}, {"ly", "lý"}, {"voi", "với"}, {"quan", "quản"}, {"ly", "lý"}},
      {{"an", ""}, {"ninh", ""}, {"voi", "với"}},
      {{"quan", "quân"}, {"su", "sự"}},
  };
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& words : docs) {
    Xapian::Document doc;
    Xapian::termpos pos = 0;
    for (const auto& [folded, exact] : words) {
      doc.add_posting("Z" + folded, ++pos);
      if (!exact.empty()) doc.add_term("Z^" + exact);
    }
    db.add_document(doc);
  }
  return db;
}

// The query as the searcher builds it: words AND-ed, the exact forms as a boost.
Q searched(std::vector<std::string> folded, std::vector<std::string> exact) {
  std::vector<Q> words, boost;
  for (const auto& f : folded) words.emplace_back("Z" + f);
  for (const auto& e : exact) boost.emplace_back("Z^" + e);
  return Q(Q::OP_AND_MAYBE, Q(Q::OP_AND, words.begin(), words.end()), Q(Q::OP_OR, boost.begin(), boost.end()));
}

std::vector<std::pair<Xapian::docid, double>> ranked(const Xapian::Database& db, const Q& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  std::vector<std::pair<Xapian::docid, double>> out;
  const Xapian::MSet mset = enquire.get_mset(0, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
  return out;
}

void same_ranking(const Xapian::Database& db, const Q& a, const Q& b) {
  const auto x = ranked(db, a), y = ranked(db, b);
  REQUIRE(x.size() == y.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    CHECK(x[i].first == y[i].first);
    CHECK(x[i].second == doctest::Approx(y[i].second).epsilon(1e-12));
  }
}

bool mentions(const Q& q, const std::string& term) {
  for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t)
    if (*t == term) return true;
  return false;
}

}  // namespace

TEST_CASE("twins: the exact term goes, the folded one counts twice, every weight stays") {
  const Xapian::WritableDatabase db = corpus();
  const Q q = searched({"voi", "quan"}, {"với", "quản"});
  const Q merged = merge_exact_twins(q, db);
  CAPTURE(merged.get_description());
  CHECK_FALSE(mentions(merged, "Z^với"));
  CHECK(mentions(merged, "Z^quản"));  // "quan" is also "quân": the accents still rank
  CHECK(merged.get_description().find("2 * Zvoi") != std::string::npos);
  same_ranking(db, q, merged);
  CHECK(ranked(db, merged).size() == 3);

  // A single twin word: the boost disappears altogether.
  const Q alone = searched({"voi"}, {"với"});
  const Q merged_alone = merge_exact_twins(alone, db);
  CHECK(merged_alone.get_description() == "Query(2 * Zvoi)");
  same_ranking(db, alone, merged_alone);
  CHECK(ranked(db, merged_alone).size() == 4);
}

TEST_CASE("twins: nothing merges short of twins or outside a plain weighted place") {
  Xapian::WritableDatabase db = corpus();
  // Not twins: "quản" is not the only accented form of "quan".
  const Q quan = searched({"quan"}, {"quản"});
  CHECK(merge_exact_twins(quan, db).get_description() == quan.get_description());

  // A word typed twice weighs by its count in the query: both terms stay.
  const Q twice = searched({"voi", "voi"}, {"với"});
  CHECK(merge_exact_twins(twice, db).get_description() == twice.get_description());

  // In a phrase, or under a filter that must hold (--exact), the terms are not weights.
  const std::vector<Q> words = {Q("Zvoi"), Q("Zquan")};
  const Q phrase(Q::OP_AND_MAYBE, Q(Q::OP_PHRASE, words.begin(), words.end()), Q("Z^với"));
  CHECK(merge_exact_twins(phrase, db).get_description() == phrase.get_description());
  const Q exact(Q::OP_FILTER, searched({"voi"}, {"với"}), Q("Z^với"));
  CHECK(merge_exact_twins(exact, db).get_description() == exact.get_description());

  // One unaccented "voi" anywhere, and "với" no longer stands for every "voi".
  Xapian::Document plain;
  plain.add_posting("Zvoi", 1);
  db.add_document(plain);
  const Q voi = searched({"voi"}, {"với"});
  CHECK(merge_exact_twins(voi, db).get_description() == voi.get_description());
}
