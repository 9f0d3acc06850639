// Tests for lib/text/decode.cpp: BOMs, UTF-16/32 conversion, U+FFFD repair with its
// one counted warning, the binary check, display_path and base64.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>

#include "tracuu/text.h"

using namespace std::string_literals;
using tracuu::text::decode;

namespace {

// UTF-16 code units as bytes, so the tests write readable u"" literals.
std::string utf16_bytes(std::u16string_view units, bool big_endian) {
  std::string out;
  for (char16_t u : units) {
    char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
  }
  return out;
}

bool is_valid_utf8(std::string_view s) {
  return decode(s).warnings.empty();
}

}  // namespace

TEST_CASE("decode: valid UTF-8 passes through unchanged") {
  for (std::string_view s : {"", "Bộ Công an", "Chỉ thị số 09-CT/TW ngày 1-12-2011",
                             "emoji \xF0\x9F\x98\x80 and \xE4\xB8\xAD\xE6\x96\x87"}) {
    CAPTURE(s);
    auto d = decode(s);
    CHECK(d.text == s);
    CHECK(d.encoding == "utf-8");
    CHECK(d.warnings.empty());
  }
}

TEST_CASE("decode: a UTF-8 BOM is removed") {
  auto d = decode("\xEF\xBB\xBF" "Đại tướng Tô Lâm");
  CHECK(d.text == "Đại tướng Tô Lâm");
  CHECK(d.encoding == "utf-8-bom");
  CHECK(d.warnings.empty());

  auto only = decode("\xEF\xBB\xBF");
  CHECK(only.text == "");
  CHECK(only.encoding == "utf-8-bom");

  // Only a leading BOM is the file's; one later in the text is content (normalize drops it).
  CHECK(decode("a\xEF\xBB\xBF" "b").text == "a\xEF\xBB\xBF" "b");
}

TEST_CASE("decode: invalid UTF-8 becomes U+FFFD with one counted warning") {
  struct Case {
    std::string in;
    std::string out;
    int replaced;
  };
  const Case cases[] = {
      {"a\xFF" "b", "a\uFFFDb", 1},
      {"Vi\xC3\xAA\xCC", "Viê\uFFFD", 1},                    // truncated at the end
      {"Vi\xE1\xBB", "Vi\uFFFD", 1},                          // truncated 3-byte sequence
      {"\xF0\x9F\x98", "\uFFFD", 1},                          // truncated 4-byte sequence
      {"\xC0\xAF", "\uFFFD\uFFFD", 2},                        // overlong '/'
      {"\xE0\x80\xAF", "\uFFFD\uFFFD\uFFFD", 3},              // overlong, 3 bytes
      {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD", 3},              // UTF-16 surrogate D800
      {"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD", 4},    // above U+10FFFF
      {"\x80\x80 x", "\uFFFD\uFFFD x", 2},                    // lone continuation bytes
      {"Bộ Công an \xE1\xBB\x99\xFF", "Bộ Công an ộ\uFFFD", 1},
      {"t\xE0i li\xEA" "u", "t\uFFFDi li\uFFFDu", 2},         // Latin-1 / cp1258 bytes
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    auto d = decode(c.in);
    CHECK(d.text == c.out);
    CHECK(d.encoding == "utf-8");
    REQUIRE(d.warnings.size() == 1);
    std::string expected = std::to_string(c.replaced) +
                           (c.replaced == 1 ? " invalid UTF-8 byte sequence replaced with U+FFFD"
                                            : " invalid UTF-8 byte sequences replaced with U+FFFD");
    CHECK(d.warnings[0] == expected);
  }
}

TEST_CASE("decode: a BOM-ed UTF-8 file with bad bytes still gets the warning") {
  auto d = decode("\xEF\xBB\xBF" "a\xFE");
  CHECK(d.text == "a\uFFFD");
  CHECK(d.encoding == "utf-8-bom");
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0] == "1 invalid UTF-8 byte sequence replaced with U+FFFD");
}

TEST_CASE("decode: never crashes and always returns valid UTF-8") {
  std::string all_bytes;
  for (int b = 0; b < 256; ++b) all_bytes.push_back(static_cast<char>(b));
  CHECK(is_valid_utf8(decode(all_bytes).text));

  std::mt19937 rng(20240613);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes(rng() % 40, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() % 4 == 0 ? 0x80 + rng() % 0x80 : rng());
    auto d = decode(bytes);
    CAPTURE(bytes);
    CHECK(is_valid_utf8(d.text));
    CHECK(d.warnings.size() <= 1);
  }
}

TEST_CASE("decode: UTF-16 with a BOM is converted") {
  const std::u16string text = u"Bộ Công an: Ủy viên, 09-CT/TW \U0001F600";
  const std::string utf8 = "Bộ Công an: Ủy viên, 09-CT/TW \xF0\x9F\x98\x80";

  auto le = decode("\xFF\xFE"s + utf16_bytes(text, false));
  CHECK(le.text == utf8);
  CHECK(le.encoding == "utf-16le");
  CHECK(le.warnings.empty());

  auto be = decode("\xFE\xFF"s + utf16_bytes(text, true));
  CHECK(be.text == utf8);
  CHECK(be.encoding == "utf-16be");
  CHECK(be.warnings.empty());

  auto empty = decode("\xFF\xFE");
  CHECK(empty.text == "");
  CHECK(empty.encoding == "utf-16le");
}

TEST_CASE("decode: long UTF-16 input crosses the conversion buffer intact") {
  std::u16string text;
  for (int i = 0; i < 5000; ++i) text += u"ệ\U0001F600";  // pairs land on every offset
  std::string utf8;
  for (int i = 0; i < 5000; ++i) utf8 += "ệ\xF0\x9F\x98\x80";
  auto d = decode("\xFF\xFE"s + utf16_bytes(text, false));
  CHECK(d.text == utf8);
  CHECK(d.warnings.empty());
}

TEST_CASE("decode: bad UTF-16 is repaired with a warning") {
  std::u16string lone = u"ab";
  lone.insert(1, 1, char16_t{0xD800});  // unpaired lead surrogate
  auto d = decode("\xFF\xFE"s + utf16_bytes(lone, false));
  CHECK(d.text == "a\uFFFDb");
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0] == "1 invalid UTF-16LE sequence replaced with U+FFFD");

  auto odd = decode("\xFE\xFF"s + utf16_bytes(u"ab", true) + "\x00"s);  // odd byte count
  CHECK(odd.text == "ab\uFFFD");
  REQUIRE(odd.warnings.size() == 1);
  CHECK(odd.warnings[0] == "1 invalid UTF-16BE sequence replaced with U+FFFD");
}

TEST_CASE("decode: UTF-32 with a BOM is not mistaken for UTF-16") {
  std::string le = "\xFF\xFE\x00\x00"s + "B\0\0\0"s + "\xD9\x1E\0\0"s;  // "Bộ"
  auto d = decode(le);
  CHECK(d.text == "Bộ");
  CHECK(d.encoding == "utf-32le");
  CHECK(d.warnings.empty());

  auto be = decode("\x00\x00\xFE\xFF"s + "\0\0\0B"s + "\0\0\x1E\xD9"s);
  CHECK(be.text == "Bộ");
  CHECK(be.encoding == "utf-32be");
}

TEST_CASE("looks_binary: NUL bytes, except in UTF-16/32 text with a BOM") {
  using tracuu::text::looks_binary;
  CHECK_FALSE(looks_binary(""));
  CHECK_FALSE(looks_binary("Bộ Công an\n"));
  CHECK_FALSE(looks_binary("\xEF\xBB\xBF" "abc"));
  CHECK_FALSE(looks_binary("bad \xFF bytes are text with warnings"));
  CHECK(looks_binary("abc\0def"s));
  CHECK(looks_binary("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s));
  CHECK(looks_binary("\xEF\xBB\xBF" "a\0"s));
  CHECK_FALSE(looks_binary("\xFF\xFE"s + utf16_bytes(u"Bộ", false)));
  CHECK_FALSE(looks_binary("\xFE\xFF"s + utf16_bytes(u"Bộ", true)));
  CHECK(looks_binary(utf16_bytes(u"Bo", false)));  // UTF-16 without a BOM: not ours to guess
}

TEST_CASE("base64: RFC 4648 vectors and binary bytes") {
  using tracuu::text::base64;
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
      {"\xFF\xFE\x00"s, "//4A"},
      {"t\xE0i.txt", "dOBpLnR4dA=="},
      {"Bộ Công an", "QuG7mSBDw7RuZyBhbg=="},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(base64(c.in) == c.out);
  }
}

TEST_CASE("display_path: bad bytes become U+FFFD and the path is marked inexact") {
  using tracuu::text::display_path;
  bool exact = false;
  CHECK(display_path("tin/Bộ Công an.txt", &exact) == "tin/Bộ Công an.txt");
  CHECK(exact);
  CHECK(display_path("tin/t\xE0i.txt", &exact) == "tin/t\uFFFDi.txt");
  CHECK_FALSE(exact);
  CHECK(display_path("", &exact) == "");
  CHECK(exact);
  CHECK(display_path("a\xC3") == "a\uFFFD");  // `exact` is optional
}
