// Tests for lib/text/fold.cpp, case_table.cpp and case_map.cpp: lower(), fold()
// (diacritics and đ/Đ/Ð -> d, NFD and NFC alike), has_diacritics(), and the tables
// generated at build time against the case maps they were generated from.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include <unicode/uchar.h>

#include "text/case_table.h"
#include "tracuu/text.h"

using tracuu::text::fold;
using tracuu::text::fold_may_begin_word;
using tracuu::text::has_diacritics;
using tracuu::text::lower;

namespace {

struct Case {
  std::string_view in;
  std::string_view out;
};

}  // namespace

TEST_CASE("fold: Vietnamese words and names") {
  const Case cases[] = {
      {"Đường", "duong"},
      {"BỘ CÔNG AN", "bo cong an"},
      {"Bộ Công an", "bo cong an"},
      {"Nguyễn Thị Minh Khai", "nguyen thi minh khai"},
      {"Đại tướng Tô Lâm", "dai tuong to lam"},
      {"tơ lầm", "to lam"},
      {"Ủy viên", "uy vien"},
      {"Uỷ viên", "uy vien"},
      {"hòa", "hoa"},
      {"hoà", "hoa"},
      {"\u00D0ảm bảo", "dam bao"},  // Ð (eth) look-alike
      {"đ Đ \u00D0 \u00F0", "d d d d"},
      {"BỘ CÔNG AN TỔ CHỨC HỘI NGHỊ", "bo cong an to chuc hoi nghi"},
      {"an ninh Tổ quốc", "an ninh to quoc"},
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(fold(c.in) == c.out);
  }
}

TEST_CASE("fold: every Vietnamese vowel, both cases") {
  CHECK(fold("aàáảãạăằắẳẵặâầấẩẫậ") == "aaaaaaaaaaaaaaaaaa");
  CHECK(fold("AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ") == "aaaaaaaaaaaaaaaaaa");
  CHECK(fold("eèéẻẽẹêềếểễệ") == "eeeeeeeeeeee");
  CHECK(fold("EÈÉẺẼẸÊỀẾỂỄỆ") == "eeeeeeeeeeee");
  CHECK(fold("iìíỉĩị") == "iiiiii");
  CHECK(fold("IÌÍỈĨỊ") == "iiiiii");
  CHECK(fold("oòóỏõọôồốổỗộơờớởỡợ") == "oooooooooooooooooo");
  CHECK(fold("OÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ") == "oooooooooooooooooo");
  CHECK(fold("uùúủũụưừứửữự") == "uuuuuuuuuuuu");
  CHECK(fold("UÙÚỦŨỤƯỪỨỬỮỰ") == "uuuuuuuuuuuu");
  CHECK(fold("yỳýỷỹỵ") == "yyyyyy");
  CHECK(fold("YỲÝỶỸỴ") == "yyyyyy");
}

TEST_CASE("fold: NFD input folds like NFC input") {
  const Case cases[] = {
      {"\u0110u\u031bo\u031b\u0300ng", "duong"},
      {"Ho\u0300a", "hoa"},
      {"\x6f\xcc\x80", "o"},
      {"BO\u0302\u0323 CO\u0302NG AN", "bo cong an"},
      {"Nguye\u0302\u0303n Thi\u0323 Minh Khai", "nguyen thi minh khai"},
      {"e\u0323\u0302", "e"},  // marks in the non-canonical order
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(fold(c.in) == c.out);
  }
}

TEST_CASE("fold: everything else passes through lower-cased") {
  const Case cases[] = {
      {"09-CT/TW", "09-ct/tw"},
      {"30/2020/NĐ-CP", "30/2020/nd-cp"},
      {"\u201CĐẩy mạnh\u201D \u2013 2023\u2026", "\u201Cday manh\u201D \u2013 2023\u2026"},
      {"中文 日本語 \xF0\x9F\x98\x80", "中文 日本語 \xF0\x9F\x98\x80"},
      {"Straße", "straße"},
      {"İstanbul", "istanbul"},
      {"Café Crème", "cafe creme"},
      {"ΆΘΗΝΑ", "αθηνα"},
      {"Ⓐ", "ⓐ"},
      {"ＡＢＣ", "ａｂｃ"},       // full-width letters (past the table)
      {"a\uFE20b", "ab"},        // combining half mark past the table is stripped too
      {"a\xFF" "b", "a\uFFFDb"}, // invalid bytes: never worse than U+FFFD
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(fold(c.in) == c.out);
  }
}

TEST_CASE("fold: long text matches word-by-word folding") {
  std::string text, expected;
  for (int i = 0; i < 2000; ++i) {
    text += "Đại tướng Tô Lâm, Ủy viên Bộ Chính trị; ";
    expected += "dai tuong to lam, uy vien bo chinh tri; ";
  }
  CHECK(fold(text) == expected);
}

TEST_CASE("lower: full Unicode lower-casing that keeps diacritics and NFC") {
  const Case cases[] = {
      {"BỘ CÔNG AN", "bộ công an"},
      {"ĐẠI TƯỚNG TÔ LÂM", "đại tướng tô lâm"},
      {"ỦY VIÊN BỘ CHÍNH TRỊ", "ủy viên bộ chính trị"},
      {"Nguyễn Thị Minh Khai", "nguyễn thị minh khai"},
      {"09-CT/TW", "09-ct/tw"},
      {"plain ascii", "plain ascii"},
      {"\u00D0", "\u00F0"},          // lower() keeps letters; only normalize() maps Ð
      {"ΟΔΟΣ ΟΔΟΣ", "οδος οδος"},    // final sigma needs context: ICU handles it
      {"İ", "i\u0307"},              // full (not simple) lower-casing
      {"ＡＢＣ", "ａｂｃ"},
      {"中文", "中文"},
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(lower(c.in) == c.out);
  }
}

TEST_CASE("lower and fold agree on unaccented text") {
  for (std::string_view s : {"Bo Cong an", "ANTQ", "Ha Noi 2023", "ΟΔΟΣ", "中文"}) {
    CAPTURE(s);
    CHECK(fold(s) == lower(s));
  }
}

TEST_CASE("has_diacritics: true exactly when fold(s) != lower(s)") {
  struct Expect {
    std::string_view in;
    bool has;
  };
  const Expect cases[] = {
      {"bo cong an", false},
      {"Bo Cong An", false},
      {"ANTQ 09-CT/TW", false},
      {"", false},
      {"Bộ", true},
      {"đi", true},
      {"Đ", true},
      {"\u00D0", true},
      {"Dung", false},
      {"a\u0300", true},          // NFD
      {"café", true},
      {"Straße", false},
      {"中文 \xF0\x9F\x98\x80", false},
      {"ΟΔΟΣ", false},
      {"a\uFE20", true},          // past the lookup table
      {"\u201C2023\u201D", false},
  };
  for (const Expect& c : cases) {
    CAPTURE(c.in);
    CHECK(has_diacritics(c.in) == c.has);
    CHECK(has_diacritics(c.in) == (fold(c.in) != lower(c.in)));
  }
}

namespace {

namespace detail = tracuu::text::detail;

// Why table entry `e` (flagged too long or not) disagrees with the case map `expected`;
// empty if it agrees. Unused bytes must be zero: lookups copy all seven.
std::string entry_mismatch(const detail::TableEntry& e, bool too_long, const std::string& expected) {
  if (too_long) {
    if (expected.size() <= sizeof e.bytes) return "flagged too long but fits";
    return {};
  }
  if (expected.size() > sizeof e.bytes) return "too long but not flagged";
  char padded[sizeof e.bytes] = {};
  std::memcpy(padded, expected.data(), expected.size());
  if (e.len != expected.size() || std::memcmp(e.bytes, padded, sizeof padded) != 0) {
    return "entry \"" + std::string(e.bytes, e.len) + "\", case map \"" + expected + "\"";
  }
  return {};
}

}  // namespace

TEST_CASE("case tables: the generated toned vowels are ICU's compositions") {
  const detail::CaseTables& t = detail::case_tables();
  for (int base = 0; base < detail::kTonedBaseCount; ++base)
    for (int tone = 0; tone < 5; ++tone) {
      CAPTURE(detail::kTonedBases[base]);
      CAPTURE(tone);
      CHECK(t.toned[base][tone] == detail::compose_tone(detail::kTonedBases[base], tone));
    }
  CHECK(t.toned[0][0] == 0x00E0);  // à
  CHECK(t.toned[8][4] == 0x1EE5);  // ụ
}

TEST_CASE("case tables: the generated tables match the runtime case maps") {
  // The tables are generated at build time from fold_code_point()/lower_code_point();
  // any drift (a generator bug, a stale table, another ICU at run time) shows up here.
  const detail::CaseTables& t = detail::case_tables();
  int mismatches = 0;
  for (UChar32 c = 0; c < detail::kTableEnd; ++c) {
    const std::string folded = detail::fold_code_point(c);
    const std::string lowered = detail::lower_code_point(c);
    const std::uint16_t flags = t.flags[c];
    const std::uint16_t expected_flags = detail::table_flags(c);
    std::string why;
    if (flags != expected_flags) {
      why = "flags " + std::to_string(flags) + ", expected " + std::to_string(expected_flags);
    } else if (!(why = entry_mismatch(t.fold[c], flags & detail::kFoldTooLong, folded)).empty()) {
      why = "fold: " + why;
    } else if (!(why = entry_mismatch(t.lower[c], flags & detail::kLowerTooLong, lowered)).empty()) {
      why = "lower: " + why;
    }
    // Report the first few only: a stale table would otherwise print thousands.
    if (!why.empty() && ++mismatches <= 10) {
      char code_point[16];
      std::snprintf(code_point, sizeof code_point, "U+%04X: ", static_cast<unsigned>(c));
      const std::string message = code_point + why;
      FAIL_CHECK(message);
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("case tables: character classes the tokenizer reads") {
  const detail::CaseTables& t = detail::case_tables();
  using detail::kAlpha, detail::kMark, detail::kUpper, detail::kSpace, detail::kLowerDiffers;
  const auto classes = [&](UChar32 c) { return t.flags[c] & (kAlpha | kMark | kUpper | kSpace | kLowerDiffers); };
  CHECK(classes('A') == (kAlpha | kUpper | kLowerDiffers));
  CHECK(classes('a') == kAlpha);
  CHECK(classes('5') == 0);
  CHECK(classes('-') == 0);
  CHECK(classes(0x0110) == (kAlpha | kUpper | kLowerDiffers));  // Đ
  CHECK(classes(0x1EA1) == kAlpha);                             // ạ
  CHECK(classes(0x1EA0) == (kAlpha | kUpper | kLowerDiffers));  // Ạ
  CHECK(classes(0x0301) == kMark);                              // combining acute (decomposed tone)
  CHECK(classes(' ') == kSpace);
  CHECK(classes('\t') == kSpace);
  CHECK(classes(0x00A0) == kSpace);                             // no-break space
  CHECK(classes(0x2013) == 0);                                  // en dash
}

TEST_CASE("fold_may_begin_word: where a word of the folded text may begin with a given byte") {
  std::array<bool, 256> p{}, d{};
  p['p'] = true;
  d['d'] = true;
  CHECK(fold_may_begin_word("Phương", p));
  CHECK(fold_may_begin_word("PHƯƠNG", p));
  CHECK(fold_may_begin_word("“Phương”", p));   // after a quote (bytes past ASCII)
  CHECK(fold_may_begin_word("x-phương", p));   // after a hyphen
  CHECK(fold_may_begin_word("\u0300phuong", p));  // a mark fold() strips leaves the start where it was
  CHECK(fold_may_begin_word("Ⓐphuong", p));    // after a symbol Xapian reads no word in
  CHECK(fold_may_begin_word("Đường", d));
  CHECK(fold_may_begin_word("ĐỊA", d));
  CHECK(fold_may_begin_word("中p", p));        // past the table: fold() decides
  CHECK_FALSE(fold_may_begin_word("kịp", p));  // inside a word
  CHECK_FALSE(fold_may_begin_word("ưp", p));   // ư folds to a letter
  CHECK_FALSE(fold_may_begin_word("9p", p));
  CHECK_FALSE(fold_may_begin_word("_p", p));
  CHECK_FALSE(fold_may_begin_word("địa", p));
  CHECK_FALSE(fold_may_begin_word("", p));
  CHECK_FALSE(fold_may_begin_word("Phương", d));
}
