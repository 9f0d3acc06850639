// End-to-end: `tracuu extract` on the project's own fixture articles (text, HTML, stdin)
// prints DESIGN.md's JSON with the right values and offsets into the normalised text.
#include <doctest/doctest.h>

#include <algorithm>

#include "harness.h"

using nlohmann::json;

namespace {

std::filesystem::path fixture(const std::string& name) { return e2e::source_dir() / "tests/fixtures/articles" / name; }

const json* find_by(const json& list, const std::string& key, const std::string& value) {
  for (const auto& item : list)
    if (item[key].is_string() && item[key] == value) return &item;
  return nullptr;
}

}  // namespace

TEST_CASE("extract: a text article gives its metadata, refs, dates, periods and officials") {
  const auto run = e2e::tracuu({"extract", fixture("dak-lak-chi-thi-09.txt").string()});
  REQUIRE(run.code == 0);
  const auto lines = e2e::json_lines(run.out);
  REQUIRE(lines.size() == 1);
  const json& a = lines[0];

  // Every key of the contract is present.
  for (const char* key : {"path", "title", "published", "author", "source_url", "warnings", "refs", "dates",
                          "periods", "officials"})
    CHECK_MESSAGE(a.contains(key), key);
  CHECK(a["title"] == "Công an tỉnh Đắk Lắk tổng kết 10 năm thực hiện Chỉ thị số 09-CT/TW");
  // The page header's "Thứ Hai, 20/11/2023" is today's date on the site, not the article's.
  CHECK(a["published"] == "2023-10-18");
  CHECK(a["warnings"].empty());
  CHECK(a["author"] == "MINH ANH");
  CHECK(a["authors"] == json::array({"MINH ANH"}));

  const json* ct = find_by(a["refs"], "id", "09-CT/TW");
  REQUIRE(ct);
  CHECK((*ct)["kind"] == "chi-thi");
  CHECK((*ct)["kind_label"] == "Chỉ thị");
  CHECK((*ct)["number"] == "09");
  CHECK((*ct)["issued"] == "2011-12-01");
  CHECK((*ct)["mentions"].size() >= 2);
  REQUIRE(find_by(a["refs"], "id", "09/CTr-BCA-MTTW"));

  CHECK(find_by(a["dates"], "value", "2011-12-01"));
  const json* sang = find_by(a["dates"], "value", "2023-10-17");
  REQUIRE(sang);
  CHECK((*sang)["year_inferred"] == true);
  // 12.345 is a number with a thousands dot, never a date.
  for (const auto& d : a["dates"]) CHECK(d["value"].get<std::string>().rfind("2345", 0) != 0);

  REQUIRE(a["periods"].size() >= 1);
  CHECK(a["periods"][0]["from"] == 2013);
  CHECK(a["periods"][0]["to"] == 2023);

  const json* khai = find_by(a["officials"], "name", "Nguyễn Văn Khải");
  REQUIRE(khai);
  const auto titles = (*khai)["titles"].get<std::vector<std::string>>();
  CHECK(std::find(titles.begin(), titles.end(), "Thiếu tướng") != titles.end());
  CHECK((*khai)["mentions"].size() == 2);
  CHECK(find_by(a["officials"], "name", "Trần Thị Hồng Nhung"));
}

TEST_CASE("extract: mention offsets point into the normalised text") {
  const std::string text = "Hội nghị quán triệt Chỉ thị số 09-CT/TW ngày 1-12-2011 của Ban Bí thư.\n";
  const auto run = e2e::tracuu({"extract", "-"}, text);
  REQUIRE(run.code == 0);
  const auto lines = e2e::json_lines(run.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["path"] == "-");
  const json* ct = find_by(lines[0]["refs"], "id", "09-CT/TW");
  REQUIRE(ct);
  for (const auto& m : (*ct)["mentions"]) {
    const auto start = m["start"].get<std::size_t>(), end = m["end"].get<std::size_t>();
    REQUIRE(end <= text.size());
    CHECK(text.substr(start, end - start) == m["text"].get<std::string>());
  }
}

TEST_CASE("extract: HTML gives the <title>, body text without script or navigation") {
  const auto run = e2e::tracuu({"extract", "--format", "jsonl", fixture("hoi-nghi-ha-noi.html").string()});
  REQUIRE(run.code == 0);
  const auto lines = e2e::json_lines(run.out);
  REQUIRE(lines.size() == 1);
  const json& a = lines[0];
  CHECK(a["title"] == "Hà Nội triển khai Nghị quyết số 28-NQ/TW về bảo vệ Tổ quốc");
  CHECK(a["published"] == "2024-03-15");
  const json* nq = find_by(a["refs"], "id", "28-NQ/TW");
  REQUIRE(nq);
  CHECK((*nq)["kind"] == "nghi-quyet");
  CHECK((*nq)["issued"] == "2013-10-25");
  CHECK((*nq)["subject"] == "Chiến lược bảo vệ Tổ quốc trong tình hình mới");
  CHECK(find_by(a["officials"], "name", "Lê Hoàng Phúc"));
}

TEST_CASE("extract: text format is for people, invalid UTF-8 warns, a missing file is skipped") {
  const auto text = e2e::tracuu({"extract", "--format", "text", fixture("dak-lak-chi-thi-09.txt").string()});
  REQUIRE(text.code == 0);
  CHECK(text.out.find("published:  2023-10-18") != std::string::npos);
  CHECK(text.out.find("09-CT/TW") != std::string::npos);

  const auto two = e2e::tracuu({"extract", "-"}, "Tin ngắn\n\nNội dung của bài.\n\nĐỗ Hà – Sao Mai\n");
  REQUIRE(two.code == 0);
  CHECK(e2e::json_lines(two.out).at(0)["authors"] == json::array({"Đỗ Hà", "Sao Mai"}));

  const auto bad = e2e::tracuu({"extract", "-"}, "B\xe1\xbb\x99 C\xc3\xb4ng an \xff\xfe t\xe1\xbb\x95 ch\xe1\xbb\xa9\x63\n");
  REQUIRE(bad.code == 0);
  const auto lines = e2e::json_lines(bad.out);
  REQUIRE(lines.size() == 1);
  REQUIRE(lines[0]["warnings"].size() == 1);
  CHECK(lines[0]["warnings"][0].get<std::string>().find("U+FFFD") != std::string::npos);
  CHECK(bad.err.find("U+FFFD") != std::string::npos);

  e2e::TempDir dir;
  const auto missing = e2e::tracuu({"extract", (dir / "nope.txt").string()});
  CHECK(missing.code == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err.find("tracuu: skipped") == 0);
}
