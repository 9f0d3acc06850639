// What every fuzz target checks: a broken promise aborts, which libFuzzer reports as a
// crash with the input saved. Header-only; shared by the targets in tests/fuzz.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "text/utf8_util.h"

namespace tracuu::fuzz {

inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz: broken promise: %s\n", what);
  std::abort();
}

inline bool is_valid_utf8(std::string_view s) {
  std::size_t replaced = 0;
  text::detail::to_valid_utf8(s, &replaced);
  return replaced == 0;
}

}  // namespace tracuu::fuzz
