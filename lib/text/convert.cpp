// The converters behind decode(). Both stream through a fixed buffer (no int32 limits
// from ICU, no output-size guessing for iconv) and replace what they cannot map with
// U+FFFD, counting it, so decode() can warn once per document. Nothing here throws but
// opening ICU (icu.h), where its library is missing.
#include "text/convert.h"

#include <cerrno>
#include <iconv.h>
#include <memory>

#include <unicode/utf16.h>

#include "text/icu.h"
#include "text/utf8_util.h"

namespace tracuu::text::detail {
namespace {

// Counts the converter's complaints while letting ICU's standard callback write U+FFFD.
void U_EXPORT2 count_and_substitute(const void* context, UConverterToUnicodeArgs* args,
                                     const char* units, int32_t length,
                                     UConverterCallbackReason reason, UErrorCode* status) {
  if (reason <= UCNV_IRREGULAR) ++*static_cast<std::size_t*>(const_cast<void*>(context));
  icu().substitute(nullptr, args, units, length, reason, status);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { icu().converter_close(c); }
};

constexpr char kReplacementUtf8[] = "\xEF\xBF\xBD";

}  // namespace

bool convert_with_icu(std::string_view bytes, const char* converter, Converted& out) {
  const Icu& u = icu();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(u.converter_open(converter, &status));
  if (U_FAILURE(status)) return false;
  u.converter_set_callback(cnv.get(), count_and_substitute, &out.bad, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;

  out.text.reserve(out.text.size() + bytes.size() + bytes.size() / 2);
  UChar buffer[4096];
  UChar pending_lead = 0;  // a lead surrogate whose trail is in the next buffer
  const char* source = bytes.data();
  const char* source_limit = bytes.data() + bytes.size();
  for (;;) {
    UChar* target = buffer;
    if (pending_lead) *target++ = pending_lead;
    pending_lead = 0;
    status = U_ZERO_ERROR;
    u.converter_to_unicode(cnv.get(), &target, buffer + std::size(buffer), &source, source_limit,
                   nullptr, true, &status);
    int32_t n = static_cast<int32_t>(target - buffer);
    if (status == U_BUFFER_OVERFLOW_ERROR && n > 0 && U16_IS_LEAD(buffer[n - 1])) {
      pending_lead = buffer[--n];
    }
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U16_NEXT(buffer, i, n, c);
      if (U_IS_SURROGATE(c)) {  // unpaired: ICU passes some through
        ++out.bad;
        c = kReplacement;
      }
      append_utf8(out.text, c);
    }
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
  }
  return true;
}

bool convert_with_iconv(std::string_view bytes, const char* from, Converted& out) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);

  out.text.reserve(out.text.size() + bytes.size() + bytes.size() / 2);
  char buffer[16384];
  // glibc holds back a base letter to compose it with a following tone mark (CP1258,
  // TCVN); flushing writes it out, which must happen before a U+FFFD is appended.
  auto flush = [&] {
    char* target = buffer;
    std::size_t room = sizeof buffer;
    iconv(cd, nullptr, nullptr, &target, &room);
    out.text.append(buffer, static_cast<std::size_t>(target - buffer));
  };
  char* source = const_cast<char*>(bytes.data());  // iconv's signature; never written
  std::size_t left = bytes.size();
  while (left > 0) {
    char* target = buffer;
    std::size_t room = sizeof buffer;
    std::size_t result = iconv(cd, &source, &left, &target, &room);
    out.text.append(buffer, static_cast<std::size_t>(target - buffer));
    if (result != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG && target != buffer) continue;
    // EILSEQ (unmapped byte), EINVAL (incomplete at the end) or anything odd: skip a
    // byte, so the loop always moves on.
    flush();
    out.text.append(kReplacementUtf8);
    ++out.bad;
    ++source;
    --left;
  }
  flush();
  return true;
}

}  // namespace tracuu::text::detail
