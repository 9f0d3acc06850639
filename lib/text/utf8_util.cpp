// UTF-8 helpers for the text layer: validation with U+FFFD replacement (used by
// decode() and display_path()), tolerant code point iteration, and the single
// place where an ICU failure becomes a tracuu::Error.
#include "text/utf8_util.h"

#include <algorithm>
#include <cstring>

#include "text/icu.h"
#include "tracuu/error.h"

namespace tracuu::text::detail {
namespace {

// Length of the leading run of ASCII bytes, eight at a time: most of a Vietnamese
// article is ASCII (spaces, digits, unaccented letters), so this is the hot path.
std::size_t ascii_prefix(const unsigned char* p, std::size_t n) {
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, p + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

}  // namespace

UChar32 previous_code_point(std::string_view s, std::size_t& i) {
  if (i == 0) return -1;
  std::size_t end = i;
  std::size_t start = end - 1;
  // Step back over at most three continuation bytes to a possible lead byte.
  while (start > 0 && end - start < 4 &&
         (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  std::size_t j = start;
  UChar32 c = next_code_point(s, j);
  if (c >= 0 && j == end) {
    i = start;
    return c;
  }
  i = end - 1;
  return -1;
}

std::string to_valid_utf8(std::string_view s, std::size_t* replaced) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t bad = 0;
  std::size_t first_bad = n;
  for (std::size_t i = 0; i < n;) {
    i += ascii_prefix(p + i, n - i);
    if (i == n) break;
    std::size_t start = i;
    if (next_code_point(s, i) < 0) {
      first_bad = start;
      break;
    }
  }
  if (first_bad == n) {
    if (replaced) *replaced = 0;
    return std::string(s);
  }
  std::string out;
  out.reserve(n + 16);
  out.append(s.substr(0, first_bad));
  for (std::size_t i = first_bad; i < n;) {
    std::size_t run = ascii_prefix(p + i, n - i);
    out.append(s.substr(i, run));
    i += run;
    if (i == n) break;
    std::size_t start = i;
    if (next_code_point(s, i) < 0) {
      ++bad;
      append_utf8(out, kReplacement);
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  if (replaced) *replaced = bad;
  return out;
}

void check_icu(UErrorCode status, const char* what) {
  if (U_SUCCESS(status)) return;
  throw Error(ErrorKind::Data, std::string("ICU failed in ") + what + ": " + icu().error_name(status),
              "check that the ICU libraries and their data are installed");
}

}  // namespace tracuu::text::detail
