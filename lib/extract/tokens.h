// The one tokenizer behind every gazetteer lookup: splits normalised text into words,
// numbers, punctuation and newlines with byte offsets, and gives each token a
// lower-cased key. Data files are tokenized with it too (lib/data), so a phrase in
// data/ and the same phrase in an article produce the same keys.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu::extract {

enum class TokenKind : std::uint8_t { Word, Number, Punct, Newline };

struct Token {
  std::uint32_t start = 0;  // byte offset into the text, inclusive
  std::uint32_t end = 0;    // exclusive
  TokenKind kind = TokenKind::Punct;
  bool capitalised = false; // first letter is upper-case ("Nguyễn", "UBND")
  bool all_caps = false;    // every letter upper-case and more than one letter ("UBND")
  std::string_view key;     // lower-cased token text (a view into the lowered text)
  std::uint16_t flags = 0;  // ResourceTables::word_flags of the key (set by Context)
};

// Decodes one code point at `pos`; invalid bytes decode as U+FFFD of length 1, so
// scanning always advances. `len` receives the byte length.
char32_t decode_utf8(std::string_view s, std::size_t pos, std::size_t& len);

bool is_letter(char32_t cp);  // letters and combining marks
bool is_upper(char32_t cp);
bool is_space(char32_t cp);
// Letter or digit at byte `pos` (false at either end of the string).
bool is_alnum_at(std::string_view s, std::size_t pos);
// Letter or digit ending right before byte `pos`.
bool is_alnum_before(std::string_view s, std::size_t pos);

// text::lower(text) when it keeps every byte offset (the normal case for Vietnamese);
// otherwise a per-code-point lower-casing that does. Offsets into the result are
// offsets into `text`.
std::string lower_aligned(std::string_view text);

// Tokens of `text`; `lowered` must be lower_aligned(text) and outlive the tokens.
std::vector<Token> tokenize(std::string_view text, std::string_view lowered);

// The key of a gazetteer phrase: its token keys joined by single spaces
// ("GS.TS" -> "gs . ts", "Bà Rịa – Vũng Tàu" -> "bà rịa – vũng tàu").
std::string phrase_key(std::string_view normalised_phrase);

}  // namespace tracuu::extract
