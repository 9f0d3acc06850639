// End-to-end: an ingest that reads hundreds of files stores a compression dictionary in
// the index (and in every shard), and a new process finds it there: searches show the
// articles' snippets, `show` their records and text, exactly as from an index without
// one; a later run adds articles compressed with the same dictionary.
#include <doctest/doctest.h>

#include <xapian.h>

#include <algorithm>
#include <string>

#include "harness.h"

using nlohmann::json;

namespace {

const char* const kPlaces[] = {"Hà Nội", "Đắk Lắk", "Cà Mau", "Ninh Bình", "Lạng Sơn", "Thừa Thiên Huế", "Đà Nẵng"};
const char* const kEvents[] = {"tổ chức hội nghị quán triệt Chỉ thị số 09-CT/TW của Ban Bí thư",
                               "sơ kết công tác bảo đảm an ninh trật tự 6 tháng đầu năm",
                               "triển khai kế hoạch phòng, chống tội phạm trên địa bàn",
                               "tuyên truyền Luật Giao thông đường bộ cho học sinh",
                               "trao Huy hiệu 40 năm tuổi Đảng cho đảng viên"};

std::string article(unsigned n) {
  std::string text = "Công an " + std::string(kPlaces[n % 7]) + " " + kEvents[n % 5] + "\n\n";
  for (unsigned k = 0; k < 3 + n % 4; ++k)
    text += "Ngày " + std::to_string(1 + (n + k) % 28) + "/" + std::to_string(1 + k % 12) + "/2023, Công an " +
            kPlaces[(n + 3 * k) % 7] + " " + kEvents[(n + k) % 5] + ". ";
  if (n == 123) text += "Đồng chí Vũ Văn Khiêm phát biểu chỉ đạo tại hội nghị.";
  return text + "\n";
}

// `count` articles in folders by ten.
void write_corpus(const e2e::TempDir& dir, const std::string& name, unsigned from, unsigned count) {
  for (unsigned n = from; n < from + count; ++n)
    e2e::write_file(dir / (name + "/" + std::to_string(n / 10) + "/bai-" + std::to_string(n) + ".txt"), article(n));
}

std::size_t dictionaries(const std::string& db) {
  const std::string ids = Xapian::Database(db).get_metadata("tracuu:zdicts");
  return ids.empty() ? 0 : 1 + static_cast<std::size_t>(std::count(ids.begin(), ids.end(), ' '));
}

json search(const std::string& db, const std::string& query) {
  const auto run = e2e::tracuu({"search", "--db", db, "--format", "json", query});
  REQUIRE(run.code == 0);
  return json::parse(run.out);
}

json show(const std::string& db, const std::string& path) {
  const auto run = e2e::tracuu({"show", "--db", db, "--format", "json", "--text", path});
  REQUIRE(run.code == 0);
  return json::parse(run.out);
}

}  // namespace

TEST_CASE("dictionary: a run of 520 files stores one, and articles read back as without it") {
  e2e::TempDir dir;
  write_corpus(dir, "corpus", 0, 520);
  const std::string with = (dir / "with").string(), without = (dir / "without").string();
  REQUIRE(e2e::tracuu({"ingest", "--db", with, (dir / "corpus").string()}).code == 0);
  CHECK(dictionaries(with) == 1);
  // The same articles in an index of fewer files than a dictionary is trained from: the
  // one article the query below finds reads the same from both.
  write_corpus(dir, "few", 100, 30);
  REQUIRE(e2e::tracuu({"ingest", "--db", without, (dir / "few").string()}).code == 0);
  CHECK(dictionaries(without) == 0);

  const json a = search(with, "Vũ Văn Khiêm"), b = search(without, "Vũ Văn Khiêm");
  REQUIRE(a["results"].size() == 1);
  REQUIRE(b["results"].size() == 1);
  CHECK(a["results"][0]["title"] == b["results"][0]["title"]);
  CHECK(a["results"][0]["snippet"] == b["results"][0]["snippet"]);
  CHECK(a["results"][0]["snippet"].get<std::string>().find("Vũ Văn Khiêm") != std::string::npos);
  const json shown_a = show(with, a["results"][0]["path"]), shown_b = show(without, b["results"][0]["path"]);
  CHECK(shown_a["text"] == shown_b["text"]);
  CHECK(shown_a["title"] == shown_b["title"]);
  CHECK(shown_a["text"].get<std::string>().find("Vũ Văn Khiêm") != std::string::npos);

  // Every article of the index reads: a broad query's hits all have snippets.
  const json broad = search(with, "công an");
  CHECK(broad["total_estimate"] == 520);
  for (const auto& hit : broad["results"]) CHECK(!hit["snippet"].get<std::string>().empty());

  // A later run compresses what it adds with the dictionary stored, and trains no other.
  write_corpus(dir, "more", 600, 20);
  REQUIRE(e2e::tracuu({"ingest", "--db", with, (dir / "more").string()}).code == 0);
  CHECK(dictionaries(with) == 1);
  const json after = search(with, "công an");
  CHECK(after["total_estimate"] == 540);
  for (const auto& hit : after["results"]) CHECK(!hit["snippet"].get<std::string>().empty());
  const json added = show(with, (dir / "more/60/bai-605.txt").string());
  CHECK(added["text"].get<std::string>().find("Công an") == 0);
}

TEST_CASE("dictionary: every shard of a sharded index holds the run's, and a search reads them all") {
  e2e::TempDir dir;
  write_corpus(dir, "corpus", 0, 520);
  const std::string db = (dir / "sharded").string();
  REQUIRE(e2e::tracuu({"ingest", "--db", db, "--shards", "2", (dir / "corpus").string()}).code == 0);
  CHECK(dictionaries((dir / "sharded/shard-00").string()) == 1);
  CHECK(dictionaries((dir / "sharded/shard-01").string()) == 1);
  const json hits = search(db, "công an");
  CHECK(hits["total_estimate"] == 520);
  for (const auto& hit : hits["results"]) CHECK(!hit["snippet"].get<std::string>().empty());
  CHECK(search(db, "Vũ Văn Khiêm")["results"].size() == 1);
}

TEST_CASE("dictionary: a stub over two indexes, each with its own, reads the articles of both") {
  e2e::TempDir dir;
  write_corpus(dir, "a", 0, 520);
  write_corpus(dir, "b", 2000, 520);
  const std::string a = (dir / "index-a").string(), b = (dir / "index-b").string();
  REQUIRE(e2e::tracuu({"ingest", "--db", a, (dir / "a").string()}).code == 0);
  REQUIRE(e2e::tracuu({"ingest", "--db", b, (dir / "b").string()}).code == 0);
  REQUIRE(dictionaries(a) == 1);
  REQUIRE(dictionaries(b) == 1);
  CHECK(Xapian::Database(a).get_metadata("tracuu:zdicts") != Xapian::Database(b).get_metadata("tracuu:zdicts"));
  const std::string stub = (dir / "both.stub").string();
  e2e::write_file(stub, "auto " + a + "\nauto " + b + "\n");
  const json hits = search(stub, "công an");
  CHECK(hits["total_estimate"] == 1040);
  REQUIRE(hits["results"].size() == 10);
  for (const auto& hit : hits["results"]) CHECK(!hit["snippet"].get<std::string>().empty());
  // Every article, of either index, with its snippet.
  const auto run = e2e::tracuu({"search", "--db", stub, "--format", "json", "--limit", "1040", "công an"});
  REQUIRE(run.code == 0);
  std::size_t from_b = 0;
  const json all = json::parse(run.out)["results"];
  CHECK(all.size() == 1040);
  for (const auto& hit : all) {
    CHECK(!hit["snippet"].get<std::string>().empty());
    if (hit["path"].get<std::string>().find("/b/") != std::string::npos) ++from_b;
  }
  CHECK(from_b == 520);
}
