// End-to-end: `tracuu ingest` builds an index from a folder, skips bad files with a
// reason without stopping, replaces instead of doubling on re-runs, and finds the
// default index through TRACUU_DB and XDG_DATA_HOME.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "harness.h"

using nlohmann::json;

namespace {

json summary(const e2e::Run& run) {
  REQUIRE(run.code == 0);
  const auto lines = e2e::json_lines(run.out);
  REQUIRE(lines.size() == 1);
  return lines[0];
}

std::size_t hits(const std::string& db, const std::string& query) {
  const auto run = e2e::tracuu({"search", "--db", db, "--format", "json", "--limit", "1000", query});
  REQUIRE(run.code == 0);
  return json::parse(run.out)["results"].size();
}

void make_corpus(const e2e::TempDir& dir) {
  e2e::write_file(dir / "corpus/a.txt", "Bộ Công an tổ chức hội nghị\n\nNgày 14/4/2022, tại Hà Nội, hội nghị diễn ra.\n");
  e2e::write_file(dir / "corpus/sub/b.html",
                  "<html><head><title>Công an tỉnh Ninh Bình</title></head><body><p>Hội nghị ở Ninh Bình.</p></body></html>");
  e2e::write_file(dir / "corpus/sub/c.htm", "<p>Tin ngắn về an ninh trật tự</p>");
  e2e::write_file(dir / "corpus/notes.md", "not an article: wrong extension");
  e2e::write_file(dir / "corpus/empty.txt", "");
  e2e::write_file(dir / "corpus/binary.txt", std::string("PK\x03\x04\0\0\0\x08binary", 14));
  e2e::write_file(dir / "corpus/latin.txt", "Ho\xe0 b\xecnh \xff v\xe0 ph\xe1t tri\xean\n");  // not UTF-8
}

}  // namespace

TEST_CASE("ingest: bad files are skipped with a reason, good ones indexed, re-runs never double") {
  e2e::TempDir dir;
  make_corpus(dir);
  const std::string db = (dir / "db").string();

  const auto first = e2e::tracuu({"ingest", "--db", db, "--format", "json", (dir / "corpus").string()});
  const json s1 = summary(first);
  CHECK(s1["seen"] == 6);  // notes.md is not an article file
  CHECK(s1["added"] == 4);
  CHECK(s1["skipped"] == 2);
  CHECK(s1["updated"] == 0);
  CHECK(s1["warnings"] == 1);  // latin.txt
  CHECK(first.err.find("empty.txt: empty file") != std::string::npos);
  CHECK(first.err.find("binary.txt: not text") != std::string::npos);
  // Not UTF-8: indexed all the same, with one warning saying how it was read.
  CHECK(first.err.find("warning: ") != std::string::npos);
  CHECK(first.err.find("latin.txt: ") != std::string::npos);
  // The first run wrote the whole index, so it was compacted: no leftovers beside it.
  CHECK(s1["compacted"] == true);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    CHECK_MESSAGE(entry.path().filename().string().rfind("db.", 0) != 0, entry.path().string());

  CHECK(hits(db, "hoi nghi") == 2);
  CHECK(hits(db, "ninh binh") == 1);

  // Unchanged files are not read again.
  const json s2 = summary(e2e::tracuu({"ingest", "--db", db, "--format", "json", (dir / "corpus").string()}));
  CHECK(s2["unchanged"] == 4);
  CHECK(s2["added"] == 0);
  CHECK(s2["compacted"] == false);

  // A changed file replaces its document.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  e2e::write_file(dir / "corpus/a.txt", "Bộ Công an tổ chức hội thảo\n\nNgày 15/4/2022, hội thảo diễn ra.\n");
  const json s3 = summary(e2e::tracuu({"ingest", "--db", db, "--format", "json", (dir / "corpus").string()}));
  CHECK(s3["updated"] == 1);
  CHECK(s3["unchanged"] == 3);
  CHECK(s3["compacted"] == false);  // one article of four: not worth rewriting the index
  CHECK(hits(db, "hoi nghi") == 1);
  CHECK(hits(db, "hoi thao") == 1);

  // --force re-reads everything and still keeps one document per file.
  const json s4 =
      summary(e2e::tracuu({"ingest", "--db", db, "--format", "json", "--force", (dir / "corpus").string()}));
  CHECK(s4["updated"] == 4);
  CHECK(s4["compacted"] == true);
  const json s5 = summary(e2e::tracuu(
      {"ingest", "--db", db, "--format", "json", "--force", "--no-compact", (dir / "corpus").string()}));
  CHECK(s5["compacted"] == false);
  CHECK(hits(db, "cong an OR hoi OR tin") == 3);

  // --strict turns skips into exit 3; the text summary names the counts.
  const auto strict = e2e::tracuu({"ingest", "--db", db, "--strict", (dir / "corpus").string()});
  CHECK(strict.code == 3);
  CHECK(strict.out.find("4 unchanged, 0 removed, 2 skipped") != std::string::npos);
}

TEST_CASE("ingest: the default index is $TRACUU_DB, else $XDG_DATA_HOME/tracuu/index") {
  e2e::TempDir dir;
  e2e::write_file(dir / "corpus/a.txt", "Đường Hồ Chí Minh\n\nBài viết về con đường lịch sử.\n");
  const std::string xdg = "XDG_DATA_HOME=" + (dir / "xdg").string();
  const std::string tdb = "TRACUU_DB=" + (dir / "env-db").string();

  REQUIRE(e2e::tracuu({"ingest", (dir / "corpus").string()}, {}, {xdg, "TRACUU_DB="}).code == 0);
  CHECK(std::filesystem::exists(dir / "xdg/tracuu/index"));
  const auto found = e2e::tracuu({"search", "--format", "jsonl", "duong"}, {}, {xdg, "TRACUU_DB="});
  CHECK(e2e::json_lines(found.out).size() == 1);

  REQUIRE(e2e::tracuu({"ingest", (dir / "corpus").string()}, {}, {tdb}).code == 0);
  CHECK(std::filesystem::exists(dir / "env-db"));
}

TEST_CASE("ingest: a path that does not exist is an error; one missing root among good ones is a skip") {
  e2e::TempDir dir;
  e2e::write_file(dir / "corpus/a.txt", "Tin ngắn\n\nNội dung.\n");
  const std::string db = (dir / "db").string();
  const auto none = e2e::tracuu({"ingest", "--db", db, (dir / "missing").string()});
  CHECK(none.code == 2);
  CHECK(none.err.find("tracuu: ") == 0);

  const auto some = e2e::tracuu({"ingest", "--db", db, (dir / "missing").string(), (dir / "corpus").string()});
  CHECK(some.code == 0);
  CHECK(some.err.find("no such file or directory") != std::string::npos);
  CHECK(some.out.find("1 added") != std::string::npos);
}
