// Vietnamese text handling shared by documents and queries: decoding file bytes,
// one normaliser (NFC, canonical tone marks, clean whitespace), diacritic folding,
// and HTML-to-text. All functions are pure and thread-safe; none throws on odd input.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu::text {

// Bumped whenever normalize() or fold() change their output: an index built with
// another version has different terms and must be rebuilt.
inline constexpr int kNormalizerVersion = 1;

struct Decoded {
  std::string text;                   // valid UTF-8, BOM removed; NFC when converted
                                      // from a legacy encoding
  std::string encoding;               // "utf-8", "utf-8-bom", "utf-16le", "utf-16be",
                                      // "utf-32le", "utf-32be", "windows-1258",
                                      // "viscii" or "tcvn3"
  std::vector<std::string> warnings;  // e.g. "3 invalid UTF-8 sequences replaced with U+FFFD"
};

// Turns raw bytes into valid UTF-8. A UTF-8 BOM is stripped; UTF-16 (and UTF-32) with
// a BOM is converted. Input without a BOM that is valid UTF-8 as a whole (ASCII too) is
// UTF-8. Otherwise: if most of its non-ASCII characters are well-formed UTF-8, the bad
// ones become U+FFFD ("3 invalid UTF-8 byte sequences replaced with U+FFFD"); else each
// legacy Vietnamese encoding (Windows-1258, VISCII, TCVN3) is tried on a sample, and
// one whose words read as Vietnamese syllables, clearly better than the others, is used
// ("not UTF-8: decoded as VISCII"; the text is NFC); failing that, UTF-8 with U+FFFD and
// a warning that the encoding could not be determined. At most one warning. Never
// throws. Thread-safe.
Decoded decode(std::string_view bytes);

// True when `bytes` looks binary (NUL bytes outside a UTF-16 BOM'd file).
bool looks_binary(std::string_view bytes);

// The one normaliser: NFC; U+00D0 (Ð) -> U+0110 (Đ); old/new tone-mark styles made one
// (the traditional "hòa, thủy, Ủy" placement is canonical: "hoà" -> "hòa", "Uỷ" -> "Ủy",
// while "quý", "hoàn", "huỳnh", "ngoài" stay as they are); CRLF/CR -> LF; NBSP and other
// Unicode spaces -> ' '; zero-width characters and soft hyphens removed; runs of spaces
// and tabs collapsed to one space; lines trimmed; at most one empty line in a row;
// no leading or trailing blank lines. Input must be valid UTF-8 (see decode()).
std::string normalize(std::string_view utf8);

// True when normalize() changes nothing in `utf8` but NFC and tone placement (no
// spaces, line ends or invisible characters to clean): then fold(normalize(s)) ==
// fold(s). Needs no ICU.
bool layout_is_clean(std::string_view utf8);

// Unicode lower-casing of normalised text (keeps diacritics).
std::string lower(std::string_view utf8);

// Folded key: lower-case, every diacritic removed, đ/Đ (and the look-alikes Ð/ð) -> d
// ("Đường" -> "duong", "BỘ CÔNG AN" -> "bo cong an"); NFD input folds like NFC input.
// Characters other than letters pass through lower-cased.
std::string fold(std::string_view utf8);

// False only when no byte marked in `first` begins a word of fold(utf8), a word beginning
// at the start or after any byte but an ASCII letter, digit or '_': a look at the fold
// table that builds no string, to skip text that cannot hold a word before folding it.
bool fold_may_begin_word(std::string_view utf8, const std::array<bool, 256>& first);

// Where in UTF-8 text a character may start whose fold holds a byte marked in `first`:
// ASCII letters and digits by their lower case, others by the fold table, a block of 64
// code points at a time (by the first byte of a two-byte character, the first two of a
// three-byte one), and "may" wherever the table cannot tell. Text in which no byte is
// such a start cannot hold a word beginning with a marked byte.
class FoldStarts {
 public:
  explicit FoldStarts(const std::array<bool, 256>& first);
  bool at(std::string_view utf8, std::size_t i) const {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (!byte_[b]) return false;
    if (b < 0xE0 || b >= 0xF0 || i + 1 >= utf8.size()) return true;
    return block_[((b & 0x0Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu)];
  }

 private:
  std::array<bool, 256> byte_{};    // by the first byte
  std::array<bool, 1024> block_{};  // three-byte characters: by the first two bytes' low bits
};

// True when the text holds a Vietnamese diacritic or đ (so fold(s) != lower(s)).
bool has_diacritics(std::string_view utf8);

struct HtmlText {
  std::string title;                  // <title>, else the first <h1>; may be empty
  std::string text;                   // headings and paragraphs, one block per line,
                                      // blank line between blocks; not yet normalised
  std::vector<std::string> warnings;
};

// Extracts readable text from an HTML document (libxml2's HTML parser): drops script,
// style, nav, header/footer, aside, form, noscript (a <header>/<footer> inside
// <article> or <main> is kept: it holds the headline and byline); decodes entities;
// the <h1> headline is in `text` too. Never throws.
HtmlText html_to_text(std::string_view utf8_html);

// Encodes bytes as standard base64 (for path_bytes in JSON).
std::string base64(std::string_view bytes);

// A path's bytes as valid UTF-8 (bad bytes -> U+FFFD); `exact` is set to false when
// replacements were made.
std::string display_path(std::string_view bytes, bool* exact = nullptr);

}  // namespace tracuu::text
