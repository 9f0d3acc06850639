// Suggestions (see suggest.h). Xapian's own speller counts every tone mark as an edit
// ("duong" is 3 edits from "đường"), so it is not used: the folded vocabulary is scanned
// instead, which is small for Vietnamese (a few thousand syllables plus names).
#include "index/suggest.h"

#include <algorithm>
#include <compare>
#include <cctype>
#include <vector>

#include "index/schema.h"
#include "index/terms.h"
#include "tracuu/text.h"

namespace tracuu::index {
namespace {

}  // namespace

// Edit distance counting a swap of two neighbouring letters as one edit ("dna" -> "dan"),
// the commonest typing slip; gives up early past `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t row_best = limit + 1;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      row_best = std::min(row_best, d[i][j]);
    }
    if (row_best > limit) return limit + 1;
  }
  return d[a.size()][b.size()];
}

namespace {

bool is_letters(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
  });
}

// The known folded words closest to `folded`: all those at the smallest edit distance,
// completions of what was typed first ("trie" -> "triet"), then the more frequent.
std::vector<std::string> closest_words(const Xapian::Database& db, const std::string& folded) {
  // Short words allow one edit, longer ones two; a correction keeps the first letter
  // (typos rarely hit it, and without it "xyzzy" would become some unrelated short word).
  const std::size_t limit = folded.size() <= 5 ? 1 : 2;
  std::size_t best_distance = limit + 1;
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  // Only the words with the same first letter: a slice of the term list, not all of it.
  if (folded.empty() || !std::islower(static_cast<unsigned char>(folded[0]))) return {};
  const std::string prefix = std::string(kFolded) + folded[0];
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string word = (*t).substr(kFolded.size());
    const std::size_t d = edit_distance(folded, word, limit);
    if (d > limit || d > best_distance) continue;
    if (d < best_distance) {
      best_distance = d;
      found.clear();
    }
    const Xapian::doccount score = t.get_termfreq() + (word.rfind(folded, 0) == 0 ? db.get_doccount() : 0);
    found.emplace_back(score, word);
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < found.size() && i < 8; ++i) out.push_back(found[i].second);
  return out;
}

// About how many articles hold all of `terms` (as a phrase when `op` is OP_PHRASE). A
// phrase is counted exactly, but in a large index only over a fixed sample of about
// 8,000 articles, the same for every candidate, and scaled up: checking the positions
// in every article with the words took half a second at 100,000 articles, for a figure
// that only ranks the candidates of one correction.
Xapian::doccount matches(const Xapian::Database& db, const std::vector<std::string>& terms,
                         Xapian::Query::op op = Xapian::Query::OP_AND) {
  const Xapian::Query all(op, terms.begin(), terms.end());
  Xapian::Enquire enquire(db);
  // Only how many match counts: without weights Xapian can stop once it has seen enough.
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  if (op != Xapian::Query::OP_PHRASE) {
    enquire.set_query(all);
    return enquire.get_mset(0, 0, 100).get_matches_estimated();
  }
  constexpr Xapian::doccount kPhraseSample = 8000;
  unsigned buckets = kSampleBuckets;
  enquire.set_query(sampled(all, db.get_doccount(), kPhraseSample, buckets));
  const Xapian::doccount found = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
  return static_cast<Xapian::doccount>(std::uint64_t{found} * kSampleBuckets / buckets);
}

// How a candidate ranks: first how often it stands next to the query's neighbouring
// words, then how many articles it finds (with the known words, or alone).
struct Score {
  Xapian::doccount beside = 0;
  Xapian::doccount articles = 0;
  auto operator<=>(const Score&) const = default;
};

// About how many articles have `term` right after `before` plus right before `after`
// (either may be empty).
Xapian::doccount next_to(const Xapian::Database& db, const std::string& before, const std::string& term,
                         const std::string& after) {
  Xapian::doccount n = 0;
  if (!before.empty()) n += matches(db, {before, term}, Xapian::Query::OP_PHRASE);
  if (!after.empty()) n += matches(db, {term, after}, Xapian::Query::OP_PHRASE);
  return n;
}

// The accented spelling of a folded word that articles use next to the same neighbours
// ("bi thu" -> "bí thư", not the commoner "thứ"), else the commonest; or the word itself
// when it is mostly written without accents.
std::string accented(const Xapian::Database& db, const std::string& folded, const std::string& before,
                     const std::string& after) {
  const std::string exact_prefix = std::string(kFolded) + std::string(kExactMark);
  const Xapian::doccount all = db.get_termfreq(folded_term(folded));
  std::string best = folded;
  Score best_score;
  for (auto t = db.allterms_begin(exact_prefix); t != db.allterms_end(exact_prefix); ++t) {
    const std::string word = (*t).substr(exact_prefix.size());
    if (word.size() < folded.size() || text::fold(word) != folded) continue;
    const Score score{next_to(db, before, *t, after), t.get_termfreq()};
    if (score > best_score) {
      best = word;
      best_score = score;
    }
  }
  return best_score.articles * 2 >= all || best_score.beside > 0 ? best : folded;
}

}  // namespace

std::optional<std::string> suggest(const Xapian::Database& db, const std::string& normalized_query) {
  // Pieces of the query: plain words are corrected; everything else is kept.
  struct Piece {
    std::string text;
    bool word = false;
  };
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < normalized_query.size();) {
    const char c = normalized_query[i];
    if (c == ' ' || c == '(' || c == ')' || c == '"') {
      pieces.push_back({std::string(1, c)});
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < normalized_query.size() && std::string_view(" ()\"").find(normalized_query[end]) == std::string_view::npos)
      ++end;
    std::string w = normalized_query.substr(i, end - i);
    const bool word = is_letters(w) && w != "AND" && w != "OR" && w != "NOT";
    pieces.push_back({std::move(w), word});
    i = end;
  }
  // The words around an unknown one choose among its candidates: first the candidate
  // found next to its neighbours as a phrase ("quan trie" -> "quan triệt", not "trì"),
  // then the one that finds most articles together with all the known words.
  std::vector<std::string> known;
  for (const auto& p : pieces) {
    const std::string term = folded_term(p.text);
    if (p.word && db.term_exists(term)) known.push_back(term);
  }
  auto neighbour = [&](std::size_t at, int step) -> std::string {
    for (std::size_t k = at + step; k < pieces.size(); k += step) {
      if (pieces[k].word) return folded_term(pieces[k].text);
      if (pieces[k].text != " ") break;
    }
    return {};
  };
  bool changed = false;
  for (std::size_t at = 0; at < pieces.size(); ++at) {
    Piece& p = pieces[at];
    if (!p.word) continue;
    const std::string folded = text::fold(p.text);
    if (db.term_exists(folded_term(folded))) continue;
    const std::vector<std::string> candidates = closest_words(db, folded);
    if (candidates.empty()) continue;
    const std::string before = neighbour(at, -1), after = neighbour(at, 1);
    std::string best = candidates.front();
    Score best_score;
    for (const auto& c : candidates) {
      const std::string term = folded_term(c);
      std::vector<std::string> terms = known;
      terms.push_back(term);
      const Score score{next_to(db, before, term, after), matches(db, terms)};
      if (score > best_score) {
        best = c;
        best_score = score;
      }
    }
    p.text = accented(db, best, before, after);
    known.push_back(folded_term(best));
    changed = true;
  }
  if (!changed) return std::nullopt;
  // Known words stay as typed: accenting them one by one would pick each word's most
  // common accents whatever the context ("chi thi" is "chỉ thị", not "chí thị").
  std::string out;
  for (const auto& p : pieces) out += p.text;
  return out;
}

}  // namespace tracuu::index
