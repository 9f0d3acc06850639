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

// The closest known folded word to `folded`, most frequent on ties.
std::optional<std::string> closest_word(const Xapian::Database& db, const std::string& folded) {
  const std::size_t limit = folded.size() <= 4 ? 1 : 2;
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  Xapian::doccount best_freq = 0;
  const std::string prefix(kFolded);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string term = *t;
    if (term.size() < 2 || !std::islower(static_cast<unsigned char>(term[1]))) continue;  // skip Z^, ZS, numbers
    const std::string word = term.substr(1);
    const std::size_t d = edit_distance(folded, word, limit);
    if (d > limit) continue;
    const Xapian::doccount freq = t.get_termfreq();
    if (d < best_distance || (d == best_distance && freq > best_freq)) {
      best = word;
      best_distance = d;
      best_freq = freq;
    }
  }
  return best;
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
  std::string out;
  bool changed = false;
  std::size_t i = 0;
  bool in_quotes = false;
  while (i < normalized_query.size()) {
    const char c = normalized_query[i];
    if (c == ' ' || c == '(' || c == ')' || c == '"') {
      if (c == '"') in_quotes = !in_quotes;
      out += c;
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < normalized_query.size() && std::string_view(" ()\"").find(normalized_query[end]) == std::string_view::npos)
      ++end;
    const std::string word = normalized_query.substr(i, end - i);
    i = end;
    const std::string folded = text::fold(word);
    if (!is_letters(word) || word == "AND" || word == "OR" || word == "NOT" ||
        db.term_exists(std::string(kFolded) + folded)) {
      out += word;
      continue;
    }
    if (auto fix = closest_word(db, folded)) {
      out += accented(db, *fix);
      changed = true;
    } else {
      out += word;
    }
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace tracuu::index
