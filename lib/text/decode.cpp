// From file bytes to valid UTF-8: BOM sniffing, UTF-16/UTF-32 conversion with ICU
// ucnv, U+FFFD repair of bad UTF-8 (one counted warning per document), the hand-over
// to legacy.cpp for input that is not UTF-8, the binary check, and the two helpers
// output/ needs for file names (display_path, base64). Nothing here throws on any
// input: odd bytes become warnings.
#include "tracuu/text.h"

#include <cstring>

#include "text/convert.h"
#include "text/legacy.h"
#include "text/utf8_util.h"

namespace tracuu::text {
namespace {

struct Bom {
  std::string_view bytes;
  const char* encoding;   // our name, as reported in Decoded::encoding
  const char* converter;  // ICU converter name; nullptr for UTF-8
};

// UTF-32LE first: its BOM starts with the UTF-16LE one.
constexpr Bom kBoms[] = {
    {{"\xFF\xFE\x00\x00", 4}, "utf-32le", "UTF-32LE"},
    {{"\x00\x00\xFE\xFF", 4}, "utf-32be", "UTF-32BE"},
    {{"\xEF\xBB\xBF", 3}, "utf-8-bom", nullptr},
    {{"\xFF\xFE", 2}, "utf-16le", "UTF-16LE"},
    {{"\xFE\xFF", 2}, "utf-16be", "UTF-16BE"},
};

const Bom* find_bom(std::string_view bytes) {
  for (const Bom& bom : kBoms) {
    if (bytes.starts_with(bom.bytes)) return &bom;
  }
  return nullptr;
}

std::string plural(std::size_t n, const std::string& what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

Decoded decode(std::string_view bytes) {
  Decoded result;
  const Bom* bom = find_bom(bytes);
  std::string_view body = bom ? bytes.substr(bom->bytes.size()) : bytes;
  if (bom && bom->converter) {
    result.encoding = bom->encoding;
    detail::Converted converted;
    if (detail::convert_with_icu(body, bom->converter, converted)) {
      result.text = std::move(converted.text);
      if (converted.bad > 0) {
        result.warnings.push_back(plural(converted.bad, std::string("invalid ") +
                                                            bom->converter + " sequence") +
                                  " replaced with U+FFFD");
      }
      return result;
    }
    // ICU without the converter: fall through and treat the bytes as UTF-8 so the
    // document still yields something, with the reason in a warning.
    result.warnings.push_back(std::string("cannot convert from ") + bom->converter +
                              " (ICU converter missing); read as UTF-8");
    body = bytes;
    bom = nullptr;
  }
  std::size_t bad = 0;
  std::string text = detail::to_valid_utf8(body, &bad);
  // Only input that is not UTF-8 as a whole, and carries no BOM, is a candidate for a
  // legacy encoding: an ASCII file is UTF-8, and a BOM says UTF-8 outright.
  if (bad > 0 && !bom && result.warnings.empty()) {
    return detail::decode_not_utf8(body, std::move(text), bad);
  }
  result.encoding = bom ? bom->encoding : "utf-8";
  result.text = std::move(text);
  if (bad > 0) {
    result.warnings.push_back(plural(bad, "invalid UTF-8 byte sequence") +
                              " replaced with U+FFFD");
  }
  return result;
}

bool looks_binary(std::string_view bytes) {
  const Bom* bom = find_bom(bytes);
  if (bom && bom->converter) return false;  // UTF-16/32 text is full of NUL bytes
  return std::memchr(bytes.data(), '\0', bytes.size()) != nullptr;
}

std::string base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    std::uint32_t v = (p[i] << 16) | (p[i + 1] << 8) | p[i + 2];
    out.push_back(kBase64Alphabet[(v >> 18) & 0x3F]);
    out.push_back(kBase64Alphabet[(v >> 12) & 0x3F]);
    out.push_back(kBase64Alphabet[(v >> 6) & 0x3F]);
    out.push_back(kBase64Alphabet[v & 0x3F]);
  }
  std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t v = p[i] << 16;
    if (rest == 2) v |= p[i + 1] << 8;
    out.push_back(kBase64Alphabet[(v >> 18) & 0x3F]);
    out.push_back(kBase64Alphabet[(v >> 12) & 0x3F]);
    out.push_back(rest == 2 ? kBase64Alphabet[(v >> 6) & 0x3F] : '=');
    out.push_back('=');
  }
  return out;
}

std::string display_path(std::string_view bytes, bool* exact) {
  std::size_t bad = 0;
  std::string out = detail::to_valid_utf8(bytes, &bad);
  if (exact) *exact = (bad == 0);
  return out;
}

}  // namespace tracuu::text
