// Small UTF-8 helpers shared by the text layer (decode, normalize, fold, html): code
// point iteration that tolerates bad bytes, appending code points, and turning ICU
// failures into tracuu::Error (ICU itself: icu.h). Internal to lib/text; not part of the
// public API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <unicode/umachine.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>

namespace tracuu::text::detail {

inline constexpr UChar32 kReplacement = 0xFFFD;

// Appends `c` (a valid scalar value) as UTF-8.
inline void append_utf8(std::string& out, UChar32 c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Reads the code point at s[i] and advances i. Ill-formed sequences (a maximal
// subpart, as Unicode recommends) come back as a negative value, so callers can
// count or replace them; never reads past s.size(). Inline: it is in every hot loop.
inline UChar32 next_code_point(std::string_view s, std::size_t& i) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const std::size_t length = s.size();
  UChar32 c;
  U8_NEXT(p, i, length, c);
  return c;
}

// Reads the code point that ends at s[i] (exclusive) and moves i back to its start.
// Ill-formed bytes come back negative, one byte at a time.
UChar32 previous_code_point(std::string_view s, std::size_t& i);

// `s` with every ill-formed sequence replaced by U+FFFD; `replaced` receives how
// many. Valid input is copied as is (fast path).
std::string to_valid_utf8(std::string_view s, std::size_t* replaced);

// NFC of UTF-8 text, with a no-copy fast path for text that already is NFC (almost
// all of it): text of characters NFC leaves alone (surely_nfc(), from the case tables)
// is returned as it is without ICU; other text goes through ICU's UTF-16 API. Huge texts
// are normalised in pieces cut at line ends. (normalize.cpp, beside the case tables.)
std::string to_nfc(std::string text);

// Throws tracuu::Error (kind Data) when ICU reports a failure: ICU only fails here
// when its data or memory is missing, which no document can cause.
void check_icu(UErrorCode status, const char* what);

}  // namespace tracuu::text::detail
