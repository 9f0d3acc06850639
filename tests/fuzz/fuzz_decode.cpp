// libFuzzer target for text::decode() and looks_binary(): any bytes give valid UTF-8,
// at most one warning, and a legacy decoding that is NFC.
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "tracuu/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tracuu::fuzz::require;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  tracuu::text::Decoded d = tracuu::text::decode(bytes);
  require(tracuu::fuzz::is_valid_utf8(d.text), "decode() output is valid UTF-8");
  require(d.warnings.size() <= 1, "decode() gives at most one warning");
  require(!d.encoding.empty(), "decode() names an encoding");
  if (d.encoding == "windows-1258" || d.encoding == "viscii" || d.encoding == "tcvn3") {
    require(tracuu::text::detail::to_nfc(d.text) == d.text, "legacy decodings are NFC");
  }
  for (const std::string& w : d.warnings) {
    require(tracuu::fuzz::is_valid_utf8(w), "warnings are valid UTF-8");
  }
  (void)tracuu::text::looks_binary(bytes);
  return 0;
}
