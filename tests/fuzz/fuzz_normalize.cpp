// libFuzzer target for the normaliser and its companions: normalize(), lower(), fold()
// and has_diacritics() take any bytes (normalize() repairs bad UTF-8), always give
// valid UTF-8, and normalize() is idempotent.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "tracuu/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tracuu::fuzz::is_valid_utf8;
  using tracuu::fuzz::require;
  namespace text = tracuu::text;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string once = text::normalize(bytes);
  require(is_valid_utf8(once), "normalize() output is valid UTF-8");
  require(text::normalize(once) == once, "normalize() is idempotent");
  const std::string lowered = text::lower(once);
  require(is_valid_utf8(lowered), "lower() output is valid UTF-8");
  const std::string folded = text::fold(once);
  require(is_valid_utf8(folded), "fold() output is valid UTF-8");
  (void)text::has_diacritics(once);
  // The query side sees user bytes without normalize() first.
  if (is_valid_utf8(bytes)) {
    require(is_valid_utf8(text::fold(bytes)), "fold() of raw UTF-8 is valid UTF-8");
    require(is_valid_utf8(text::lower(bytes)), "lower() of raw UTF-8 is valid UTF-8");
  }
  return 0;
}
