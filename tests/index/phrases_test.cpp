// Unit tests for lib/index/phrases: a phrase matched as the AND of its words plus a
// late position check finds exactly what Xapian's own phrase matching finds, with the
// same weights, and only phrases that must match are taken out of the query.
#include <doctest/doctest.h>

#include <set>
#include <utility>
#include <vector>

#include "index/phrases.h"

using tracuu::index::PhraseCheck;

namespace {

// Documents made of words at positions 1, 2, ...: "công tác phòng cháy" and mixtures.
Xapian::WritableDatabase corpus() {
  const std::vector<std::vector<std::string>> docs = {
      {"cong", "tac", "phong", "chay"},          // 1: the phrase
      {"tac", "phong", "chay", "cong"},          // 2: both words, wrong order
      {"cong", "an", "tac", "chien"},            // 3: both words, apart
      {"tac", "cong", "tac", "cong", "tac"},     // 4: the phrase late, words repeated
      {"cong", "cong", "tac"},                   // 5: the phrase after a repeat
      {"tac", "phong"},                          // 6: one word only
      {"cong", "tac", "cong", "tac", "phong"},   // 7: the phrase twice
  };
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& words : docs) {
    Xapian::Document doc;
    Xapian::termpos pos = 0;
    for (const auto& w : words) doc.add_posting("Z" + w, ++pos);
    db.add_document(doc);
  }
  return db;
}

Xapian::Query phrase(std::initializer_list<const char*> words) {
  std::vector<Xapian::Query> terms;
  for (const char* w : words) terms.emplace_back(std::string("Z") + w);
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

std::vector<std::pair<Xapian::docid, double>> ranked(const Xapian::Database& db, const Xapian::Query& q,
                                                      const Xapian::MatchDecider* decider = nullptr) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  std::vector<std::pair<Xapian::docid, double>> out;
  const Xapian::MSet mset = enquire.get_mset(0, 100, 100, nullptr, decider);
  for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
  return out;
}

}  // namespace

TEST_CASE("phrase check: the same documents and weights as Xapian's phrase matching") {
  const Xapian::WritableDatabase db = corpus();
  for (const Xapian::Query& q : {phrase({"cong", "tac"}), phrase({"cong", "tac", "phong"}),
                                 phrase({"phong", "chay"}), phrase({"tac", "cong", "tac"}),
                                 phrase({"an", "cong"})}) {
    CAPTURE(q.get_description());
    PhraseCheck check(db);
    const Xapian::Query rewritten = check.rewrite(q);
    CHECK_FALSE(check.empty());
    CHECK(rewritten.get_type() == Xapian::Query::OP_AND);
    CHECK(ranked(db, rewritten, &check) == ranked(db, q));
  }
  PhraseCheck check(db);
  const Xapian::Query rewritten = check.rewrite(phrase({"cong", "tac"}));
  std::set<Xapian::docid> found;
  for (const auto& [did, weight] : ranked(db, rewritten, &check)) found.insert(did);
  CHECK(found == std::set<Xapian::docid>{1, 4, 5, 7});
}

TEST_CASE("phrase check: phrases that must match are rewritten, others are left to Xapian") {
  const Xapian::WritableDatabase db = corpus();
  const Xapian::Query p = phrase({"cong", "tac"});
  const Xapian::Query word("Zphong");
  SUBCASE("inside AND, on the left of a filter and of a boost") {
    for (Xapian::Query::op op : {Xapian::Query::OP_AND, Xapian::Query::OP_FILTER, Xapian::Query::OP_AND_MAYBE}) {
      PhraseCheck check(db);
      const Xapian::Query q(op, p, word);
      const Xapian::Query rewritten = check.rewrite(q);
      CHECK_FALSE(check.empty());
      CHECK(rewritten.get_description().find("PHRASE") == std::string::npos);
      CHECK(ranked(db, rewritten, &check) == ranked(db, q));
    }
  }
  SUBCASE("under OR, NOT or as the boost") {
    for (const Xapian::Query& q : {Xapian::Query(Xapian::Query::OP_OR, p, word),
                                   Xapian::Query(Xapian::Query::OP_AND_NOT, word, p),
                                   Xapian::Query(Xapian::Query::OP_AND_MAYBE, word, p)}) {
      PhraseCheck check(db);
      const Xapian::Query rewritten = check.rewrite(q);
      CHECK(check.empty());
      CHECK(rewritten.get_description() == q.get_description());
    }
  }
  SUBCASE("a phrase with a wider window is Xapian's to judge") {
    std::vector<Xapian::Query> terms{Xapian::Query("Zcong"), Xapian::Query("Ztac")};
    const Xapian::Query near(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), 3);
    PhraseCheck check(db);
    check.rewrite(near);
    CHECK(check.empty());
  }
}
