// Tests for lib/extract/officials.cpp: names anchored by ranks, titles and honorifics,
// lists, merging of later short mentions, and spans that are places, organisations
// or bylines rather than officials.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tracuu/extract.h"
#include "tracuu/resources.h"
#include "tracuu/text.h"
#include "extract_fixture.h"

namespace {

using extract_test::resources;
using extract_test::run;

using tracuu::Article;
using tracuu::Official;

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += "<" + s + ">";
  return out;
}

const Official* find(const Article& a, std::string_view name) {
  for (const Official& o : a.officials)
    if (o.name == name) return &o;
  return nullptr;
}

}  // namespace

TEST_CASE("officials: one person, name and titles") {
  struct Case {
    const char* input;
    const char* name;
    std::vector<std::string> titles;
  };
  const Case cases[] = {
      {"Đại tướng Nguyễn Văn Bình, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng, dự lễ xuất quân.",
       "Nguyễn Văn Bình", {"Đại tướng", "Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Quốc phòng"}},
      {"Trung tướng Phạm Văn Dũng - Thứ trưởng Bộ Công an phát biểu khai mạc.",
       "Phạm Văn Dũng", {"Trung tướng", "Thứ trưởng Bộ Công an"}},
      {"Trưởng Ban Tổ chức Trung ương Lê Thị Hồng Nhung ký quyết định.",
       "Lê Thị Hồng Nhung", {"Trưởng Ban Tổ chức Trung ương"}},
      {"Sau đó, đồng chí Hà Minh Tuấn, Bí thư Tỉnh ủy chủ trì buổi làm việc.",
       "Hà Minh Tuấn", {"Bí thư Tỉnh ủy"}},
      {"Theo đại tá Trịnh Văn Sơn cho biết, vụ việc đã rõ.", "Trịnh Văn Sơn", {"đại tá"}},
      {"Buổi gặp có nguyên Bộ trưởng Bộ Tư pháp Lương Văn Cường tham dự.",
       "Lương Văn Cường", {"nguyên Bộ trưởng Bộ Tư pháp"}},
      {"Chủ tịch Hồ Chí Minh đã đến thăm hợp tác xã.", "Hồ Chí Minh", {"Chủ tịch"}},
      {"Giám đốc Công an tỉnh Lâm Đồng Trần Quốc Bảo thăm hỏi gia đình.",
       "Trần Quốc Bảo", {"Giám đốc Công an tỉnh Lâm Đồng"}},
      {"Bộ trưởng Bộ Công an, Đại tướng Mai Tiến Dũng trao quyết định.",
       "Mai Tiến Dũng", {"Bộ trưởng Bộ Công an", "Đại tướng"}},
      {"Thượng tá Lương Đức Minh, Phó Giám đốc Công an tỉnh cùng đoàn công tác.",
       "Lương Đức Minh", {"Thượng tá", "Phó Giám đốc Công an tỉnh"}},
      {"Ông Phan Đức Long, Chủ tịch UBND tỉnh và lãnh đạo các sở dự họp.",
       "Phan Đức Long", {"Chủ tịch UBND tỉnh"}},
      {"Đồng chí Vũ Thị Thu Hà, Uỷ viên Trung ương Đảng, Trưởng Ban Tuyên giáo và Dân vận Trung ương phát biểu.",
       "Vũ Thị Thu Hà", {"Ủy viên Trung ương Đảng", "Trưởng Ban Tuyên giáo và Dân vận Trung ương"}},
      {"Chuẩn Đô đốc Đoàn Văn Hải, Phó Tư lệnh Quân chủng Hải quân kiểm tra tàu.",
       "Đoàn Văn Hải", {"Chuẩn Đô đốc", "Phó Tư lệnh Quân chủng Hải quân"}},
  };
  for (const Case& c : cases) {
    const std::string shown(c.input);
    CAPTURE(shown);
    const Article a = run(c.input);
    REQUIRE(a.officials.size() == 1);
    CHECK(a.officials[0].name == c.name);
    CHECK(join(a.officials[0].titles) == join(c.titles));
    REQUIRE(a.officials[0].mentions.size() == 1);
    const auto& m = a.officials[0].mentions[0];
    CHECK(m.text == c.name);
    CHECK(a.text.substr(m.start, m.end - m.start) == m.text);
  }
}

TEST_CASE("officials: a list separated by semicolons") {
  const Article a = run(
      "Dự buổi lễ có các đồng chí: Thiếu tướng Đặng Văn Hòa, Giám đốc Công an tỉnh; Ngô Thị Lan, "
      "Phó Chủ tịch UBND tỉnh; Vương Quốc Khánh, Chánh Văn phòng Tỉnh ủy.");
  REQUIRE(a.officials.size() == 3);
  CHECK(a.officials[0].name == "Đặng Văn Hòa");
  CHECK(a.officials[0].titles == std::vector<std::string>{"Thiếu tướng", "Giám đốc Công an tỉnh"});
  CHECK(a.officials[1].name == "Ngô Thị Lan");
  CHECK(a.officials[1].titles == std::vector<std::string>{"Phó Chủ tịch UBND tỉnh"});
  CHECK(a.officials[2].name == "Vương Quốc Khánh");
  CHECK(a.officials[2].titles == std::vector<std::string>{"Chánh Văn phòng Tỉnh ủy"});
}

TEST_CASE("officials: short mentions merge by name and keep the fullest title") {
  const std::string text =
      "Bộ trưởng Lý Văn Phúc phát biểu. Trước đó, Đại tướng Lý Văn Phúc, Bộ trưởng Bộ Công an "
      "đã kiểm tra. Đồng chí Lý Văn Phúc và bà Kiều Thị Hạnh cùng trao quà.";
  const Article a = run(text);
  REQUIRE(a.officials.size() == 2);
  const Official* phuc = find(a, "Lý Văn Phúc");
  REQUIRE(phuc != nullptr);
  CHECK(phuc->titles == std::vector<std::string>{"Bộ trưởng Bộ Công an", "Đại tướng"});
  REQUIRE(phuc->mentions.size() == 3);
  CHECK(phuc->mentions[0].start == std::string("Bộ trưởng ").size());
  CHECK(phuc->mentions[1].start == text.find("Lý Văn Phúc, Bộ"));
  const Official* hanh = find(a, "Kiều Thị Hạnh");
  REQUIRE(hanh != nullptr);
  CHECK(hanh->titles.empty());
}

TEST_CASE("officials: places, organisations, bylines and bare titles are not officials") {
  const char* inputs[] = {
      "Công an tỉnh Hà Nam phối hợp với Bộ Công an triển khai.",
      "Học tập và làm theo phong cách Hồ Chí Minh.",
      "Các đồng chí Thứ trưởng, đại diện các cục cùng dự.",
      "Chủ tịch UBND tỉnh Ninh Bình đã chỉ đạo.",
      "Hội nghị diễn ra tại Hà Nội, Bộ trưởng chưa tới.",
      "Nội dung bài viết kết thúc ở đây.\n\nMinh Châu\n",
      "Ban Bí thư Trung ương về “Tăng cường sự lãnh đạo của Đảng” trong tình hình mới.",
      "Đoàn Thanh niên, Hội Phụ nữ cùng tham gia.",
  };
  for (const char* input : inputs) {
    const std::string shown(input);
    CAPTURE(shown);
    CHECK(run(input).officials.empty());
  }
}

TEST_CASE("officials: a place after a unit word or ending a title is not a person") {
  // After "huyện"/"thôn" two capitalised words are the unit's name, even when they
  // start with a family name; four or more leave a name after the place.
  const Article a = run(
      "Dự có ông Kha Văn Lực, Chủ tịch UBND huyện Trần Yên; bà Mạc Thị Duyên, Bí thư chi bộ "
      "thôn Đồng Lạc chia sẻ kinh nghiệm. Bí thư chi bộ thôn Đồng Lạc Ninh Văn Sáu phát biểu.");
  REQUIRE(a.officials.size() == 3);
  CHECK(a.officials[0].name == "Kha Văn Lực");
  CHECK(a.officials[0].titles == std::vector<std::string>{"Chủ tịch UBND huyện Trần Yên"});
  CHECK(a.officials[1].name == "Mạc Thị Duyên");
  CHECK(a.officials[1].titles == std::vector<std::string>{"Bí thư chi bộ thôn Đồng Lạc"});
  CHECK(a.officials[2].name == "Ninh Văn Sáu");
  CHECK(a.officials[2].titles == std::vector<std::string>{"Bí thư chi bộ thôn Đồng Lạc"});

  // A two-word "name" that ends a title after a person's name is the unit's place;
  // with titles of its own, or without a name before, it is a person.
  const Article b = run(
      "Thiếu tá Hà Văn Tâm - Đồn trưởng Đồn Biên phòng Mai Sơn cho biết. "
      "Sau đó Thứ trưởng Tô Vĩnh phát biểu.");
  REQUIRE(b.officials.size() == 2);
  CHECK(b.officials[0].titles == std::vector<std::string>{"Thiếu tá", "Đồn trưởng Đồn Biên phòng Mai Sơn"});
  CHECK(b.officials[1].name == "Tô Vĩnh");
}

TEST_CASE("officials: fixed phrases go on inside a title; court titles; name prefixes") {
  const Article a = run(
      "Thượng tá Đinh Văn Quý, Trưởng phòng Cảnh sát kinh tế và phòng, chống tham nhũng Công an "
      "tỉnh cho biết. Phiên tòa do Thẩm phán Y Khăm Niê chủ tọa; Kiểm sát viên Lù Thị Mai thực hành "
      "quyền công tố.");
  REQUIRE(a.officials.size() == 3);
  CHECK(a.officials[0].titles ==
        std::vector<std::string>{"Thượng tá", "Trưởng phòng Cảnh sát kinh tế và phòng, chống tham nhũng Công an tỉnh"});
  CHECK(a.officials[1].name == "Y Khăm Niê");
  CHECK(a.officials[1].titles == std::vector<std::string>{"Thẩm phán"});
  CHECK(a.officials[2].name == "Lù Thị Mai");
  CHECK(a.officials[2].titles == std::vector<std::string>{"Kiểm sát viên"});
  // "Phòng, chống" never starts a title.
  CHECK(run("Phòng, chống tội phạm là nhiệm vụ chung của Công an Trần Văn Nam.").officials.empty());
}
