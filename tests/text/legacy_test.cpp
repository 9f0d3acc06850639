// Tests for lib/text/legacy.cpp and syllable.cpp: input that is not UTF-8. Known
// sentences are encoded with glibc iconv here, in the test, and decode() must give them
// back (NFC) with the right encoding; Latin-1 text and UTF-8 with a few bad bytes must
// not be taken for a legacy Vietnamese encoding.
#include <doctest/doctest.h>

#include <cerrno>
#include <iconv.h>
#include <string>
#include <string_view>
#include <vector>

#include "text/syllable.h"
#include "tracuu/text.h"

using tracuu::text::decode;
using tracuu::text::normalize;

namespace {

// `utf8` in the named iconv encoding; empty when iconv cannot do it, which fails the
// test (every character used below exists in all three encodings).
std::string encode(std::string_view utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return {};
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* target = out.data();
  std::size_t room = out.size();
  std::size_t result = iconv(cd, &in, &in_left, &target, &room);
  if (result != static_cast<std::size_t>(-1)) result = iconv(cd, nullptr, nullptr, &target, &room);
  iconv_close(cd);
  if (result == static_cast<std::size_t>(-1)) return {};
  out.resize(out.size() - room);
  return out;
}

// Plain punctuation only: VISCII and TCVN3 have no curly quotes or dashes.
const std::vector<std::string> kSentences = {
    "Sáng 9/10/2024, tại Buôn Ma Thuột, Công an tỉnh Đắk Lắk cùng Ủy ban Mặt trận Tổ "
    "quốc tỉnh tổ chức hội nghị sơ kết năm năm thực hiện quy chế phối hợp giữa hai bên.",
    "Thượng tướng Nguyễn Văn Khải, Thứ trưởng Bộ Công an dự, phát biểu chỉ đạo hội nghị "
    "và trao Bằng khen cho các tập thể, cá nhân có nhiều đóng góp cho phong trào.",
    "Thực hiện Chỉ thị số 09-CT/TW ngày 1-12-2011 của Ban Bí thư, phong trào toàn dân bảo "
    "vệ an ninh Tổ quốc đã có nhiều chuyển biến tích cực trong tình hình mới.",
    "Người dân khu phố đã tự quản, tự phòng, tự bảo vệ và tự hòa giải ở cơ sở; nhiều mô "
    "hình hay được nhân rộng, góp phần giữ vững an ninh chính trị, trật tự xã hội.",
};

struct Legacy {
  const char* iconv_name;
  const char* encoding;
  const char* warning;
};

constexpr Legacy kLegacy[] = {
    {"WINDOWS-1258", "windows-1258", "not UTF-8: decoded as Windows-1258"},
    {"VISCII", "viscii", "not UTF-8: decoded as VISCII"},
    {"TCVN5712-1", "tcvn3", "not UTF-8: decoded as TCVN3"},
};

}  // namespace

TEST_CASE("decode: Windows-1258, VISCII and TCVN3 are recognised and decoded to NFC") {
  int right = 0, total = 0;
  for (const Legacy& legacy : kLegacy) {
    for (const std::string& sentence : kSentences) {
      CAPTURE(legacy.encoding);
      CAPTURE(sentence);
      const std::string bytes = encode(sentence, legacy.iconv_name);
      REQUIRE_FALSE(bytes.empty());
      auto d = decode(bytes);
      ++total;
      right += d.encoding == legacy.encoding;
      CHECK(d.encoding == legacy.encoding);
      CHECK(d.text == sentence);  // the sentences are NFC; ICU's Windows-1258 is not
      REQUIRE(d.warnings.size() == 1);
      CHECK(d.warnings[0] == legacy.warning);
    }
  }
  MESSAGE(right << " of " << total << " sentences got their encoding");
}

TEST_CASE("decode: a whole legacy article, longer than the scoring sample, is decoded") {
  std::string article;
  while (article.size() < 200 * 1024) {
    for (const std::string& sentence : kSentences) article += sentence + "\n";
  }
  for (const Legacy& legacy : kLegacy) {
    CAPTURE(legacy.encoding);
    auto d = decode(encode(article, legacy.iconv_name));
    CHECK(d.encoding == legacy.encoding);
    CHECK(d.text == article);
  }
}

TEST_CASE("decode: CP1258 spelled by glibc and Windows-1258 by ICU agree") {
  // glibc writes decomposed tones ("ệ" = "ê" + 0xF2): the output must be composed again.
  const std::string bytes = encode(kSentences[0], "CP1258");
  REQUIRE(bytes.find('\xF2') != std::string::npos);
  auto d = decode(bytes);
  CHECK(d.encoding == "windows-1258");
  CHECK(d.text == kSentences[0]);
  CHECK(normalize(d.text) == d.text);
}

TEST_CASE("decode: Windows-1258 with unmapped bytes says how many became U+FFFD") {
  std::string bytes = encode(kSentences[1], "WINDOWS-1258");
  bytes.insert(bytes.size() / 2, "\x81");  // one of the holes in the code page
  auto d = decode(bytes);
  CHECK(d.encoding == "windows-1258");
  CHECK(d.text.find("\uFFFD") != std::string::npos);
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0] == "not UTF-8: decoded as Windows-1258 (1 unmapped byte replaced with U+FFFD)");
}

TEST_CASE("decode: Latin-1 French, German, Spanish are not taken for Vietnamese") {
  const char* texts[] = {
      "Le ministère de l'Intérieur a présenté mercredi un rapport détaillé sur la sécurité "
      "publique. Déjà, plusieurs députés ont réclamé une étude indépendante à ce sujet; "
      "le préfet a déclaré être très attentif à la prévention.",
      "Die Bundesregierung hat einen Gesetzentwurf zur Stärkung der öffentlichen Sicherheit "
      "vorgelegt. Kritiker bemängeln, dass die Maßnahmen zu spät kämen und die Bürger nicht "
      "ausreichend informiert würden.",
      "El Gobierno aprobó un plan para reforzar la seguridad; según el ministro, la inversión "
      "alcanzará los cien millones en los próximos años. También se creará una unidad para "
      "la protección de los ciudadanos más vulnerables.",
  };
  for (const char* text : texts) {
    CAPTURE(text);
    const std::string bytes = encode(text, "ISO-8859-1");
    REQUIRE_FALSE(bytes.empty());
    auto d = decode(bytes);
    CHECK(d.encoding == "utf-8");
    CHECK(d.text.find("\uFFFD") != std::string::npos);
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].find("the encoding could not be determined") != std::string::npos);
    CHECK(d.warnings[0].find("replaced with U+FFFD") != std::string::npos);
  }
}

TEST_CASE("decode: a few bad bytes in a UTF-8 Vietnamese file leave it UTF-8") {
  std::string text = kSentences[0] + "\n" + kSentences[1] + "\n";
  // Windows-1258 letters pasted in, and a UTF-8 sequence cut short.
  std::string bytes = text + "Ph\xE1t bi\xEA\xECu \xE1\xBB\n" + kSentences[2];
  auto d = decode(bytes);
  CHECK(d.encoding == "utf-8");
  CHECK(d.text == text + "Ph\uFFFDt bi\uFFFD\uFFFDu \uFFFD\n" + kSentences[2]);
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0] == "4 invalid UTF-8 byte sequences replaced with U+FFFD");
}

TEST_CASE("decode: too little text to judge stays UTF-8 with the plain warning") {
  auto d = decode(encode("Bộ Công an", "VISCII"));
  CHECK(d.encoding == "utf-8");
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0] == "2 invalid UTF-8 byte sequences replaced with U+FFFD");
}

TEST_CASE("decode: an ASCII file is UTF-8, whatever the legacy encodings say") {
  // 0x02 is a letter in VISCII and TCVN3, but the file is valid UTF-8.
  auto d = decode("Ban Bi thu \x02 chi thi");
  CHECK(d.encoding == "utf-8");
  CHECK(d.warnings.empty());
}

TEST_CASE("is_vietnamese_syllable: spelling rules") {
  using tracuu::text::detail::is_vietnamese_syllable;
  const std::u32string_view valid[] = {
      U"người", U"nghiêng", U"quốc", U"quý", U"giữa", U"gìn",   U"Ủy",    U"ỦY",    U"uỷ",
      U"khuỷu", U"thuở",    U"oanh", U"yêu", U"học",  U"các",   U"đường", U"huỳnh", U"xoong",
      U"kết",   U"ghế",     U"Nguyễn", U"chuyện", U"ơi", U"à"};
  for (std::size_t i = 0; i < std::size(valid); ++i) {
    CAPTURE(i);
    CHECK(is_vietnamese_syllable(valid[i]));
  }
  const std::u32string_view invalid[] = {
      U"cac",  U"hòc", U"été", U"ça",  U"où",  U"vỔ", U"đôc", U"ka", U"ghu", U"très",
      U"nam\u0300", U"b\u0301nh", U"ừơ", U"aá", U"kw", U"ngo\u0301\u0300", U"", U"Ämter",
      U"nghiêngnghiêng",
      U"Đắk"};  // place names from minority languages break the rules; rare enough
  for (std::size_t i = 0; i < std::size(invalid); ++i) {
    CAPTURE(i);
    CHECK_FALSE(is_vietnamese_syllable(invalid[i]));
  }
}
