// Tests for lib/extract/dates.cpp: every written form, year-less dates that take the
// article's year, validation, one entity per value, and the numbers that only look
// like dates.
#include <doctest/doctest.h>

#include <string>

#include "tracuu/extract.h"
#include "tracuu/resources.h"
#include "tracuu/text.h"
#include "extract_fixture.h"

namespace {

using extract_test::resources;
using extract_test::run;

using tracuu::Article;

// An article whose own dateline is `dateline`, with `body` after the headline.
Article run_dated(std::string_view dateline, std::string_view body) {
  return run("Tin vắn trong ngày\n\n" + std::string(dateline) + "\n\n" + std::string(body));
}

}  // namespace

TEST_CASE("dates: full dates in every form") {
  struct Case {
    const char* input;
    const char* value;
    const char* precision;
    const char* mention;
  };
  const Case cases[] = {
      {"Hội nghị diễn ra ngày 13/06/2024 tại trụ sở.", "2024-06-13", "day", "13/06/2024"},
      {"Văn bản ký ngày 1-12-2011 tại Hà Nội.", "2011-12-01", "day", "1-12-2011"},
      {"Cập nhật lúc 24-03-2023 theo giờ địa phương.", "2023-03-24", "day", "24-03-2023"},
      {"Cách mạng thành công ngày 19.8.1945 tại thủ đô.", "1945-08-19", "day", "19.8.1945"},
      {"Hội nghị khai mạc ngày 12 tháng 4 năm 2012 ở trung tâm.", "2012-04-12", "day", "12 tháng 4 năm 2012"},
      {"Bản ghi có dấu thời gian 2025-08-19 trong hệ thống.", "2025-08-19", "day", "2025-08-19"},
      {"Thứ Tư, 18/10/2023", "2023-10-18", "day", "18/10/2023"},
      {"Dự kiến hoàn thành trong tháng 9/2024 theo kế hoạch.", "2024-09", "month", "tháng 9/2024"},
      {"Đề án trình vào tháng 09 năm 2024 tới đây.", "2024-09", "month", "tháng 09 năm 2024"},
      {"Tháng 12-1999 đơn vị được thành lập.", "1999-12", "month", "Tháng 12-1999"},
      {"Sinh ngày 29/2/2024 tại bệnh viện.", "2024-02-29", "day", "29/2/2024"},
  };
  for (const Case& c : cases) {
    const std::string shown(c.input);
    CAPTURE(shown);
    const Article a = run(c.input);
    REQUIRE(a.dates.size() == 1);
    CHECK(a.dates[0].value == c.value);
    CHECK(a.dates[0].precision == c.precision);
    CHECK_FALSE(a.dates[0].year_inferred);
    REQUIRE(a.dates[0].mentions.size() == 1);
    const auto& m = a.dates[0].mentions[0];
    CHECK(m.text == c.mention);
    CHECK(a.text.substr(m.start, m.end - m.start) == m.text);
  }
}

TEST_CASE("dates: mention offsets are bytes into the normalised text") {
  const Article a = run("Ngày 13/06/2024, đoàn công tác lên đường.");
  REQUIRE(a.dates.size() == 1);
  CHECK(a.dates[0].mentions[0].start == std::string("Ngày ").size());
  CHECK(a.dates[0].mentions[0].end == std::string("Ngày 13/06/2024").size());
}

TEST_CASE("dates: day-month without a year takes the article's year") {
  struct Case {
    const char* body;
    const char* value;
    const char* mention;
  };
  const Case cases[] = {
      {"Sáng 12-4, đoàn đến thăm xã biên giới.", "2024-04-12", "12-4"},
      {"Chiều 17/10, hội nghị bế mạc.", "2024-10-17", "17/10"},
      {"Theo kế hoạch, chiều 3.3 sẽ có buổi gặp mặt.", "2024-03-03", "3.3"},
      {"Ngày 26/6, lực lượng chức năng kiểm tra.", "2024-06-26", "26/6"},
      {"Ngày hội toàn dân (19/8) được tổ chức hằng năm.", "2024-08-19", "19/8"},
      {"Thứ Hai, 4/11 các trường khai giảng lớp mới.", "2024-11-04", "4/11"},
  };
  for (const Case& c : cases) {
    const std::string shown(c.body);
    CAPTURE(shown);
    const Article a = run_dated("Thứ Tư, 20/11/2024", c.body);
    CHECK(a.published.value_or("") == "2024-11-20");
    const tracuu::DateRef* found = nullptr;
    for (const auto& d : a.dates)
      if (d.value == c.value) found = &d;
    REQUIRE(found != nullptr);
    CHECK(found->precision == "day");
    CHECK(found->year_inferred);
    CHECK(found->mentions[0].text == c.mention);
  }
}

TEST_CASE("dates: a year-less date months after the dateline belongs to the year before") {
  const Article a = run_dated("05/01/2024", "Tối 28/12, lực lượng tuần tra xuất quân.");
  REQUIRE(a.dates.size() == 2);
  CHECK(a.dates[1].value == "2023-12-28");
  CHECK(a.dates[1].year_inferred);
}

TEST_CASE("dates: ranges of day-months") {
  const Article a = run_dated("10/03/2024", "Đợt cao điểm diễn ra từ ngày 13.3 - 19.3 trên toàn tỉnh.");
  REQUIRE(a.dates.size() == 3);
  CHECK(a.dates[1].value == "2024-03-13");
  CHECK(a.dates[2].value == "2024-03-19");
}

TEST_CASE("dates: one entity per value with every mention") {
  const Article a = run("Ngày 1/12/2011 và ngày 01-12-2011 là một. Ngày 2/12/2011 thì khác.");
  REQUIRE(a.dates.size() == 2);
  CHECK(a.dates[0].value == "2011-12-01");
  CHECK(a.dates[0].mentions.size() == 2);
  CHECK(a.dates[1].value == "2011-12-02");
}

TEST_CASE("dates: look-alikes and impossible dates are not dates") {
  const char* inputs[] = {
      "Ngày 31/2/2023 không tồn tại.",
      "Mã 13/13/2020 sai định dạng.",
      "Nghị định 09/CP vẫn được trích dẫn.",
      "Xã đạt chỉ tiêu 19.2 trong năm.",
      "Nhân dân cung cấp 53.679 tin có giá trị.",
      "Tỷ số chung cuộc 3-0 nghiêng về chủ nhà.",
      "Số liệu 12/2023 chưa được công bố.",
      "Hơn 2/3 đại biểu tán thành.",
      "Căn cứ Nghị định 30/2020/NĐ-CP hiện hành.",
      "Thống kê có 1.203.165 lượt truy cập.",
      "Gọi số 0912.345.678 để báo tin.",
  };
  for (const char* input : inputs) {
    const std::string shown(input);
    CAPTURE(shown);
    CHECK(run(input).dates.empty());
  }
}

TEST_CASE("dates: without an article date a year-less day-month is left out") {
  const Article a = run("Ngày hội toàn dân (19/8) được tổ chức hằng năm.");
  CHECK_FALSE(a.published.has_value());
  CHECK(a.dates.empty());
}
