// Tests for lib/extract/periods.cpp: year ranges with dashes and words, and what is
// not a period (two dates, reversed or implausible years, ISO dates).
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

}  // namespace

TEST_CASE("periods: year ranges") {
  struct Case {
    const char* input;
    int from;
    int to;
    const char* mention;
  };
  const Case cases[] = {
      {"Kế hoạch giai đoạn 2022 – 2026 đã được duyệt.", 2022, 2026, "2022 – 2026"},
      {"Tổng kết nhiệm kỳ 2013-2023 của ban chỉ đạo.", 2013, 2023, "2013-2023"},
      {"Mười năm (2013 – 2023) thực hiện chương trình.", 2013, 2023, "2013 – 2023"},
      {"Sau 03 năm 2023 – 2025 triển khai thí điểm.", 2023, 2025, "2023 – 2025"},
      {"Năm học 2023—2024 bắt đầu sớm.", 2023, 2024, "2023—2024"},
      {"Số liệu từ năm 2015 đến năm 2020 cho thấy xu hướng tăng.", 2015, 2020, "từ năm 2015 đến năm 2020"},
      {"Trong 10 năm từ 2001 đến 2011 đã bắt giữ nhiều đối tượng.", 2001, 2011, "từ 2001 đến 2011"},
  };
  for (const Case& c : cases) {
    const std::string shown(c.input);
    CAPTURE(shown);
    const Article a = run(c.input);
    REQUIRE(a.periods.size() == 1);
    CHECK(a.periods[0].from == c.from);
    CHECK(a.periods[0].to == c.to);
    REQUIRE(a.periods[0].mentions.size() == 1);
    const auto& m = a.periods[0].mentions[0];
    CHECK(m.text == c.mention);
    CHECK(a.text.substr(m.start, m.end - m.start) == m.text);
  }
}

TEST_CASE("periods: one entity per range, every mention") {
  const Article a = run("Giai đoạn 2023 - 2033 mở ra. Trong giai đoạn 2023 – 2033, các đơn vị phối hợp.");
  REQUIRE(a.periods.size() == 1);
  CHECK(a.periods[0].mentions.size() == 2);
  CHECK(a.periods[0].mentions[0].start == std::string("Giai đoạn ").size());
}

TEST_CASE("periods: look-alikes") {
  const char* inputs[] = {
      "Hiệu lực từ 1/1/2013 - 31/12/2023 theo quyết định.",  // two dates, not a period
      "Thứ tự ngược 2023 – 2013 không phải giai đoạn.",
      "Giai đoạn 1850-1860 nằm ngoài phạm vi.",
      "Bản ghi 2025-08-19 là một ngày.",
      "Căn cứ Luật số 24/2018/QH14 năm 2019.",
      "Mã số 12345-2020 không phải giai đoạn.",
  };
  for (const char* input : inputs) {
    const std::string shown(input);
    CAPTURE(shown);
    CHECK(run(input).periods.empty());
  }
}
