// A compact, rule-based test of "is this word a written Vietnamese syllable?", used by
// decode() to tell which legacy encoding (if any) turns a file's bytes into Vietnamese.
// Internal to lib/text.
#pragma once

#include <cstddef>
#include <string_view>

namespace tracuu::text::detail {

// True when `word` (UTF-8, letters only, any case, NFC or NFD) is spelt like one
// Vietnamese syllable: an allowed onset, a vowel cluster from the fixed set, an allowed
// final consonant, at most one tone mark, and only a sắc or nặng tone before a final
// c/ch/p/t. Spelling rules only: "búa" passes, so does the non-word "nguyếp".
bool is_vietnamese_syllable(std::u32string_view word);

struct VietnameseEvidence {
  std::size_t words = 0;    // words with a non-ASCII letter
  std::size_t valid = 0;    // of which Vietnamese syllables
  std::size_t invalid = 0;  // the other words, plus stray symbols, control characters
                            // and U+FFFD (what a wrong decoding produces)

  std::size_t total() const { return valid + invalid; }
  double share() const { return total() ? static_cast<double>(valid) / total() : 0.0; }
};

// Scores decoded text by how Vietnamese its non-ASCII words look. ASCII-only words
// carry no evidence (every candidate decoding leaves them alike) and are skipped.
// `utf8` must be valid UTF-8.
VietnameseEvidence vietnamese_evidence(std::string_view utf8);

}  // namespace tracuu::text::detail
