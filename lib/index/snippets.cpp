// Snippets (see snippets.h).
#include "index/snippets.h"

#include <algorithm>
#include <array>
#include <utility>

#include "index/schema.h"
#include "index/terms.h"
#include "tracuu/text.h"

namespace tracuu::index {
namespace {

// The blanks that end a run of text: no word Xapian reads spans one.
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// The code point starting at byte `at` of `s`, as Xapian decodes it.
unsigned code_point_at(std::string_view s, std::size_t at) {
  return *Xapian::Utf8Iterator(s.data() + at, s.size() - at);
}

// True when the code point ending just before byte `at` is part of a word for Xapian.
bool word_char_before(std::string_view s, std::size_t at) {
  if (at == 0) return false;
  std::size_t start = at - 1;
  while (start > 0 && at - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return Xapian::Unicode::is_wordchar(code_point_at(s.substr(0, at), start));
}

bool word_char_at(std::string_view s, std::size_t at) {
  return at < s.size() && Xapian::Unicode::is_wordchar(code_point_at(s, at));
}

// True when `folded` holds one of `words` with no word character on either side. Xapian
// may join a little more into one word ("AT&T", "1.000"): then it sees no match where this
// sees one, which costs a longer read but never a different snippet.
bool holds_word(std::string_view folded, const std::vector<std::string>& words) {
  for (const std::string& word : words)
    for (std::size_t at = folded.find(word); at != std::string_view::npos; at = folded.find(word, at + 1))
      if (!word_char_before(folded, at) && !word_char_at(folded, at + word.size())) return true;
  return false;
}

// The start of the run of non-blank text that holds byte `at`: Xapian splits the text
// from there into the same words as the whole text.
std::size_t run_start(std::string_view text, std::size_t at) {
  while (at > 0 && !is_space(text[at - 1])) --at;
  return at;
}

// The first word of `s`: from its first character Xapian counts as part of a word to
// the next it does not. In a `marked` snippet, the escapes Xapian writes ("&amp;") are
// skipped, and our marks of a match are not part of a word.
std::string_view first_word(std::string_view s, bool marked) {
  std::size_t at = std::string_view::npos;
  for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) {
    const std::size_t here = it.raw() - s.data();
    if (Xapian::Unicode::is_wordchar(*it)) {
      if (at == std::string_view::npos) at = here;
    } else if (at != std::string_view::npos) {
      return s.substr(at, here - at);
    } else if (marked && *it == '&') {
      if (const std::size_t semi = s.find(';', here); semi != std::string_view::npos)
        it = Xapian::Utf8Iterator(s.data() + semi, s.size() - semi);  // on to the ';', then past it
    }
  }
  return at == std::string_view::npos ? std::string_view() : s.substr(at);
}

// True when Xapian's `marked` snippet begins with `word`, the first word of the text it
// was cut from: its window then reached back to the start of that text (leading
// punctuation, a mark of a match or an omission sign may come first). It may also begin
// with the same word later in the text; that only costs a second cut.
bool opens_with(std::string_view marked, std::string_view word) { return first_word(marked, true) == word; }

// Xapian's snippet is HTML-escaped with our markers around matches; turn it into plain
// text plus byte ranges, and flatten line breaks so a snippet is one line.
void plain_snippet(const std::string& marked, SearchHit& hit) {
  static const std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  const auto special = [](char c) { return c == '\x01' || c == '\x02' || c == '\n' || c == '&'; };
  std::string out;
  out.reserve(marked.size());
  std::size_t open_at = 0;
  for (std::size_t i = 0; i < marked.size();) {
    // Ordinary text is copied a run at a time.
    std::size_t run_end = i;
    while (run_end < marked.size() && !special(marked[run_end])) ++run_end;
    if (run_end > i) {
      out.append(marked, i, run_end - i);
      i = run_end;
      continue;
    }
    const char c = marked[i];
    if (c == '\x01') {
      open_at = out.size();
      ++i;
    } else if (c == '\x02') {
      hit.highlights.emplace_back(open_at, out.size());
      ++i;
    } else if (c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      ++i;
    } else {
      bool entity = false;
      if (c == '&') {
        for (const auto& [name, ch] : kEntities) {
          if (marked.compare(i, name.size(), name) == 0) {
            out += ch;
            i += name.size();
            entity = true;
            break;
          }
        }
      }
      if (!entity) {
        out += c;
        ++i;
      }
    }
  }
  hit.snippet = std::move(out);
}

// The opening of the text, cut at a word boundary: the snippet when no word matched
// (a query of fields only, such as ref:09-ct/tw).
std::string lead(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t cut = text.rfind(' ', bytes);
  if (cut == std::string::npos || cut < bytes / 2) {
    cut = bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  }
  std::string out = text.substr(0, cut) + "…";
  // Keep the snippet free of the markers plain_snippet() interprets.
  for (char& c : out)
    if (c == '\x01' || c == '\x02') c = ' ';
  return out;
}

// The stemmer a snippet is cut with. Xapian asks it for the stem of every word it reads
// (about a hundred a snippet) and looks "Z" + the answer up among the query's terms, so
// only a word that may fold to one of the query's folded words needs folding: one whose
// first letter folds to the first byte of such a word. Any other gets "", which no term
// matches, and the snippet is the same as with the folding stemmer.
class QueryWordFold : public Xapian::StemImplementation {
 public:
  // `first`: the first bytes of the query's folded words (WordFinder::first_bytes()).
  explicit QueryWordFold(const std::array<bool, 256>& first) : first_bytes_(first) {}
  std::string operator()(const std::string& word) override {
    if (word.empty()) return {};
    const auto lead = static_cast<unsigned char>(word[0]);
    if (lead < 0x80) {
      const unsigned char lower = lead >= 'A' && lead <= 'Z' ? lead + ('a' - 'A') : lead;
      if (!first_bytes_[lower]) return {};
    } else {
      const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      const std::string first = text::fold(std::string_view(word).substr(0, length));
      // A first character that folds to nothing (a stray combining mark) decides nothing.
      if (!first.empty() && !first_bytes_[static_cast<unsigned char>(first[0])]) return {};
    }
    return text::fold(word);
  }
  std::string get_description() const override { return "tracuu-query-word-fold"; }

 private:
  std::array<bool, 256> first_bytes_;
};

}  // namespace

namespace {

std::array<bool, 256> first_bytes_of(const std::vector<std::string>& words) {
  std::array<bool, 256> first{};
  for (const std::string& word : words) {
    if (word.empty()) first.fill(true);
    else first[static_cast<unsigned char>(word[0])] = true;
  }
  return first;
}

}  // namespace

WordFinder::WordFinder(std::vector<std::string> words)
    : words_(std::move(words)), first_(first_bytes_of(words_)), starts_(first_) {}

std::size_t WordFinder::first_in(std::string_view text) const {
  if (words_.empty()) return std::string_view::npos;
  // Run by run (no word Xapian reads spans a blank); a run is folded only when a word may
  // begin there with the first byte of one of the words: most runs are a syllable that
  // cannot. (Where Xapian sees a word begin, the folded byte before is not [a-z0-9_].)
  // Only runs holding a byte where a character folding to such a byte may start are
  // looked at (FoldStarts): the rest is passed over a table lookup a byte, instead of
  // a code point and a fold-table entry at a time ("phương" at 20,000 articles, ten
  // hits: 266,000 instructions down to 84,000; a run starting with "c" or "ph" is
  // still looked at, a syllable with a Vietnamese vowel mark is not).
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (!starts_.at(text, at)) continue;
    const std::size_t run = run_start(text, at);
    std::size_t end = at;
    while (end < text.size() && !is_space(text[end])) ++end;
    const std::string_view piece = text.substr(run, end - run);
    if (text::fold_may_begin_word(piece, first_) && holds_word(text::fold(piece), words_)) return run;
    at = end;
  }
  return std::string_view::npos;
}

std::size_t first_match(std::string_view text, const std::vector<std::string>& words) {
  return WordFinder(words).first_in(text);
}

namespace {

// The words of `terms` a snippet can highlight: Xapian matches a word of the text to "Z"
// + its fold; a term whose rest is not its own fold ("Z^đường", the exact form;
// "ZSduong", a headline word) never matches.
std::vector<std::string> snippet_words(const std::vector<std::string>& terms) {
  std::vector<std::string> words;
  for (const std::string& term : terms) {
    if (term.size() <= kFolded.size() || term.compare(0, kFolded.size(), kFolded) != 0) continue;
    std::string word = term.substr(kFolded.size());
    if (text::fold(word) == word) words.push_back(std::move(word));
  }
  return words;
}

}  // namespace

Snippets::Snippets(const std::vector<std::string>& terms, std::size_t bytes)
    : words_(snippet_words(terms)), bytes_(bytes), stemmer_(new QueryWordFold(words_.first_bytes())) {}

void Snippets::cut(const Xapian::MSet& weights, const std::string& body, SearchHit& hit) const {
  // Xapian reads the text word by word (about 1,500 instructions a word here) up to its
  // first match and a snippet's length beyond, and keeps the last window of `bytes_` that
  // weighs most. Only the windows that hold a match count, and so only the text from
  // `bytes_` before the first match: from there (`safe`), the snippet is the same as from
  // the whole text. From a few words before the match (`near`), it is the same unless
  // Xapian's window reached back to the start (the text ends soon after, or a long run
  // without words follows the match); then it opens with that text's first word, and is
  // cut again from `safe`. Those few bytes must hold a word: else Xapian's window in the
  // whole text starts before them, a little further back, and may end a word sooner.
  constexpr std::size_t kNear = 16;  // bytes kept before the first match in the first try
  const std::size_t match = words_.first_in(body);
  std::string marked;
  if (match != std::string::npos) {
    const auto from = [&](std::size_t start) {
      const std::string rest = start == 0 ? std::string() : body.substr(start);
      return weights.snippet(start == 0 ? body : rest, bytes_, stemmer_, Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH,
                             "\x01", "\x02", "…");
    };
    const std::size_t safe = match > bytes_ ? run_start(body, match - bytes_ - 1) : 0;
    const std::size_t near = match > kNear ? run_start(body, match - kNear - 1) : 0;
    const std::string_view near_word =
        near > safe ? first_word(std::string_view(body).substr(near, match - near), false) : std::string_view();
    if (!near_word.empty() && body.size() - near > 2 * bytes_) {
      marked = from(near);
      if (opens_with(marked, near_word)) marked = from(safe);
    } else {
      marked = from(safe);
    }
  }
  set_snippet(marked, body, bytes_, hit);
}

void set_snippet(const std::string& marked, const std::string& body, std::size_t bytes, SearchHit& hit) {
  plain_snippet(marked.empty() ? lead(body, bytes) : marked, hit);
}

// Pages often put a line or two before the headline (a dateline, a section name): it is
// taken out where it stands as a line of its own within the opening lines.
std::string without_headline(std::string text, const std::string& title) {
  constexpr std::size_t kOpening = 512;  // bytes in which the headline may start
  const std::string_view opening = std::string_view(text).substr(0, kOpening + title.size());
  for (std::size_t at = title.empty() ? std::string_view::npos : opening.find(title); at != std::string_view::npos;
       at = opening.find(title, at + 1)) {
    const std::size_t end = at + title.size();
    if (at == 0 || (text[at - 1] == '\n' && (end == text.size() || text[end] == '\n'))) {
      text.erase(at, title.size());
      break;
    }
  }
  const std::size_t start = text.find_first_not_of(" \n");
  return start == std::string::npos ? std::string{} : text.substr(start);
}

}  // namespace tracuu::index
