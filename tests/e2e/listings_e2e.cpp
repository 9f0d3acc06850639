// End-to-end: `show`, `stats`, `refs` and `officials` on the sample articles, in text,
// json and jsonl; and the seed articles' acceptance checks (CI only, skipped when absent).
#include <doctest/doctest.h>

#include <set>

#include "harness.h"

using nlohmann::json;

namespace {

struct Samples {
  e2e::TempDir dir;
  std::string db;
  Samples() {
    db = (dir / "db").string();
    REQUIRE(e2e::tracuu({"ingest", "--db", db, "--quiet", (e2e::source_dir() / "data/samples").string()}).code == 0);
  }
  json run(const std::vector<std::string>& args) {
    std::vector<std::string> full = args;
    full.insert(full.begin() + 1, {"--db", db});
    const auto r = e2e::tracuu(full);
    INFO("stderr: " << r.err);
    REQUIRE(r.code == 0);
    return json::parse(r.out);
  }
};

}  // namespace

TEST_CASE("listings: stats counts documents, dates, sources and years") {
  Samples s;
  const json stats = s.run({"stats", "--format", "json"});
  CHECK(stats["documents"] == 14);
  CHECK(stats["first"] == "2012-04-20");
  CHECK(stats["last"] == "2025-08-19");
  CHECK(stats["years"].size() == 14);
  CHECK(stats["bytes"].get<std::size_t>() > 0);
  CHECK(stats["terms"].get<std::size_t>() > 1000);
  const auto line = e2e::tracuu({"stats", "--db", s.db, "--format", "jsonl"});
  REQUIRE(e2e::json_lines(line.out).size() == 1);
  CHECK(e2e::json_lines(line.out)[0]["documents"] == 14);
  const auto text = e2e::tracuu({"stats", "--db", s.db});
  CHECK(text.out.find("documents:  14") != std::string::npos);
  CHECK(text.out.find("█") != std::string::npos);
}

TEST_CASE("listings: refs and officials aggregate across articles") {
  Samples s;
  const json refs = s.run({"refs", "--format", "json"});
  const json* ct09 = nullptr;
  for (const auto& r : refs)
    if (r["id"] == "09-CT/TW") ct09 = &r;
  REQUIRE(ct09);
  CHECK((*ct09)["kind"] == "chi-thi");
  CHECK((*ct09)["articles"].get<int>() >= 2);
  CHECK((*ct09)["first_cited"] == "2012-04-20");

  const auto jsonl = e2e::tracuu({"officials", "--db", s.db, "--format", "jsonl"});
  REQUIRE(jsonl.code == 0);
  const auto officials = e2e::json_lines(jsonl.out);
  const json* khai = nullptr;
  for (const auto& o : officials)
    if (o["name"] == "Nguyễn Văn Khải") khai = &o;
  REQUIRE(khai);
  CHECK((*khai)["articles"] == 2);
  CHECK((*khai)["first_seen"] == "2019-05-22");
  CHECK((*khai)["last_seen"] == "2025-08-19");
  CHECK((*khai)["titles"].size() >= 2);
}

TEST_CASE("listings: show by docid and by path, with and without text") {
  Samples s;
  const auto sample = e2e::source_dir() / "data/samples/07-quang-tri-quan-triet-quy-dinh-08.txt";
  const json by_path = s.run({"show", "--format", "json", sample.string()});
  CHECK(by_path["path"] == std::filesystem::absolute(sample).string());
  CHECK(!by_path.contains("text"));
  const json with_text = s.run({"show", "--format", "json", "--text", sample.string()});
  CHECK(with_text["text"].get<std::string>().find("08-QĐi/TW") != std::string::npos);

  const json hit = s.run({"search", "--format", "json", "ref:08-qdi/tw"});
  REQUIRE(hit["results"].size() == 1);
  const json by_id = s.run({"show", "--format", "json", std::to_string(hit["results"][0]["docid"].get<int>())});
  CHECK(by_id["path"] == by_path["path"]);

  const auto missing = e2e::tracuu({"show", "--db", s.db, "99999"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("no article 99999") != std::string::npos);
}

TEST_CASE("seeds: fields, synonyms and listings on the real articles") {
  e2e::TempDir dir;
  const std::string db = e2e::seeds_index(dir);
  if (db.empty()) return;
  auto count = [&](const std::string& q) {
    const auto r = e2e::tracuu({"search", "--db", db, "--format", "jsonl", "--limit", "100", q});
    REQUIRE(r.code == 0);
    return e2e::json_lines(r.out).size();
  };
  CHECK(count("ref:9-ct/tw") == 2);
  CHECK(count("official:\"Tô Lâm\"") == 3);
  CHECK(count("\"an ninh Tổ quốc\" NOT ANTQ") < count("ANTQ"));
  CHECK(count("year:2019") == 1);
  CHECK(count("date:2022-01-01..2022-12-31") == 1);
  CHECK(count("\"Liên kết website\"") == 0);  // page furniture is not indexed
  CHECK(count("\"Thống kê truy cập\"") == 0);

  const auto refs = e2e::tracuu({"refs", "--db", db, "--format", "jsonl"});
  std::set<std::string> ids;
  for (const auto& r : e2e::json_lines(refs.out)) ids.insert(r["id"].get<std::string>());
  for (const char* id : {"09-CT/TW", "28-NQ/TW", "44-KL/TW"}) CHECK_MESSAGE(ids.count(id) == 1, id);

  const auto officials = e2e::tracuu({"officials", "--db", db, "--format", "jsonl"});
  bool to_lam_minister = false;
  for (const auto& o : e2e::json_lines(officials.out))
    if (o["name"] == "Tô Lâm")
      for (const auto& t : o["titles"]) to_lam_minister |= t["title"] == "Bộ trưởng Bộ Công an";
  CHECK(to_lam_minister);
}
