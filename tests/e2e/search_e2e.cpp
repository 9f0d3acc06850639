// End-to-end: `tracuu search` matches with or without diacritics, in any case, in NFC
// or NFD, in either tone-mark style; phrases and AND/OR/NOT; text, json and jsonl
// output; exit codes and messages for a missing index and a malformed query.
#include <doctest/doctest.h>

#include <set>

#include "harness.h"

using nlohmann::json;

namespace {

// A small corpus where each file tests one way of writing the same words.
struct Corpus {
  e2e::TempDir dir;
  std::string db;
  Corpus() {
    e2e::write_file(dir / "c/accented.txt", "Bộ Công an tổ chức hội nghị\n\nHội nghị bàn về an ninh trật tự. Bộ Công an chủ trì.\n");
    e2e::write_file(dir / "c/upper.txt", "BỘ CÔNG AN KHEN THƯỞNG\n\nBỘ CÔNG AN khen thưởng nhiều tập thể.\n");
    // "Bộ Công an ký kết" in decomposed Unicode (NFD), as some editors save it.
    e2e::write_file(dir / "c/nfd.txt", "Bo\xcc\xa3\xcc\x82 Co\xcc\x82ng an ky\xcc\x81 ke\xcc\x82\xcc\x81t\n\nBo\xcc\xa3\xcc\x82 Co\xcc\x82ng an ky\xcc\x81 va\xcc\x86n ba\xcc\x89n.\n");
    e2e::write_file(dir / "c/army.txt", "Bộ Quốc phòng tập huấn\n\nĐơn vị tổ chức tập huấn.\n");
    e2e::write_file(dir / "c/old-style.txt", "Uỷ ban hoà bình\n\nSức khoẻ và thuỷ lợi.\n");
    e2e::write_file(dir / "c/new-style.txt", "Ủy ban hòa bình\n\nSức khỏe và thủy lợi.\n");
    e2e::write_file(dir / "c/duong.txt", "Con đường mới\n\nĐường giao thông nông thôn.\n");
    db = (dir / "db").string();
    REQUIRE(e2e::tracuu({"ingest", "--db", db, "--quiet", (dir / "c").string()}).code == 0);
  }

  std::set<std::string> files(const std::string& query) {
    const auto run = e2e::tracuu({"search", "--db", db, "--format", "json", "--limit", "100", query});
    INFO("query: " << query << "\nstderr: " << run.err);
    REQUIRE(run.code == 0);
    std::set<std::string> out;
    const json result = json::parse(run.out);
    for (const auto& r : result["results"])
      out.insert(std::filesystem::path(r["path"].get<std::string>()).filename().string());
    return out;
  }
};

using Files = std::set<std::string>;

}  // namespace

TEST_CASE("search: diacritics, case, NFD and tone style do not matter for matching") {
  Corpus c;
  const Files bca{"accented.txt", "nfd.txt", "upper.txt"};
  CHECK(c.files("bo cong an") == bca);
  CHECK(c.files("Bộ Công an") == bca);
  CHECK(c.files("BỘ CÔNG AN") == bca);
  CHECK(c.files("Bo\xcc\xa3\xcc\x82 Co\xcc\x82ng an") == bca);  // an NFD query
  const Files peace{"new-style.txt", "old-style.txt"};
  CHECK(c.files("Uỷ ban hoà bình") == peace);
  CHECK(c.files("ủy ban hòa bình") == peace);
  CHECK(c.files("thuỷ lợi") == peace);
  CHECK(c.files("khoe") == peace);
  CHECK(c.files("duong") == Files{"duong.txt"});  // đ folds to d
  CHECK(c.files("ĐƯỜNG") == Files{"duong.txt"});
}

// ICU is opened only when a call needs it (lib/text/icu.h): a query in NFC runs on the
// tables built in at compile time, a decomposed one is normalised by ICU, loaded then.
// The dynamic loader's own log (glibc's LD_DEBUG) tells which libraries a run opened.
TEST_CASE("search: an NFC query runs without ICU; a decomposed one loads it and matches the same") {
  Corpus c;
  const auto opened_icu = [&](const std::string& query) {
    const auto run = e2e::tracuu({"search", "--db", c.db, "--format", "json", query}, {}, {"LD_DEBUG=files"});
    INFO("query: " << query);
    REQUIRE(run.code == 0);
    CHECK(json::parse(run.out)["results"].size() == 3);
    return run.err.find("libicuuc") != std::string::npos;
  };
  CHECK_FALSE(opened_icu("Bộ Công an"));
  CHECK_FALSE(opened_icu("bo cong an"));
  CHECK(opened_icu("Bo\xcc\xa3\xcc\x82 Co\xcc\x82ng an"));

  // Bullets and box drawing glued to words (U+25A0, U+25BA, U+2714) are in the case
  // tables: a snippet cut around them does not need ICU either.
  e2e::TempDir dir;
  e2e::write_file(dir / "c/bullets.txt", "Tin vắn\n\n■Bộ Công an họp ►Sáng nay ✔Đã xong\n");
  const std::string db = (dir / "db").string();
  REQUIRE(e2e::tracuu({"ingest", "--db", db, "--quiet", (dir / "c").string()}).code == 0);
  const auto run = e2e::tracuu({"search", "--db", db, "--format", "json", "cong an"}, {}, {"LD_DEBUG=files"});
  REQUIRE(run.code == 0);
  const json hits = json::parse(run.out)["results"];
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["snippet"] == "Bộ Công an họp ►Sáng nay ✔Đã xong");
  CHECK(hits[0]["highlights"].size() == 2);
  CHECK(run.err.find("libicuuc") == std::string::npos);
}

TEST_CASE("search: phrases and boolean operators") {
  Corpus c;
  CHECK(c.files("\"cong an\"") == Files{"accented.txt", "nfd.txt", "upper.txt"});
  CHECK(c.files("\"an cong\"").empty());
  CHECK(c.files("\"hội nghị bàn\"") == Files{"accented.txt"});
  CHECK(c.files("bo AND quoc") == Files{"army.txt"});
  CHECK(c.files("khen OR huan") == Files{"army.txt", "upper.txt"});
  CHECK(c.files("bo NOT quoc") == Files{"accented.txt", "nfd.txt", "upper.txt"});
  CHECK(c.files("bo -cong") == Files{"army.txt"});
}

TEST_CASE("search: JSON carries the contract's keys; jsonl is one hit per line; text is for people") {
  Corpus c;
  const auto run = e2e::tracuu({"search", "--db", c.db, "--format", "json", "bo cong an"});
  REQUIRE(run.code == 0);
  const json r = json::parse(run.out);
  for (const char* key : {"query", "parsed", "total_estimate", "offset", "limit", "suggestion", "results"})
    CHECK_MESSAGE(r.contains(key), key);
  CHECK(r["query"] == "bo cong an");
  CHECK(r["total_estimate"] == 3);
  REQUIRE(r["results"].size() == 3);
  const json& hit = r["results"][0];
  for (const char* key : {"rank", "docid", "score", "percent", "path", "title", "published", "snippet", "refs",
                          "officials", "highlights"})
    CHECK_MESSAGE(hit.contains(key), key);
  CHECK(hit["rank"] == 1);
  // Snippets are plain text cut from the body (the headline is shown apart); highlights
  // are byte ranges of matched words, folded matches included.
  std::size_t highlighted = 0;
  for (const auto& each : r["results"]) {
    const std::string snippet = each["snippet"];
    CHECK(snippet.find('<') == std::string::npos);
    for (const auto& h : each["highlights"]) {
      const auto start = h[0].get<std::size_t>(), end = h[1].get<std::size_t>();
      REQUIRE(end <= snippet.size());
      const std::string word = snippet.substr(start, end - start);
      const std::set<std::string> forms{"Bộ", "BỘ", "Công", "CÔNG", "an", "AN"};
      CHECK_MESSAGE(forms.count(word) == 1, word);
      ++highlighted;
    }
  }
  CHECK(highlighted >= 9);  // three words in each of the three bodies

  const auto jsonl = e2e::tracuu({"search", "--db", c.db, "--format", "jsonl", "--limit", "2", "bo cong an"});
  REQUIRE(jsonl.code == 0);
  const auto lines = e2e::json_lines(jsonl.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1]["rank"] == 2);

  const auto offset = e2e::tracuu({"search", "--db", c.db, "--format", "jsonl", "--offset", "2", "bo cong an"});
  REQUIRE(e2e::json_lines(offset.out).size() == 1);
  CHECK(e2e::json_lines(offset.out)[0]["rank"] == 3);

  const auto text = e2e::tracuu({"search", "--db", c.db, "bo cong an"});
  REQUIRE(text.code == 0);
  CHECK(text.out.find("1. ") == 0);
  CHECK(text.out.find("\x1b[") == std::string::npos);  // no colour when not a terminal
  // Every match was counted, so the count is given as it is, not as an estimate.
  CHECK(text.out.find("Results 1–3 of 3 matching articles.\n") != std::string::npos);

  const auto none = e2e::tracuu({"search", "--db", c.db, "--format", "json", "tàu vũ trụ"});
  CHECK(none.code == 0);
  CHECK(json::parse(none.out)["results"].empty());
}

TEST_CASE("search: a missing index is exit 2 with a hint; a malformed query is exit 1") {
  e2e::TempDir dir;
  const auto missing = e2e::tracuu({"search", "--db", (dir / "nowhere").string(), "bo cong an"});
  CHECK(missing.code == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err.find("tracuu: no index at") == 0);
  CHECK(missing.err.find("tracuu ingest") != std::string::npos);

  Corpus c;
  const auto bad = e2e::tracuu({"search", "--db", c.db, "date:2020-13-45..abc"});
  CHECK(bad.code == 1);
  CHECK(bad.out.empty());
  CHECK(bad.err.find("tracuu: ") == 0);

  // A date no calendar has, or a range that starts after it ends, is said so (Xapian
  // matched nothing for either, without a word).
  const auto month13 = e2e::tracuu({"search", "--db", c.db, "an ninh date:2024-13-01..2024-12-31"});
  CHECK(month13.code == 1);
  CHECK(month13.err.find("2024-13-01 is no date of the calendar") != std::string::npos);
  const auto reversed = e2e::tracuu({"search", "--db", c.db, "an ninh date:2025-01-01..2024-01-01"});
  CHECK(reversed.code == 1);
  CHECK(reversed.err.find("starts (2025-01-01) after it ends (2024-01-01)") != std::string::npos);
  const auto from_after_to = e2e::tracuu({"search", "--db", c.db, "--from", "2025-01", "--to", "2024", "an ninh"});
  CHECK(from_after_to.code == 1);
  CHECK(from_after_to.err.find("tracuu: bad dates in --from/--to") == 0);
  const auto leap = e2e::tracuu({"search", "--db", c.db, "--from", "2023-02-29", "an ninh"});
  CHECK(leap.code == 1);
  CHECK(leap.err.find("2023-02-29 is no date of the calendar") != std::string::npos);
  CHECK(e2e::tracuu({"search", "--db", c.db, "an ninh date:2024-02-29..2024-03-01"}).code == 0);

  const auto empty = e2e::tracuu({"search", "--db", c.db, "   "});
  CHECK(empty.code == 1);

  const auto usage = e2e::tracuu({"search", "--db", c.db, "--sort", "sideways", "x"});
  CHECK(usage.code == 1);
}

TEST_CASE("search: the snippet leaves out the headline, also after a dateline") {
  e2e::TempDir dir;
  // A dateline and the headline, as pages print them, then the body.
  e2e::write_file(dir / "c/dateline.txt",
                  "Thứ Ba, 01/02/2017\n\nCông an huyện ra quân tuần tra ban đêm\n\n2017-02-01\n\n"
                  "Tối 1/2, Công an huyện tổ chức lễ ra quân tuần tra, kiểm soát ban đêm trên các tuyến đường.\n");
  const std::string db = (dir / "db").string();
  REQUIRE(e2e::tracuu({"ingest", "--db", db, "--quiet", (dir / "c").string()}).code == 0);
  const auto run = e2e::tracuu({"search", "--db", db, "--format", "json", "tuần tra"});
  REQUIRE(run.code == 0);
  const json r = json::parse(run.out);
  REQUIRE(r["results"].size() == 1);
  CHECK(r["results"][0]["title"] == "Công an huyện ra quân tuần tra ban đêm");
  const std::string snippet = r["results"][0]["snippet"];
  CHECK(snippet.find("ra quân tuần tra ban đêm") == std::string::npos);  // the headline, shown above
  CHECK(snippet.find("kiểm soát ban đêm") != std::string::npos);          // the body
}
