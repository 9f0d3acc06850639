// Byte-to-UTF-8 converters behind decode(): ICU ucnv for the Unicode encodings and
// Windows-1258, glibc iconv for VISCII and TCVN3 (ICU has no converter for either).
// Internal to lib/text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tracuu::text::detail {

struct Converted {
  std::string text;      // valid UTF-8; not normalised (ICU's Windows-1258 output is NFD-ish)
  std::size_t bad = 0;   // byte sequences the converter could not map, now U+FFFD
};

// Converts with the named ICU converter; false only when it cannot be opened.
bool convert_with_icu(std::string_view bytes, const char* converter, Converted& out);

// Converts with glibc iconv (`from` as iconv_open() spells it); false only when iconv
// does not know the encoding. Bytes iconv rejects become U+FFFD, one per byte.
bool convert_with_iconv(std::string_view bytes, const char* from, Converted& out);

}  // namespace tracuu::text::detail
