// Decoding text that is not valid UTF-8 and has no BOM: a few bad bytes in a UTF-8
// file, one of the legacy Vietnamese encodings (Windows-1258, VISCII, TCVN3), or
// something else. Internal to lib/text; decode() is the public entry point.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "tracuu/text.h"

namespace tracuu::text::detail {

// `bytes` failed UTF-8 validation; `lossy` is its UTF-8 reading with `replaced` U+FFFD.
// Chooses the decoding as described in decode()'s contract and returns it with one
// warning. Never throws.
Decoded decode_not_utf8(std::string_view bytes, std::string lossy, std::size_t replaced);

}  // namespace tracuu::text::detail
