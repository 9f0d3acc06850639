// Per-code-point lookup tables behind lower(), fold() and has_diacritics(): computed
// with ICU at build time (gen_case_tables) for U+0000..U+27FF (every script a
// Vietnamese news article is likely to use, plus punctuation and symbols, the box
// drawing, geometric shapes and dingbats pages use as bullets), so the hot loops never
// call ICU per word, and a search, which loads ICU only when a call needs it (icu.h),
// does not load it for a bullet in a hit's text. Internal to the library: lib/text's
// case maps and the extractors' tokenizer (character classes) read it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <unicode/umachine.h>

namespace tracuu::text::detail {

inline constexpr UChar32 kTableEnd = 0x2800;  // first code point not in the tables

// A short UTF-8 string stored inline: copying all eight bytes and advancing by `len`
// is cheaper than a variable-length copy.
struct TableEntry {
  char bytes[7];
  std::uint8_t len;
};

enum TableFlag : std::uint16_t {
  kFoldDiffers = 1,   // fold(c) != lower(c): c carries a diacritic (or is đ/Đ/Ð)
  kCombining = 2,     // canonical combining class != 0
  kLowerContext = 4,  // lower-casing depends on context (Greek capital sigma)
  kFoldTooLong = 8,   // fold(c) does not fit in an entry: use fold_code_point()
  kLowerTooLong = 16, // lower(c) does not fit in an entry: use lower_code_point()
  kLowerDiffers = 32, // lower(c) != c
  // Character classes, as ICU gives them (u_isalpha, general category M, u_isupper,
  // u_isUWhiteSpace):
  kAlpha = 64,
  kMark = 128,
  kUpper = 256,
  kSpace = 512,
  // NFC leaves c as it is, and c combines with nothing before it: text made of such
  // characters alone (Vietnamese in NFC, Latin, punctuation) is already NFC.
  kNfcStable = 1024,
};

// The five Vietnamese tone marks (grave, acute, hook above, tilde, dot below) and the
// vowels tones.cpp moves them between.
inline constexpr UChar32 kToneMarks[5] = {0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
inline constexpr char kTonedBases[] = "aeyAEYoOuU";
inline constexpr int kTonedBaseCount = sizeof kTonedBases - 1;

struct CaseTables {
  TableEntry fold[kTableEnd];
  TableEntry lower[kTableEnd];
  std::uint16_t flags[kTableEnd];
  UChar32 toned[kTonedBaseCount][5];  // kTonedBases[i] with kToneMarks[t], composed
};

// The tables: constant data generated at build time, nothing is computed at run time.
const CaseTables& case_tables();

// For each block of 64 code points of the table (code point >> 6), the ASCII bytes (bit b
// of word b / 64) that the fold of one of them may hold; all of them for a block holding
// a fold too long for an entry or a context-dependent case. Computed at compile time.
struct FoldBlocks {
  std::uint64_t ascii[kTableEnd >> 6][2];
};
const FoldBlocks& fold_blocks();

// The slow paths, for any code point (case_map.cpp; the generator fills the tables
// from them, and tests/text/fold_test.cpp checks that the two agree).
std::string fold_code_point(UChar32 c);
std::string lower_code_point(UChar32 c);
// The TableFlag bits of `c`, from the two maps above and ICU's properties.
std::uint16_t table_flags(UChar32 c);
// `base` with tone mark kToneMarks[tone], composed by ICU (the generator fills
// CaseTables::toned from it).
UChar32 compose_tone(char base, int tone);
// Only its character-class bits (kAlpha, kMark, kUpper, kSpace): cheap, for any `c`.
std::uint16_t char_classes(UChar32 c);

// True when every character of `text` is one NFC leaves alone and that combines with
// nothing before it (kNfcStable): the text is then NFC, found without ICU. False for
// anything else (combining marks, code points past the tables, bad bytes), which only
// ICU can judge.
bool surely_nfc(std::string_view text);

// True for the combining diacritic blocks fold() strips (U+0300..U+036F and kin).
bool is_stripped_mark(UChar32 c);

}  // namespace tracuu::text::detail
