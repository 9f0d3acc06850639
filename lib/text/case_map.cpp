// The per-code-point case maps behind the lookup tables: ICU root-locale full
// lower-casing, NFD and NFC, plus the one rule ICU lacks: đ/Đ/Ð have no decomposition,
// so stripping marks leaves them alone (reference/vietnamese.md §5.2); fold() maps
// them to "d" explicitly. gen_case_tables runs these at build time to fill the tables;
// the library runs them for code points past the tables.
#include "text/case_table.h"

#include <unicode/utf16.h>

#include "text/icu.h"
#include "text/utf8_util.h"

namespace tracuu::text::detail {
namespace {

std::u16string one(UChar32 c) {
  std::u16string s;
  if (U_IS_BMP(c)) {
    s.push_back(static_cast<char16_t>(c));
  } else {
    s.push_back(U16_LEAD(c));
    s.push_back(U16_TRAIL(c));
  }
  return s;
}

std::u16string lowered(UChar32 c) { return lower16(one(c)); }

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
  return utf8(lowered(c));
}

std::string fold_code_point(UChar32 c) {
  if (c < 0 || c > 0x10FFFF || U_IS_SURROGATE(c)) return "\xEF\xBF\xBD";
  if (is_eth_or_d_stroke(c)) return "d";
  if (is_stripped_mark(c)) return {};
  const std::u16string lower = lowered(c);
  const std::u16string decomposed = normalize16(icu().nfd, lower);
  std::u16string kept;
  bool stripped = false;
  for (int32_t i = 0; i < static_cast<int32_t>(decomposed.size());) {
    UChar32 d;
    U16_NEXT(decomposed.data(), i, static_cast<int32_t>(decomposed.size()), d);
    if (is_stripped_mark(d)) {
      stripped = true;
    } else {
      kept += one(is_eth_or_d_stroke(d) ? UChar32{'d'} : d);
    }
  }
  // Letters without diacritics keep their own form (NFD + NFC is not always the
  // identity, e.g. composition exclusions), so fold only rewrites what it strips.
  if (!stripped) return utf8(lower);
  return utf8(normalize16(icu().nfc, kept));
}

std::uint16_t table_flags(UChar32 c) {
  const std::string folded = fold_code_point(c);
  const std::string lower = lower_code_point(c);
  std::uint16_t bits = 0;
  if (folded != lower) bits |= kFoldDiffers;
  if (icu().combining_class(c) != 0) bits |= kCombining;
  if (c == 0x03A3) bits |= kLowerContext;  // Σ is σ or ς depending on what follows
  if (folded.size() > sizeof(TableEntry::bytes)) bits |= kFoldTooLong;
  if (lower.size() > sizeof(TableEntry::bytes)) bits |= kLowerTooLong;
  if (!U_IS_SURROGATE(c) && lower != utf8(one(c))) bits |= kLowerDiffers;
  if (!U_IS_SURROGATE(c)) {
    const Icu& u = icu();
    const std::u16string s = one(c);
    UErrorCode status = U_ZERO_ERROR;
    const bool normalized = u.is_normalized(u.nfc, s.data(), static_cast<int32_t>(s.size()), &status);
    check_icu(status, "NFC check");
    if (normalized && u.has_boundary_before(u.nfc, c)) bits |= kNfcStable;
  }
  return bits | char_classes(c);
}

UChar32 compose_tone(char base, int tone) { return icu().compose_pair(icu().nfc, base, kToneMarks[tone]); }

std::uint16_t char_classes(UChar32 c) {
  std::uint16_t bits = 0;
  const Icu& u = icu();
  if (u.is_alpha(c)) bits |= kAlpha;
  if ((category_mask(c) & U_GC_M_MASK) != 0) bits |= kMark;
  if (u.is_upper(c)) bits |= kUpper;
  if (u.is_white_space(c)) bits |= kSpace;
  return bits;
}

}  // namespace tracuu::text::detail
