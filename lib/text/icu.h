// ICU, loaded when first needed. The hot paths read tables generated at build time
// (case_table.h) and never call ICU for Vietnamese text in NFC, so a search, `show` or
// `stats` runs without it: linked into the program, ICU's pointer tables alone (54 KB)
// were relocated and copied on write at every start. The library is opened with dlopen()
// (its SONAME, found at configure time) on the first call that needs it, and its C API
// is reached through the pointers below, each typed from ICU's own header. Internal to
// the library.
#pragma once

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace tracuu::text::detail {

struct Icu {
  decltype(&::u_errorName) error_name;
  decltype(&::u_tolower) to_lower_char;
  decltype(&::u_isupper) is_upper;
  decltype(&::u_isalpha) is_alpha;
  decltype(&::u_isUWhiteSpace) is_white_space;
  decltype(&::u_charType) char_type;
  decltype(&::u_getCombiningClass) combining_class;
  decltype(&::u_hasBinaryProperty) has_binary_property;
  decltype(&::u_strToLower) to_lower;
  decltype(&::u_strFromUTF8WithSub) from_utf8;
  decltype(&::u_strToUTF8WithSub) to_utf8;
  decltype(&::unorm2_normalize) normalize;
  decltype(&::unorm2_isNormalized) is_normalized;
  decltype(&::unorm2_isInert) is_inert;
  decltype(&::unorm2_hasBoundaryBefore) has_boundary_before;
  decltype(&::unorm2_composePair) compose_pair;
  decltype(&::unorm2_getDecomposition) decomposition;
  decltype(&::ucnv_open) converter_open;
  decltype(&::ucnv_close) converter_close;
  decltype(&::ucnv_toUnicode) converter_to_unicode;
  decltype(&::ucnv_setToUCallBack) converter_set_callback;
  UConverterToUCallback substitute;  // UCNV_TO_U_CALLBACK_SUBSTITUTE
  const UNormalizer2* nfc;  // unorm2_getNFCInstance(), fetched when ICU is opened
  const UNormalizer2* nfd;
};

// ICU, opened on the first call (thread-safe). Throws tracuu::Error (kind Data) when the
// library or one of its functions cannot be found.
const Icu& icu();

// The general category of `c` as a U_GC_*_MASK bit (U_GET_GC_MASK, through icu()).
inline std::uint32_t category_mask(UChar32 c) { return U_MASK(icu().char_type(c)); }

// UTF-16 <-> UTF-8 for the few calls that need ICU's UTF-16 API. Ill-formed input comes
// back with U+FFFD in place of each bad sequence (as icu::UnicodeString converts).
std::u16string utf16(std::string_view utf8);
std::string utf8(std::u16string_view utf16);

// `s` lower-cased by ICU's root locale (full case mapping: "İ" becomes "i̇").
std::u16string lower16(std::u16string_view s);

// `s` normalised by `normalizer` (icu().nfc or icu().nfd).
std::u16string normalize16(const UNormalizer2* normalizer, std::u16string_view s);

}  // namespace tracuu::text::detail
