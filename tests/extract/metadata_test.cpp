// Tests for lib/extract/metadata.cpp (headline, dateline, byline, source URL, site)
// and for Extractor::run as a whole on odd input: it never throws and every mention
// is an exact slice of the text.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "tracuu/extract.h"
#include "tracuu/resources.h"
#include "tracuu/text.h"
#include "extract_fixture.h"

namespace {

using extract_test::resources;
using extract_test::run;

using tracuu::Article;

template <typename List>
void check_mentions(const Article& a, const List& entities) {
  for (const auto& e : entities)
    for (const auto& m : e.mentions) {
      REQUIRE(m.start <= m.end);
      REQUIRE(m.end <= a.text.size());
      CHECK(a.text.substr(m.start, m.end - m.start) == m.text);
    }
}

}  // namespace

TEST_CASE("metadata: page date, headline, then the article's own dateline") {
  const Article a = run(
      "Thứ Sáu, 20/09/2024\n\nCông an xã ra mắt mô hình tự quản mới\n\nThứ Hai, 16/09/2024\n\n"
      "Chiều 14/9, tại hội trường xã, lễ ra mắt được tổ chức trang trọng.\n");
  CHECK(a.title == "Công an xã ra mắt mô hình tự quản mới");
  CHECK(a.published.value_or("") == "2024-09-16");
}

TEST_CASE("metadata: dateline after the headline, with counters around it") {
  const Article a = run(
      "Ký kết quy chế phối hợp giữa hai lực lượng\n\n05/03/2021\nLượt xem: 1204\n"
      "Ngày 4/3/2021, hai đơn vị đã ký kết quy chế.\n");
  CHECK(a.title == "Ký kết quy chế phối hợp giữa hai lực lượng");
  CHECK(a.published.value_or("") == "2021-03-05");
}

TEST_CASE("metadata: a dateline with time, and a leading date line alone") {
  CHECK(run("Thứ Hai, 26/06/2023, 19:21 [GMT+7]\n\nTiêu đề thử nghiệm\n\nNội dung ngắn gọn.")
            .published.value_or("") == "2023-06-26");
  CHECK(run("14/02/2022 15:12\nTiêu đề thử nghiệm\nNội dung ngắn gọn.").published.value_or("") ==
        "2022-02-14");
}

TEST_CASE("metadata: without a dateline there is no published date") {
  // A body date is an event's; year-less dates then stay without a year.
  const Article a = run("Tuần tra bảo đảm an toàn giao thông\n\nNgày 7/7/2022, tổ công tác đã ra quân. "
                        "Sáng 9/7, tổ tiếp tục tuần tra.\n");
  CHECK_FALSE(a.published.has_value());
  REQUIRE(a.dates.size() == 1);
  CHECK(a.dates[0].value == "2022-07-07");
  CHECK_FALSE(run("Tiêu đề\n\nKhông có ngày nào ở đây.").published.has_value());
}

TEST_CASE("metadata: byline before the page furniture and the source line") {
  const Article a = run(
      "Xây dựng phong trào ở khu dân cư\n\nNội dung bài viết về phong trào ở khu dân cư.\n\n"
      "THANH HÀ\n\nNguồn Báo Mẫu: https://www.baomau.vn/xay-dung-phong-trao-a123.html\n");
  CHECK(a.author.value_or("") == "THANH HÀ");
  CHECK(a.source_url.value_or("") == "https://www.baomau.vn/xay-dung-phong-trao-a123.html");
  CHECK(a.site == "baomau.vn");

  const Article b = run(
      "Tiêu đề bài viết\n\nĐoạn nội dung chính của bài.\n\nNgọc Ánh – Minh Khôi\nTìm kiếm\n"
      "Tin tức - Sự kiện\nLiên kết website\nThống kê truy cập\nTổng số: 1234567\nTrực tuyến: 12\n"
      "Hôm nay: 345\nChung nhan Tin Nhiem Mang\n");
  CHECK(b.author.value_or("") == "Ngọc Ánh – Minh Khôi");
  CHECK_FALSE(b.source_url.has_value());
  CHECK(b.site.empty());
}

TEST_CASE("metadata: no byline when the last line is a sentence") {
  const Article a = run("Tiêu đề bài viết\n\nCác đơn vị cần tiếp tục thực hiện tốt nhiệm vụ được giao.\n"
                        "Cổng TTĐT Sở Tư pháp\nLiên kết website\n");
  CHECK_FALSE(a.author.has_value());
}

TEST_CASE("metadata: a title already set (HTML) is kept") {
  Article a;
  a.title = "Tiêu đề từ thẻ title";
  a.text = tracuu::text::normalize("Dòng đầu tiên của thân bài\n\nNội dung.");
  tracuu::Extractor(resources()).run(a);
  CHECK(a.title == "Tiêu đề từ thẻ title");
}

TEST_CASE("extractor: empty and odd input never throws") {
  const char* inputs[] = {
      "",
      "\n\n\n",
      "\xEF\xBF\xBD\xEF\xBF\xBD 09-\xEF\xBF\xBD/TW \xEF\xBF\xBD",
      "/ / / - - 1/ /1 -1- 1-1 1.1. ..",
      "số số số Chỉ thị số",
      "Đại tướng",
      "đồng chí:",
      "“ ” ' ' \" về “",
      "9999999999999999999/2020/NĐ-CP 99999-CT/TW 00/00/0000 2100-1900",
  };
  for (const char* input : inputs) {
    const std::string shown(input);
    CAPTURE(shown);
    Article a;
    a.text = tracuu::text::normalize(input);
    CHECK_NOTHROW(tracuu::Extractor(resources()).run(a));
    CHECK(a.warnings.empty());
  }
}

TEST_CASE("extractor: random mixtures of the characters the scanners look at") {
  const std::string pieces[] = {"0", "1", "2", "9", "/", "-", "–", ".", " ", ",", ";", ":", "(",
                                ")", "“", "”", "'", "\"", "\n", "CT", "TW", "Ctr", "NĐ", "số ",
                                "ngày ", "tháng ", "năm ", "Sáng ", "về ", "Đại tướng ", "Nguyễn ",
                                "Văn ", "Bộ trưởng ", "đồng chí ", "Hà Nội ", "2023", "https://x.vn/"};
  std::mt19937 rng(42);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  for (int round = 0; round < 300; ++round) {
    std::string s;
    for (int k = 0; k < 60; ++k) s += pieces[pick(rng)];
    Article a;
    a.text = tracuu::text::normalize(s);
    CAPTURE(a.text);
    REQUIRE_NOTHROW(tracuu::Extractor(resources()).run(a));
    check_mentions(a, a.refs);
    check_mentions(a, a.dates);
    check_mentions(a, a.periods);
    check_mentions(a, a.officials);
  }
}

TEST_CASE("metadata: datelines after a label or a place, and with furniture after them") {
  CHECK(run("Tiêu đề thử nghiệm\n\nĐăng ngày: 2021-05-06 08:15\n\nNội dung ngắn gọn.").published.value_or("") ==
        "2021-05-06");
  CHECK(run("Tiêu đề thử nghiệm\n\nCần Thơ, ngày 07 tháng 8 năm 2020\n\nNội dung.").published.value_or("") ==
        "2020-08-07");
  CHECK(run("Tiêu đề thử nghiệm\n\nThứ Ba, 11/05/2021, 09:10 · Lượt xem: 812\n\nNội dung.")
            .published.value_or("") == "2021-05-11");
  CHECK(run("Tiêu đề thử nghiệm\n\nThứ Ba, 11/05/2021 - 09:10\n\nNội dung.").published.value_or("") ==
        "2021-05-11");
  // A sentence that starts with a date is not a dateline.
  CHECK_FALSE(run("Tiêu đề thử nghiệm\n\nHà Nội, ngày 7/7/2022 tổ công tác ra quân.\n").published.has_value());
}

TEST_CASE("metadata: a byline may hold a few lower-case words from data/") {
  CHECK(run("Tiêu đề\n\nNội dung bài viết.\n\nNhóm phóng viên\n\nTin cùng chuyên mục\nCác tin khác\n")
            .author.value_or("") == "Nhóm phóng viên");
  CHECK(run("Tiêu đề\n\nNội dung bài viết.\n\nVăn Toàn (tổng hợp)\n").author.value_or("") ==
        "Văn Toàn (tổng hợp)");
  CHECK_FALSE(run("Tiêu đề\n\nNội dung bài viết.\n\nQuang cảnh buổi lễ\n").author.has_value());
}
