// From file bytes to valid UTF-8: BOM sniffing, UTF-16/UTF-32 conversion with ICU
// ucnv, U+FFFD repair of bad UTF-8 (one counted warning per document), the binary
// check, and the two helpers output/ needs for file names (display_path, base64).
// Nothing here throws on any input: odd bytes become warnings.
#include "tracuu/text.h"

#include <cstring>
#include <memory>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/utf16.h>

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

// Counts the converter's complaints while letting ICU's standard callback write U+FFFD.
void U_EXPORT2 count_and_substitute(const void* context, UConverterToUnicodeArgs* args,
                                     const char* units, int32_t length,
                                     UConverterCallbackReason reason, UErrorCode* status) {
  if (reason <= UCNV_IRREGULAR) ++*static_cast<std::size_t*>(const_cast<void*>(context));
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, units, length, reason, status);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Converts `bytes` (BOM already removed) with the named ICU converter. Streams through
// a fixed buffer so inputs past 2 GiB (ICU's int32 lengths) need no special case.
// Returns false only if the converter cannot be opened.
bool convert_with_icu(std::string_view bytes, const char* converter, std::string& out,
                      std::size_t& bad) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(converter, &status));
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(cnv.get(), count_and_substitute, &bad, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;

  out.reserve(bytes.size() + bytes.size() / 2);
  UChar buffer[4096];
  UChar pending_lead = 0;  // a lead surrogate whose trail is in the next buffer
  const char* source = bytes.data();
  const char* source_limit = bytes.data() + bytes.size();
  for (;;) {
    UChar* target = buffer;
    if (pending_lead) *target++ = pending_lead;
    pending_lead = 0;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, buffer + std::size(buffer), &source, source_limit,
                   nullptr, true, &status);
    int32_t n = static_cast<int32_t>(target - buffer);
    if (status == U_BUFFER_OVERFLOW_ERROR && n > 0 && U16_IS_LEAD(buffer[n - 1])) {
      pending_lead = buffer[--n];
    }
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U16_NEXT(buffer, i, n, c);
      if (U_IS_SURROGATE(c)) {  // unpaired: ICU passes some through
        ++bad;
        c = detail::kReplacement;
      }
      detail::append_utf8(out, c);
    }
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
  }
  return true;
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
    std::size_t bad = 0;
    if (convert_with_icu(body, bom->converter, result.text, bad)) {
      if (bad > 0) {
        result.warnings.push_back(plural(bad, std::string("invalid ") + bom->converter +
                                                  " sequence") +
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
  result.encoding = bom ? bom->encoding : "utf-8";
  std::size_t bad = 0;
  result.text = detail::to_valid_utf8(body, &bad);
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
