// The per-code-point case maps behind the lookup tables: ICU root-locale full
// lower-casing, NFD and NFC, plus the one rule ICU lacks: đ/Đ/Ð have no decomposition,
// so stripping marks leaves them alone (reference/vietnamese.md §5.2); fold() maps
// them to "d" explicitly. gen_case_tables runs these at build time to fill the tables;
// the library runs them for code points past the tables.
#include "text/case_table.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/utf8_util.h"

namespace tracuu::text::detail {
namespace {

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

icu::UnicodeString lowered(UChar32 c) {
  icu::UnicodeString s(c);
  s.toLower(icu::Locale::getRoot());
  return s;
}

bool is_eth_or_d_stroke(UChar32 c) {
  return c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0;
}

}  // namespace

bool is_stripped_mark(UChar32 c) {
  return (c >= 0x0300 && c <= 0x036F) ||  // Combining Diacritical Marks (all Vietnamese tones)
         (c >= 0x1AB0 && c <= 0x1AFF) ||  // ... Extended
         (c >= 0x1DC0 && c <= 0x1DFF) ||  // ... Supplement
         (c >= 0x20D0 && c <= 0x20FF) ||  // ... for Symbols
         (c >= 0xFE20 && c <= 0xFE2F);    // Combining Half Marks
}

std::string lower_code_point(UChar32 c) {
  if (c < 0 || c > 0x10FFFF || U_IS_SURROGATE(c)) return "\xEF\xBF\xBD";
  return to_utf8(lowered(c));
}

std::string fold_code_point(UChar32 c) {
  if (c < 0 || c > 0x10FFFF || U_IS_SURROGATE(c)) return "\xEF\xBF\xBD";
  if (is_eth_or_d_stroke(c)) return "d";
  if (is_stripped_mark(c)) return {};
  icu::UnicodeString lower = lowered(c);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfd().normalize(lower, status);
  check_icu(status, "NFD");
  icu::UnicodeString kept;
  bool stripped = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    if (is_stripped_mark(d)) {
      stripped = true;
    } else {
      kept.append(is_eth_or_d_stroke(d) ? UChar32{'d'} : d);
    }
  }
  // Letters without diacritics keep their own form (NFD + NFC is not always the
  // identity, e.g. composition exclusions), so fold only rewrites what it strips.
  if (!stripped) return to_utf8(lower);
  icu::UnicodeString composed = nfc().normalize(kept, status);
  check_icu(status, "NFC");
  return to_utf8(composed);
}

std::uint16_t table_flags(UChar32 c) {
  const std::string folded = fold_code_point(c);
  const std::string lower = lower_code_point(c);
  std::uint16_t bits = 0;
  if (folded != lower) bits |= kFoldDiffers;
  if (u_getCombiningClass(c) != 0) bits |= kCombining;
  if (c == 0x03A3) bits |= kLowerContext;  // Σ is σ or ς depending on what follows
  if (folded.size() > sizeof(TableEntry::bytes)) bits |= kFoldTooLong;
  if (lower.size() > sizeof(TableEntry::bytes)) bits |= kLowerTooLong;
  if (!U_IS_SURROGATE(c) && lower != to_utf8(icu::UnicodeString(c))) bits |= kLowerDiffers;
  if (!U_IS_SURROGATE(c)) {
    UErrorCode status = U_ZERO_ERROR;
    const bool normalized = nfc().isNormalized(icu::UnicodeString(c), status);
    check_icu(status, "NFC check");
    if (normalized && nfc().hasBoundaryBefore(c)) bits |= kNfcStable;
  }
  return bits | char_classes(c);
}

UChar32 compose_tone(char base, int tone) { return nfc().composePair(base, kToneMarks[tone]); }

std::uint16_t char_classes(UChar32 c) {
  std::uint16_t bits = 0;
  if (u_isalpha(c)) bits |= kAlpha;
  if ((U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) bits |= kMark;
  if (u_isupper(c)) bits |= kUpper;
  if (u_isUWhiteSpace(c)) bits |= kSpace;
  return bits;
}

}  // namespace tracuu::text::detail
