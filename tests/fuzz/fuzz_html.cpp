// libFuzzer target for text::html_to_text(): any bytes parse without crashing, and for
// valid UTF-8 input the title and text are valid UTF-8 that normalize() accepts.
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "tracuu/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tracuu::fuzz::is_valid_utf8;
  using tracuu::fuzz::require;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  tracuu::text::HtmlText page = tracuu::text::html_to_text(bytes);
  if (is_valid_utf8(bytes)) {
    require(is_valid_utf8(page.title), "html_to_text() title is valid UTF-8");
    require(is_valid_utf8(page.text), "html_to_text() text is valid UTF-8");
  }
  require(is_valid_utf8(tracuu::text::normalize(page.text)), "normalised page text is valid UTF-8");
  return 0;
}
