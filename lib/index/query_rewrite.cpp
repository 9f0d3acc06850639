// Synonym expansion and field checking on the query string (see query_rewrite.h).
#include "index/query_rewrite.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <utility>

#include "data/resources_tables.h"
#include "index/suggest.h"
#include "tracuu/error.h"
#include "tracuu/text.h"

namespace tracuu::index {
namespace {

// A piece of the query: a quoted phrase, a bare word, or anything else (spaces,
// brackets, operators) that is copied through untouched.
struct Piece {
  enum Kind { Word, Phrase, Other } kind;
  std::string text;
};

std::vector<Piece> split(std::string_view q) {
  std::vector<Piece> out;
  std::size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    if (c == '"') {
      const std::size_t close = q.find('"', i + 1);
      const std::size_t end = close == std::string_view::npos ? q.size() : close + 1;
      out.push_back({Piece::Phrase, std::string(q.substr(i, end - i))});
      i = end;
    } else if (c == ' ' || c == '(' || c == ')') {
      out.push_back({Piece::Other, std::string(1, c)});
      ++i;
    } else {
      std::size_t end = i;
      while (end < q.size() && q[end] != ' ' && q[end] != '(' && q[end] != ')' && q[end] != '"') ++end;
      out.push_back({Piece::Word, std::string(q.substr(i, end - i))});
      i = end;
    }
  }
  return out;
}

// The words of folded text, without punctuation: "an ninh, trat tu" -> {"an", "ninh",
// "trat", "tu"}.
bool is_word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }

// Calls `visit` on each word of `folded` in turn while it returns true; returns false
// when `visit` stopped it.
template <class Visit>
bool each_word(std::string_view folded, Visit visit) {
  for (std::size_t at = 0; at < folded.size();) {
    if (!is_word_byte(folded[at])) {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < folded.size() && is_word_byte(folded[end])) ++end;
    if (!visit(folded.substr(at, end - at))) return false;
    at = end;
  }
  return true;
}

std::vector<std::string> words_of_folded(std::string_view folded) {
  std::vector<std::string> out;
  each_word(folded, [&](std::string_view word) {
    out.emplace_back(word);
    return true;
  });
  return out;
}

// Folded words without punctuation: "an ninh, trật tự" -> {"an", "ninh", "trat", "tu"}.
std::vector<std::string> folded_words(std::string_view s) { return words_of_folded(text::fold(s)); }

// The parser's operators: AND, OR, NOT, XOR, and NEAR and ADJ with or without a window
// ("NEAR/3").
bool is_operator(std::string_view w) {
  if (w == "AND" || w == "OR" || w == "NOT" || w == "XOR") return true;
  for (std::string_view near : {"NEAR", "ADJ"})
    if (w.starts_with(near) && (w.size() == near.size() || w[near.size()] == '/')) return true;
  return false;
}

// The name of the field a query word gives ("ref" for "ref:09-ct/tw" or "-ref:x"), or
// empty when it gives none (no colon, or a sign and nothing else before it).
std::string_view field_name(std::string_view w) {
  while (!w.empty() && (w[0] == '+' || w[0] == '-')) w.remove_prefix(1);
  const std::size_t colon = w.find(':');
  return colon == std::string_view::npos ? std::string_view{} : w.substr(0, colon);
}

bool is_known_field(std::string_view name) {
  const auto& fields = known_fields();
  return std::find(fields.begin(), fields.end(), name) != fields.end();
}

bool is_plain_word(std::string_view w) {
  return !w.empty() && w.find(':') == std::string_view::npos && w[0] != '+' && w[0] != '-' && !is_operator(w);
}

std::string alternatives(const Abbreviation& a) {
  std::string out = "(" + a.abbreviation;
  for (const auto& e : a.expansions) out += " OR \"" + e + "\"";
  return out + ")";
}


// The query as expand_synonyms() reads it: its pieces, and for each plain word and
// phrase its folded words, each folded once.
struct FoldedQuery {
  std::vector<Piece> pieces;
  std::vector<std::string> keys;                // a plain word folded whole ("tp.hcm"), else ""
  std::vector<std::vector<std::string>> words;  // the folded words of a plain word or phrase
  std::vector<std::string> all_words;           // every folded word of the query

  explicit FoldedQuery(std::string_view query) : pieces(split(query)), keys(pieces.size()), words(pieces.size()) {
    for (std::size_t j = 0; j < pieces.size(); ++j) {
      const Piece& p = pieces[j];
      if (p.kind == Piece::Word && is_plain_word(p.text)) {
        keys[j] = text::fold(p.text);
        words[j] = words_of_folded(keys[j]);
      } else if (p.kind == Piece::Phrase) {
        words[j] = folded_words(p.text);
      }
      all_words.insert(all_words.end(), words[j].begin(), words[j].end());
    }
  }
  bool plain(std::size_t j) const { return pieces[j].kind == Piece::Word && is_plain_word(pieces[j].text); }
  bool has_word(std::string_view w) const { return std::find(all_words.begin(), all_words.end(), w) != all_words.end(); }
  bool has_key(std::string_view k) const { return !k.empty() && std::find(keys.begin(), keys.end(), k) != keys.end(); }
};

}  // namespace

const std::vector<std::string>& known_fields() {
  static const std::vector<std::string> fields{"ref", "kind", "official", "title", "site", "year", "date"};
  return fields;
}

void check_fields(std::string_view query) {
  for (const auto& piece : split(query)) {
    if (piece.kind != Piece::Word) continue;
    const std::string_view name = field_name(piece.text);
    if (name.empty()) continue;
    if (!std::all_of(name.begin(), name.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }))
      continue;
    if (name == "http" || name == "https" || is_known_field(name)) continue;
    const auto& fields = known_fields();
    const auto closest = std::min_element(fields.begin(), fields.end(), [&](const auto& a, const auto& b) {
      return edit_distance(name, a, 64) < edit_distance(name, b, 64);
    });
    std::string known;
    for (const auto& f : fields) known += (known.empty() ? "" : ", ") + f + ":";
    throw Error(ErrorKind::Query, fmt::format("unknown field '{}:' in query; did you mean '{}:'?", name, *closest),
                "the fields are " + known);
  }
}

std::string ranked_text(std::string_view query) {
  std::string out;
  bool skip_value = false;  // after `field:`, whose value is quoted
  // After NOT, as Xapian's parser reads it: everything up to the next AND, OR or XOR
  // (or the end of the enclosing brackets) is excluded. `depth` counts brackets opened
  // inside the excluded part.
  bool excluding = false;
  int depth = 0;
  for (const Piece& piece : split(query)) {
    if (excluding) {
      if (piece.text == "(") {
        ++depth;
      } else if (piece.text == ")" && depth > 0) {
        --depth;
      } else if (depth == 0 && (piece.text == ")" || piece.text == "AND" || piece.text == "OR" || piece.text == "XOR")) {
        excluding = false;  // the bracket closes an outer group; the operator is dropped below
      }
      if (excluding) {
        if (piece.text == " ") out += ' ';
        continue;
      }
    }
    if (piece.kind == Piece::Other) {
      out += piece.text;
      continue;
    }
    if (std::exchange(skip_value, false)) continue;
    if (piece.kind == Piece::Phrase) {
      out += piece.text;
      continue;
    }
    std::string_view w = piece.text;
    if (w == "NOT") {
      excluding = true;
      depth = 0;
      continue;
    }
    if (is_operator(w) || w.starts_with('-')) continue;
    while (!w.empty() && w[0] == '+') w.remove_prefix(1);
    if (const std::string_view name = field_name(w); is_known_field(name)) {
      const std::string_view value = w.substr(name.size() + 1);
      if (name == "title") {
        out += value;  // its words are text; a quoted value follows as is
      } else {
        skip_value = value.empty();
      }
      continue;
    }
    out += w;
  }
  return out;
}

namespace {

bool may_expand(const FoldedQuery& q, std::string_view table_text, std::string_view folded) {
  const auto trimmed = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
  };
  // The text folded at once (folding keeps every line break), read line by line beside
  // the text itself.
  bool header = false, entries = false;
  for (std::size_t at = 0, folded_at = 0; at < table_text.size();) {
    const std::size_t end = std::min(table_text.find('\n', at), table_text.size());
    const std::size_t folded_end = std::min(folded.find('\n', folded_at), folded.size());
    const std::string_view raw = trimmed(table_text.substr(at, end - at));
    const std::string_view line = trimmed(std::string_view(folded).substr(folded_at, folded_end - folded_at));
    at = end + 1;
    folded_at = folded_end + 1;
    if (raw.empty()) continue;
    if (raw.front() == '#') {
      header = true;
      continue;
    }
    // A line before the header or without its two columns is left to the parser, which
    // reports what is wrong.
    const std::size_t tab = raw.find('\t'), folded_tab = line.find('\t');
    if (!header || tab == std::string_view::npos || raw.find('\t', tab + 1) != std::string_view::npos ||
        folded_tab == std::string_view::npos)
      return true;
    entries = true;
    // Folded, the line reads as parsed: normalising changes nothing that folding does
    // not undo (NFC, tone placement), but for layout (Unicode spaces and invisible
    // characters, which folding leaves alone; bad bytes). A line whose folded form keeps
    // such characters goes to the parser if layout would change them.
    if (std::any_of(line.begin(), line.end(), [](char c) { return (c & 0x80) != 0; }) &&
        (!text::layout_is_clean(trimmed(raw.substr(0, tab))) || !text::layout_is_clean(trimmed(raw.substr(tab + 1)))))
      return true;
    if (q.has_key(trimmed(line.substr(0, folded_tab)))) return true;
    const std::string_view expansions = line.substr(folded_tab + 1);
    for (std::size_t from = 0; from <= expansions.size();) {
      const std::size_t to = std::min(expansions.find(';', from), expansions.size());
      std::size_t words = 0;  // an expansion with no word at all matches nothing
      const auto in_query = [&](std::string_view word) {
        ++words;
        return q.has_word(word);
      };
      if (each_word(expansions.substr(from, to - from), in_query) && words > 0) return true;
      from = to + 1;
    }
  }
  return !entries;
}

std::string expand_synonyms(const FoldedQuery& q, const std::vector<Abbreviation>& abbreviations) {
  struct Expansion {
    std::vector<std::string> words;
    const Abbreviation* abbreviation;
  };
  std::vector<Expansion> expansions;
  std::vector<std::string> folded_abbreviations;
  // Only the expansions whose words all occur in the query can match: the others are
  // left out once folded (every search starts here, with a hundred expansions).
  for (const auto& a : abbreviations) {
    folded_abbreviations.push_back(text::fold(a.abbreviation));
    for (const auto& e : a.expansions) {
      const std::string folded = text::fold(e);
      if (!each_word(folded, [&](std::string_view word) { return q.has_word(word); })) continue;
      std::vector<std::string> words = words_of_folded(folded);
      if (!words.empty()) expansions.push_back({std::move(words), &a});
    }
  }
  // Longest first, so "an ninh quốc gia" wins over a shorter overlapping expansion.
  std::sort(expansions.begin(), expansions.end(),
            [](const auto& x, const auto& y) { return x.words.size() > y.words.size(); });

  const std::vector<Piece>& pieces = q.pieces;
  std::string out;
  for (std::size_t i = 0; i < pieces.size();) {
    const Piece& p = pieces[i];
    if (p.kind == Piece::Phrase) {
      const auto match =
          std::find_if(expansions.begin(), expansions.end(), [&](const auto& e) { return e.words == q.words[i]; });
      out += match == expansions.end() ? p.text : "(" + p.text + " OR " + match->abbreviation->abbreviation + ")";
      ++i;
      continue;
    }
    if (!q.plain(i)) {
      out += p.text;
      ++i;
      continue;
    }
    // An abbreviation written alone.
    const auto abbr = std::find(folded_abbreviations.begin(), folded_abbreviations.end(), q.keys[i]);
    if (abbr != folded_abbreviations.end()) {
      out += alternatives(abbreviations[static_cast<std::size_t>(abbr - folded_abbreviations.begin())]);
      ++i;
      continue;
    }
    // A written-out expansion: consecutive plain words (single spaces between them).
    bool replaced = false;
    for (const auto& e : expansions) {
      std::vector<std::string> words;
      std::size_t j = i;
      std::string span;
      while (j < pieces.size() && words.size() < e.words.size()) {
        if (q.plain(j)) {
          words.insert(words.end(), q.words[j].begin(), q.words[j].end());
          span += pieces[j].text;
          ++j;
        } else if (pieces[j].kind == Piece::Other && pieces[j].text == " " && !words.empty()) {
          span += ' ';
          ++j;
        } else {
          break;
        }
      }
      if (words == e.words) {
        out += "(\"" + span + "\" OR " + e.abbreviation->abbreviation + ")";
        i = j;
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      out += p.text;
      ++i;
    }
  }
  return out;
}

}  // namespace

bool may_expand(std::string_view query, std::string_view table_text) {
  return may_expand(FoldedQuery(query), table_text, text::fold(table_text));
}

std::string expand_synonyms(std::string_view query, const AbbreviationTable& table) {
  const FoldedQuery q(query);
  return may_expand(q, table.text(), table.folded()) ? expand_synonyms(q, table.entries()) : std::string(query);
}

std::string expand_synonyms(std::string_view query, const std::vector<Abbreviation>& abbreviations) {
  if (abbreviations.empty()) return std::string(query);
  return expand_synonyms(FoldedQuery(query), abbreviations);
}

}  // namespace tracuu::index
