// Unit tests for lib/extract/clean: page furniture out, article text kept.
#include <doctest/doctest.h>

#include "data/resources_tables.h"
#include "extract/clean.h"
#include "extract_fixture.h"

using extract_test::resources;
using tracuu::extract::clean_text;

TEST_CASE("clean_text: boilerplate lines, doubled captions and image slugs go; the article stays") {
  const auto& tables = resources().tables();
  const std::string page = tracuu::text::normalize(
      "Thứ Tư, 18/10/2023\n\nTiêu đề bài viết\n\nLượt xem: 3518\nĐoạn một của bài.\n\n"
      "Đại biểu dự hội nghị.\nĐại biểu dự hội nghị.\n\nquang-canh-hoi-nghi-1 quang-canh-hoi-nghi-2\n\n"
      "trao-bang-khen-tap-theTrao bằng khen cho tập thể\n\nMINH ANH\nLiên kết website\nThống kê truy cập\n"
      "Tổng số: 2969471\n\nTrực tuyến: 68");
  CHECK(clean_text(page, tables) ==
        "Thứ Tư, 18/10/2023\n\nTiêu đề bài viết\n\nĐoạn một của bài.\n\nĐại biểu dự hội nghị.\n\n"
        "Trao bằng khen cho tập thể\n\nMINH ANH");
}

TEST_CASE("clean_text: dates, codes and repeated paragraphs apart are not furniture") {
  const auto& tables = resources().tables();
  const std::string text = "2025-07-02\n\nChỉ thị số 09-CT/TW.\n\nMột câu.\n\nCâu khác.\n\nMột câu.";
  CHECK(clean_text(text, tables) == text);
  CHECK(clean_text("", tables).empty());
}

TEST_CASE("extract: offsets point into the cleaned text") {
  const auto a = extract_test::run("Tiêu đề\n\nLượt xem: 12\nChỉ thị số 09-CT/TW ngày 1-12-2011.");
  REQUIRE(a.refs.size() == 1);
  const auto& m = a.refs[0].mentions.at(0);
  CHECK(a.text.substr(m.start, m.end - m.start) == m.text);
  CHECK(a.text.find("Lượt xem") == std::string::npos);
}
