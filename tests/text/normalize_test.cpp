// Tests for lib/text/normalize.cpp and tones.cpp: NFC, Ð -> Đ, canonical (kiểu cũ)
// tone placement and its exceptions, whitespace and line clean-up, idempotence.
// NFD strings are written with escapes so the decomposed form stays visible.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "text/case_table.h"
#include "tracuu/text.h"

using tracuu::text::normalize;

namespace {

struct Case {
  std::string_view in;
  std::string_view out;
};

void check_all(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.in);
    std::string once = normalize(c.in);
    CHECK(once == c.out);
    CHECK(normalize(once) == once);  // idempotent
  }
}

}  // namespace

TEST_CASE("normalize: modern tone placement becomes traditional, all tones, both cases") {
  check_all({
      // oa: grave, acute, hook, tilde, dot below
      {"hoà", "hòa"}, {"hoá", "hóa"}, {"hoả", "hỏa"}, {"hoã", "hõa"}, {"hoạ", "họa"},
      {"HOÀ", "HÒA"}, {"HOÁ", "HÓA"}, {"HOẢ", "HỎA"}, {"HOÃ", "HÕA"}, {"HOẠ", "HỌA"},
      // oe
      {"khoè", "khòe"}, {"khoé", "khóe"}, {"khoẻ", "khỏe"}, {"khoẽ", "khõe"}, {"khoẹ", "khọe"},
      {"KHOÈ", "KHÒE"}, {"KHOÉ", "KHÓE"}, {"KHOẺ", "KHỎE"}, {"KHOẼ", "KHÕE"}, {"KHOẸ", "KHỌE"},
      // uy
      {"thuỳ", "thùy"}, {"thuý", "thúy"}, {"thuỷ", "thủy"}, {"thuỹ", "thũy"}, {"thuỵ", "thụy"},
      {"THUỲ", "THÙY"}, {"THUÝ", "THÚY"}, {"THUỶ", "THỦY"}, {"THUỸ", "THŨY"}, {"THUỴ", "THỤY"},
      // mixed case and no onset
      {"Uỷ", "Ủy"}, {"UỶ", "ỦY"}, {"uỷ", "ủy"}, {"Hoà", "Hòa"}, {"tuý", "túy"}, {"oà", "òa"},
      {"xoá", "xóa"}, {"loè", "lòe"}, {"nguỵ", "ngụy"}, {"luỹ", "lũy"}, {"Đoà", "Đòa"},
  });
}

TEST_CASE("normalize: traditional placement is already canonical") {
  check_all({
      {"hòa", "hòa"}, {"hóa", "hóa"}, {"hỏa", "hỏa"}, {"hõa", "hõa"}, {"họa", "họa"},
      {"khòe", "khòe"}, {"khỏe", "khỏe"}, {"thủy", "thủy"}, {"Ủy", "Ủy"}, {"ỦY", "ỦY"},
      {"HÒA", "HÒA"}, {"túy", "túy"},
  });
}

TEST_CASE("normalize: syllables that must not change") {
  check_all({
      // qu + y: the u belongs to the consonant
      {"quý", "quý"}, {"quỳ", "quỳ"}, {"quỹ", "quỹ"}, {"quỷ", "quỷ"}, {"quỵ", "quỵ"},
      {"QUÝ", "QUÝ"}, {"Quỹ", "Quỹ"},
      // a final consonant or a following vowel: both styles mark the second vowel
      {"hoàn", "hoàn"}, {"hoàng", "hoàng"}, {"Hoàng", "Hoàng"}, {"huỳnh", "huỳnh"},
      {"HUỲNH", "HUỲNH"}, {"khuỷu", "khuỷu"}, {"ngoài", "ngoài"}, {"toán", "toán"},
      {"thuyết", "thuyết"}, {"khoét", "khoét"}, {"huýt", "huýt"}, {"khuya", "khuya"},
      // other rhymes
      {"huệ", "huệ"}, {"thuở", "thuở"}, {"hoặc", "hoặc"}, {"giữ", "giữ"},
      // not a Vietnamese onset: a foreign word keeps its spelling
      {"Chloé", "Chloé"}, {"Zoé", "Zoé"},
  });
}

TEST_CASE("normalize: tone placement in running text") {
  check_all({
      {"Uỷ viên Bộ Chính trị", "Ủy viên Bộ Chính trị"},
      {"Uỷ ban Trung ương Mặt trận Tổ quốc", "Ủy ban Trung ương Mặt trận Tổ quốc"},
      {"hoà bình, hoà.", "hòa bình, hòa."},
      {"(hoà)", "(hòa)"},
      {"Hoàng Công Thuỷ", "Hoàng Công Thủy"},
      {"khoẻ mạnh\nthuỷ lợi", "khỏe mạnh\nthủy lợi"},
      {"hoà2", "hòa2"},  // a digit is not a letter: the syllable is open
      {"UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"},
  });
}

TEST_CASE("normalize: NFD input ends up like NFC input") {
  check_all({
      {"ho\u0300a", "hòa"},                          // traditional, decomposed
      {"hoa\u0300", "hòa"},                          // modern, decomposed
      {"\x68\x6f\x61\xcc\x80", "hòa"},               // the same bytes written out
      {"thuy\u0309", "thủy"},
      {"U\u0309y", "Ủy"},
      {"Uy\u0309", "Ủy"},
      {"UY\u0309", "ỦY"},
      {"Nguye\u0302\u0303n Thi\u0323 Minh Khai", "Nguyễn Thị Minh Khai"},
      {"Bo\u0302\u0323 Co\u0302ng an", "Bộ Công an"},
      {"tu\u031b\u0301ng", "tứng"},
      {"quy\u0301", "quý"},
      {"hoa\u0300n", "hoàn"},
      {"\u0110a\u0323i tu\u031bo\u031b\u0301ng", "Đại tướng"},
  });
}

TEST_CASE("normalize: Ð (eth) becomes Đ; ð is left alone") {
  check_all({
      {"\u00D0\u1EA3m bảo", "Đảm bảo"},
      {"\u00D0ại tướng", "Đại tướng"},
      {"\u00F0", "\u00F0"},
      {"Đường", "Đường"},
  });
}

TEST_CASE("normalize: whitespace, invisible characters and lines") {
  check_all({
      {"a\r\nb\rc\nd", "a\nb\nc\nd"},
      {"Bộ\u00A0Công\u00A0an", "Bộ Công an"},
      {"Tô\u2002Lâm\u2009và\u202Fcác\u205Fđồng\u3000chí\tkhác", "Tô Lâm và các đồng chí khác"},
      {"Tô\u200B Lâm", "Tô Lâm"},
      {"an\u200Cninh\u200D\u2060", "anninh"},
      {"\uFEFFBộ Công an", "Bộ Công an"},
      {"Tổ\u00ADquốc", "Tổquốc"},
      {"a    b \t c", "a b c"},
      {"  trimmed line  \n   next \u00A0", "trimmed line\nnext"},
      {"a\n\n\n\nb", "a\n\nb"},
      {"a\n \u00A0 \n\t\nb", "a\n\nb"},  // lines of spaces are blank lines
      {"\n\n  a  \n\n", "a"},
      {"a\n", "a"},
      {"a\r\n\r\n\r\nb\r\n", "a\n\nb"},
      {"\u00A0\u200B\n \n", ""},
      {"", ""},
      {"x\u2028y", "x\ny"},
  });
}

TEST_CASE("normalize: a space next to other white space or invisible characters") {
  check_all({
      {"a \u00A0b \u200B c \u1680d \uFEFFe", "a b c d e"},
      {"a \n b", "a\nb"},
      {"a \u2003\u2028b", "a\nb"},
      {"Tô \u00D0ức", "Tô Đức"},
  });
}

TEST_CASE("normalize: random mixes of the tricky pieces are idempotent") {
  const std::string_view pieces[] = {
      "o", "O", "u", "U", "a", "e", "y", "Y", "q", "h", "th", "ng", "\u0300", "\u0301",
      "\u0309", "\u0303", "\u0323", "\u0302", "\u031B", "à", "ỷ", "Ẻ", "ò", "Ủ", "đ",
      "\u00D0", " ", "  ", "\t", "\n", "\r", "\r\n", "\u00A0", "\u200B", "\u00AD",
      "\uFEFF", "\u3000", "\u2028", ".", ",", "1", "\xFF"};
  std::mt19937 rng(18102023);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (int n = rng() % 12; n > 0; --n) s += pieces[rng() % std::size(pieces)];
    CAPTURE(s);
    std::string once = normalize(s);
    CHECK(normalize(once) == once);
    CHECK(once.find("  ") == std::string::npos);
    CHECK(once.find("\n\n\n") == std::string::npos);
    CHECK(once.find('\r') == std::string::npos);
  }
}

TEST_CASE("normalize: removing an invisible character between a letter and its mark stays stable") {
  check_all({
      {"e\u200B\u0301", "é"},
      {"ho\u00AD\u0300a", "hòa"},
  });
}

TEST_CASE("normalize: headline in capitals") {
  check_all({
      {"BỘ CÔNG AN TỔ CHỨC HỘI NGHỊ", "BỘ CÔNG AN TỔ CHỨC HỘI NGHỊ"},
      {"BO\u0302\u0323 CO\u0302NG AN TO\u0302\u0309 CHU\u031B\u0301C HO\u0302\u0323I NGHI\u0323",
       "BỘ CÔNG AN TỔ CHỨC HỘI NGHỊ"},
  });
}

TEST_CASE("normalize: a whole article is idempotent and keeps valid UTF-8 under bad input") {
  const std::string article =
      "\uFEFF  Thứ Tư, 18/10/2023\r\n\r\n\r\n"
      "Chiều 17/10, tại Hà Nội,\u00A0Bộ Công an phối hợp với Uỷ ban Trung ương MTTQ "
      "tổ chức Hội nghị tổng kết 10 năm (2013 – 2023) thực hiện Chương trình phối hợp số "
      "09/CTr-BCA-MTTW về \u201C\u0110ẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc\u201D.\r\n"
      " \u00A0\r\n"
      "\u00D0ại tướng Tô\u200B Lâm, Uỷ viên Bộ Chính trị, phát biểu; đại biểu chúc sức khoẻ.  \n\n";
  const std::string expected =
      "Thứ Tư, 18/10/2023\n\n"
      "Chiều 17/10, tại Hà Nội, Bộ Công an phối hợp với Ủy ban Trung ương MTTQ "
      "tổ chức Hội nghị tổng kết 10 năm (2013 – 2023) thực hiện Chương trình phối hợp số "
      "09/CTr-BCA-MTTW về \u201CĐẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc\u201D.\n\n"
      "Đại tướng Tô Lâm, Ủy viên Bộ Chính trị, phát biểu; đại biểu chúc sức khỏe.";
  std::string once = normalize(article);
  CHECK(once == expected);
  CHECK(normalize(once) == once);

  // Input is meant to be valid UTF-8 (decode() first); if it is not, output still is.
  CHECK(normalize("a\xFF" "b") == "a\uFFFDb");
}

TEST_CASE("normalize: text of NFC-stable characters is found NFC without ICU, and is") {
  // normalize() trusts surely_nfc() (the kNfcStable flags) instead of asking ICU; check
  // on random text of flagged characters, and of them mixed with combining marks and
  // characters past the tables, that it says yes only where ICU's NFC changes nothing.
  using namespace tracuu::text::detail;
  const CaseTables& t = case_tables();
  std::vector<UChar32> stable, other = {0x0300, 0x0301, 0x0302, 0x0303, 0x0309, 0x031B, 0x0323,
                                        0x0344, 0x0958, 0x2126, 0x212B, 0x1100, 0x1161, 0xAC00, 0x1F71};
  for (UChar32 c = 1; c < kTableEnd; ++c)
    if (t.flags[c] & kNfcStable) stable.push_back(c);
  // Vietnamese letters and the punctuation of news text are all among them.
  for (UChar32 c : {0x00E0, 0x0111, 0x01A1, 0x01B0, 0x1EA1, 0x1EC7, 0x1EF9, 0x2013, 0x201C})
    CHECK(std::find(stable.begin(), stable.end(), c) != stable.end());
  for (UChar32 c : {0x0300, 0x0344, 0x0958, 0x2126, 0x212B, 0x1161})
    CHECK(std::find(stable.begin(), stable.end(), c) == stable.end());
  CHECK(surely_nfc("Chính quyền địa phương – “an ninh”, 09-CT/TW"));
  CHECK_FALSE(surely_nfc("phu\u031Bo\u031Bng"));  // NFD
  CHECK_FALSE(surely_nfc("\xFF"));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  REQUIRE(U_SUCCESS(status));
  std::mt19937 rng(3122026);
  int trusted = 0;
  for (int round = 0; round < 20000; ++round) {
    icu::UnicodeString text;
    const bool mixed = round % 2 == 1;
    for (int n = 1 + rng() % 8; n > 0; --n)
      text.append(mixed && rng() % 3 == 0 ? other[rng() % other.size()] : stable[rng() % stable.size()]);
    std::string utf8, expected;
    text.toUTF8String(utf8);
    nfc->normalize(text, status).toUTF8String(expected);
    REQUIRE(U_SUCCESS(status));
    CAPTURE(utf8);
    if (surely_nfc(utf8)) {
      ++trusted;
      CHECK(expected == utf8);
    }
    if (!mixed) CHECK(surely_nfc(utf8));
  }
  CHECK(trusted >= 10000);
}

TEST_CASE("normalize: layout_is_clean says whether only NFC and tones would change") {
  using tracuu::text::layout_is_clean;
  CHECK(layout_is_clean("an ninh Tổ quốc"));
  CHECK(layout_is_clean("hoà thuận"));  // tone placement is not layout
  CHECK(layout_is_clean("phu\u031Bo\u031Bng"));  // nor is NFC
  CHECK_FALSE(layout_is_clean("an\u00A0ninh"));
  CHECK_FALSE(layout_is_clean("an  ninh"));
  CHECK_FALSE(layout_is_clean("an\u200Bninh"));
  CHECK_FALSE(layout_is_clean(" an ninh"));
  CHECK_FALSE(layout_is_clean("\u00D0\u1ED3ng"));
}
