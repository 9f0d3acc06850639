// Suggestions (see suggest.h). Xapian's own speller counts every tone mark as an edit
// ("duong" is 3 edits from "đường"), so it is not used: the folded vocabulary is scanned
// instead, which is small for Vietnamese (a few thousand syllables plus names).
#include "index/suggest.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <vector>

#include "index/schema.h"
#include "tracuu/text.h"

namespace tracuu::index {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0]++;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.size()];
}

bool is_letters(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
  });
}

// The known folded words closest to `folded`: all those at the smallest edit distance,
// completions of what was typed first ("trie" -> "triet"), then the more frequent.
std::vector<std::string> closest_words(const Xapian::Database& db, const std::string& folded) {
  const std::size_t limit = folded.size() <= 4 ? 1 : 2;
  std::size_t best_distance = limit + 1;
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  const std::string prefix(kFolded);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string term = *t;
    if (term.size() < 2 || !std::islower(static_cast<unsigned char>(term[1]))) continue;  // skip Z^, ZS, numbers
    const std::string word = term.substr(1);
    const std::size_t d = edit_distance(folded, word, limit);
    if (d > best_distance) continue;
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

// How many articles hold all of `terms`.
Xapian::doccount matches(const Xapian::Database& db, const std::vector<std::string>& terms) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()));
  return enquire.get_mset(0, 0, 100).get_matches_estimated();
}

// The accented spelling most articles use for a folded word, or the word itself.
std::string accented(const Xapian::Database& db, const std::string& folded) {
  const std::string exact_prefix = std::string(kFolded) + std::string(kExactMark);
  const Xapian::doccount all = db.get_termfreq(std::string(kFolded) + folded);
  std::string best = folded;
  Xapian::doccount best_freq = 0;
  for (auto t = db.allterms_begin(exact_prefix); t != db.allterms_end(exact_prefix); ++t) {
    const std::string word = (*t).substr(exact_prefix.size());
    if (word.size() < folded.size() || text::fold(word) != folded) continue;
    if (t.get_termfreq() > best_freq) {
      best = word;
      best_freq = t.get_termfreq();
    }
  }
  return best_freq * 2 >= all ? best : folded;
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
  // The words that are known anchor the choice among candidates: the candidate that
  // finds articles together with them wins ("quan trie" -> "quan triệt", not "triển").
  std::vector<std::string> known;
  for (const auto& p : pieces) {
    const std::string term = std::string(kFolded) + text::fold(p.text);
    if (p.word && db.term_exists(term)) known.push_back(term);
  }
  bool changed = false;
  for (auto& p : pieces) {
    if (!p.word) continue;
    const std::string folded = text::fold(p.text);
    if (db.term_exists(std::string(kFolded) + folded)) continue;
    const std::vector<std::string> candidates = closest_words(db, folded);
    if (candidates.empty()) continue;
    std::string best = candidates.front();
    Xapian::doccount best_matches = 0;
    for (const auto& c : candidates) {
      std::vector<std::string> terms = known;
      terms.push_back(std::string(kFolded) + c);
      const Xapian::doccount m = matches(db, terms);
      if (m > best_matches) {
        best = c;
        best_matches = m;
      }
    }
    p.text = accented(db, best);
    known.push_back(std::string(kFolded) + best);
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
