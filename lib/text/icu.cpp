// ICU's C API, opened on first need (see icu.h).
#include "text/icu.h"

#include <dlfcn.h>

#include <climits>

#include "text/utf8_util.h"
#include "tracuu/error.h"

namespace tracuu::text::detail {
namespace {

// ICU renames each function after its version (u_tolower is u_tolower_72): the name a
// macro expands to is the one to look up.
#define TRACUU_ICU_SYMBOL_(name) #name
#define TRACUU_ICU_SYMBOL(name) TRACUU_ICU_SYMBOL_(name)

[[noreturn]] void cannot_load(const std::string& why) {
  throw Error(ErrorKind::Data, "cannot load ICU (" TRACUU_ICUUC_SONAME "): " + why,
              "install ICU's library (Debian: the libicu package that libicu-dev depends on)");
}

template <typename F>
void bind(void* handle, const char* name, F& f) {
  f = reinterpret_cast<F>(::dlsym(handle, name));
  if (!f) cannot_load(std::string("no function ") + name);
}

Icu load() {
  void* handle = ::dlopen(TRACUU_ICUUC_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = ::dlerror();
    cannot_load(why ? why : "dlopen failed");
  }
  Icu icu{};
#define TRACUU_ICU_BIND(field, name) bind(handle, TRACUU_ICU_SYMBOL(name), icu.field)
  TRACUU_ICU_BIND(error_name, u_errorName);
  TRACUU_ICU_BIND(to_lower_char, u_tolower);
  TRACUU_ICU_BIND(is_upper, u_isupper);
  TRACUU_ICU_BIND(is_alpha, u_isalpha);
  TRACUU_ICU_BIND(is_white_space, u_isUWhiteSpace);
  TRACUU_ICU_BIND(char_type, u_charType);
  TRACUU_ICU_BIND(combining_class, u_getCombiningClass);
  TRACUU_ICU_BIND(has_binary_property, u_hasBinaryProperty);
  TRACUU_ICU_BIND(to_lower, u_strToLower);
  TRACUU_ICU_BIND(from_utf8, u_strFromUTF8WithSub);
  TRACUU_ICU_BIND(to_utf8, u_strToUTF8WithSub);
  TRACUU_ICU_BIND(normalize, unorm2_normalize);
  TRACUU_ICU_BIND(is_normalized, unorm2_isNormalized);
  TRACUU_ICU_BIND(is_inert, unorm2_isInert);
  TRACUU_ICU_BIND(has_boundary_before, unorm2_hasBoundaryBefore);
  TRACUU_ICU_BIND(compose_pair, unorm2_composePair);
  TRACUU_ICU_BIND(decomposition, unorm2_getDecomposition);
  TRACUU_ICU_BIND(converter_open, ucnv_open);
  TRACUU_ICU_BIND(converter_close, ucnv_close);
  TRACUU_ICU_BIND(converter_to_unicode, ucnv_toUnicode);
  TRACUU_ICU_BIND(converter_set_callback, ucnv_setToUCallBack);
  TRACUU_ICU_BIND(substitute, UCNV_TO_U_CALLBACK_SUBSTITUTE);
  decltype(&::unorm2_getNFCInstance) nfc_instance;
  decltype(&::unorm2_getNFDInstance) nfd_instance;
  bind(handle, TRACUU_ICU_SYMBOL(unorm2_getNFCInstance), nfc_instance);
  bind(handle, TRACUU_ICU_SYMBOL(unorm2_getNFDInstance), nfd_instance);
#undef TRACUU_ICU_BIND
  UErrorCode status = U_ZERO_ERROR;
  icu.nfc = nfc_instance(&status);
  if (U_FAILURE(status)) cannot_load(std::string("no NFC normaliser: ") + icu.error_name(status));
  icu.nfd = nfd_instance(&status);
  if (U_FAILURE(status)) cannot_load(std::string("no NFD normaliser: ") + icu.error_name(status));
  return icu;
}

// Runs an ICU call that fills a UTF-16 buffer, growing it once if ICU asks for more.
template <typename Call>
std::u16string fill16(std::size_t guess, const char* what, Call call) {
  std::u16string out(guess, u'\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = call(out.data(), static_cast<int32_t>(out.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.assign(static_cast<std::size_t>(n), u'\0');
    status = U_ZERO_ERROR;
    n = call(out.data(), static_cast<int32_t>(out.size()), &status);
  }
  check_icu(status, what);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

int32_t length(std::size_t n) {
  if (n > static_cast<std::size_t>(INT32_MAX)) throw Error(ErrorKind::Data, "text too long for ICU");
  return static_cast<int32_t>(n);
}

}  // namespace

const Icu& icu() {
  static const Icu instance = load();
  return instance;
}

std::u16string utf16(std::string_view utf8) {
  const Icu& u = icu();
  const int32_t n = length(utf8.size());
  std::u16string out = fill16(utf8.size() + 1, "UTF-8 to UTF-16", [&](UChar* dest, int32_t cap, UErrorCode* status) {
    int32_t written = 0;
    u.from_utf8(dest, cap, &written, utf8.data(), n, kReplacement, nullptr, status);
    return written;
  });
  return out;
}

std::string utf8(std::u16string_view utf16) {
  const Icu& u = icu();
  const int32_t n = length(utf16.size());
  // Measured first, then written: a long text takes no three bytes a unit up front.
  int32_t size = 0;
  UErrorCode status = U_ZERO_ERROR;
  u.to_utf8(nullptr, 0, &size, utf16.data(), n, kReplacement, nullptr, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR) check_icu(status, "UTF-16 to UTF-8");
  std::string out(static_cast<std::size_t>(size), '\0');
  status = U_ZERO_ERROR;
  u.to_utf8(out.data(), size, &size, utf16.data(), n, kReplacement, nullptr, &status);
  if (status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
  check_icu(status, "UTF-16 to UTF-8");
  return out;
}

std::u16string lower16(std::u16string_view s) {
  const Icu& u = icu();
  const int32_t n = length(s.size());
  return fill16(s.size() + 4, "lower-casing", [&](UChar* dest, int32_t cap, UErrorCode* status) {
    return u.to_lower(dest, cap, s.data(), n, "", status);
  });
}

std::u16string normalize16(const UNormalizer2* normalizer, std::u16string_view s) {
  const Icu& u = icu();
  const int32_t n = length(s.size());
  return fill16(s.size() + 16, "normalisation", [&](UChar* dest, int32_t cap, UErrorCode* status) {
    return u.normalize(normalizer, s.data(), n, dest, cap, status);
  });
}

}  // namespace tracuu::text::detail
