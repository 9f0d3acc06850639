// ResourceTables: the loaded contents of data/, shaped for fast lookups by the
// extractors and the searcher. Keys are built with the same tokenizer and lower-casing
// as article text (extract/tokens.h), so a lookup is a hash probe on token keys.
// Internal header: include as "data/resources_tables.h".
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "data/hash.h"

namespace tracuu {

template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// Multi-word phrases keyed by extract::phrase_key ("bộ trưởng"); each carries an int
// payload (a role or an index, depending on the table). Every proper prefix of a
// phrase is stored too, as kPrefixOnly, so a matcher stops as soon as the words read
// so far begin no phrase.
struct PhraseSet {
  static constexpr int kPrefixOnly = -1;
  StringMap<int> phrases;           // phrase or prefix -> payload (or kPrefixOnly)
  StringSet first_words;     // first token key of every phrase
  std::size_t max_tokens = 0;
  std::uint16_t flag = 0;    // this set's bit in ResourceTables::word_flags (0: none)

  void add(const std::string& key, int payload);
  bool empty() const { return phrases.empty(); }
  // The payload of a whole phrase, or nullptr (absent, or only a prefix).
  const int* find(std::string_view key) const;
};

struct DocKind {
  std::string slug;                     // "chi-thi"
  std::string label;                    // "Chỉ thị"
  std::vector<std::string> abbreviations;  // canonical case: "CT"; "QĐi", "QyĐ"
  std::vector<std::string> labels;      // every label, the main one first
};

struct KindAbbreviation {
  std::size_t kind = 0;       // index into ResourceTables::doc_kinds
  std::string canonical;      // "CTr"
};

struct KindLabel {
  std::string key;            // lower-cased label: "chương trình phối hợp"
  std::size_t kind = 0;
};

struct Rank {
  std::string name;           // "Đại tướng"
  std::string kind;           // "military", "police" or "both"
};

struct Abbreviation {
  std::string abbreviation;             // "ANTQ"
  std::vector<std::string> expansions;  // "an ninh Tổ quốc"
};

// abbreviations.tsv: read whole when loaded, parsed on first use. A search process
// parses it only for a query that may hold an abbreviation or an expansion
// (index::expand_synonyms looks at the text first): most never do. Thread-safe.
class AbbreviationTable {
 public:
  // `folded`: text::fold(text), when known (the index stores both); else folded() folds
  // the text the first time it is asked.
  AbbreviationTable(std::string text, std::string name, std::string folded = {})
      : text_(std::move(text)), name_(std::move(name)), folded_(std::move(folded)) {}
  std::string_view text() const { return text_; }
  std::string_view folded() const;
  // Throws tracuu::Error (ErrorKind::Data) naming file:line for a malformed line.
  const std::vector<Abbreviation>& entries() const;

 private:
  std::string text_, name_;
  mutable std::string folded_;
  mutable std::once_flag parsed_, folded_once_;
  mutable std::vector<Abbreviation> entries_;
};

// Continuation: a fixed phrase that may stand inside a title although it holds a comma
// or a lower-case "và" ("và phòng, chống"); never starts a title.
enum class TitleRole : int { Head = 0, Modifier = 1, Continuation = 2 };

enum class DateWordRole : int {
  PartOfDay = 0,
  DayWord,
  Weekday,
  MonthWord,
  YearWord,
  RangeFrom,
  RangeTo,
};

struct ResourceTables {
  // Document kinds (doc_kinds.tsv).
  std::vector<DocKind> doc_kinds;
  StringMap<KindAbbreviation> kind_by_abbreviation;         // key: lower-cased abbreviation
  StringMap<KindAbbreviation> kind_by_folded_abbreviation;  // key: text::fold(abbreviation)
  std::vector<KindLabel> kind_labels;                       // longest first

  // People (ranks.tsv, titles.tsv, honorifics.txt, family_names.txt, title_stops.txt).
  std::vector<Rank> ranks;
  PhraseSet rank_phrases;       // payload: index into ranks
  PhraseSet titles;             // payload: TitleRole
  PhraseSet honorifics;
  PhraseSet title_stops;
  StringSet family_names;       // lower-cased single syllables ("nguyễn")

  // Places and organisations (places.txt, organisations.txt, place_units.txt).
  PhraseSet places;
  PhraseSet organisations;
  PhraseSet place_units;        // "huyện", "thôn": a capitalised span after one is a place

  // Dates (date_words.tsv): payload DateWordRole.
  PhraseSet date_words;

  // Lower-case words a byline may hold (byline_words.txt): "phóng viên", "tổng hợp".
  PhraseSet byline_words;

  // Page furniture (boilerplate.txt): folded patterns with {n} and {*}.
  std::vector<std::string> boilerplate;

  // Query synonyms (abbreviations.tsv).
  std::optional<AbbreviationTable> abbreviations;

  // For every word that starts a phrase of some set (or is a family name), the OR of
  // those sets' flags: the extractors probe this once per token instead of probing
  // every gazetteer at every token.
  StringMap<std::uint16_t> word_flags;
  static constexpr std::uint16_t kFamilyName = 1u << 15;

  // The same words grouped by role (index: DateWordRole), longest first, so a
  // scanner can test "does the text end with a part-of-day word here?".
  std::array<std::vector<std::string>, 7> date_words_by_role;
};

// True when the whole of `line` matches a boilerplate pattern (compared folded).
bool is_boilerplate_line(const ResourceTables& tables, std::string_view line);

}  // namespace tracuu
