// End-to-end on the sample articles in data/samples (the demo corpus) and, when the
// checkout sits beside the shared seed articles, on those real articles too (CI only;
// skipped cleanly when they are absent).
#include <doctest/doctest.h>

#include <set>

#include "harness.h"

using nlohmann::json;

namespace {

std::set<std::string> titles_for(const std::string& db, const std::string& query) {
  const auto run = e2e::tracuu({"search", "--db", db, "--format", "json", "--limit", "1000", query});
  REQUIRE(run.code == 0);
  std::set<std::string> out;
  const json result = json::parse(run.out);
  for (const auto& r : result["results"]) out.insert(r["path"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("samples: metadata matches the hand-made expectations; folded and accented queries agree") {
  const auto samples = e2e::source_dir() / "data/samples";
  const auto expected_file = e2e::source_dir() / "tests/fixtures/samples_expected.json";
  REQUIRE(std::filesystem::exists(expected_file));
  const json expected = json::parse(e2e::read_file(expected_file));
  REQUIRE(expected.size() >= 12);

  e2e::TempDir dir;
  const std::string db = (dir / "db").string();
  const auto ingest = e2e::tracuu({"ingest", "--db", db, "--format", "json", samples.string()});
  REQUIRE(ingest.code == 0);
  CHECK(json::parse(ingest.out)["added"] == expected.size());

  std::set<std::string> bca_expected;
  for (const auto& [name, gold] : expected.items()) {
    const auto run = e2e::tracuu({"extract", (samples / name).string()});
    REQUIRE(run.code == 0);
    const json a = e2e::json_lines(run.out).at(0);
    INFO("sample: " << name);
    CHECK(a["title"] == gold["title"]);
    CHECK(a["published"] == gold["published"]);
    if (gold["mentions_bo_cong_an"] == true) bca_expected.insert(std::filesystem::absolute(samples / name).string());
  }

  const auto folded = titles_for(db, "bo cong an");
  CHECK(folded == titles_for(db, "Bộ Công an"));
  CHECK(folded == titles_for(db, "BỘ CÔNG AN"));
  CHECK(folded == bca_expected);
}

TEST_CASE("seeds: the real articles are found by folded and accented queries alike") {
  e2e::TempDir dir;
  const std::string db = e2e::seeds_index(dir);
  if (db.empty()) return;
  const auto folded = titles_for(db, "bo cong an");
  CHECK(folded == titles_for(db, "Bộ Công an"));
  CHECK(folded.size() >= 4);
  CHECK(folded.size() <= 5);
  CHECK(titles_for(db, "\"Uỷ viên Bộ Chính trị\"") == titles_for(db, "\"Ủy viên Bộ Chính trị\""));
}
