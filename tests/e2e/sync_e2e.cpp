// End-to-end: ingest keeps the index in step with the folders and is safe to interrupt:
// --prune (and when it must not prune), remembered failures, touched files, .jsonl
// crawl dumps, UTF-16 files, the same index whatever --jobs, kill -9 at any moment, and
// a second writer getting the lock message while searches still answer.
#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include <xapian.h>

#include "harness.h"

using nlohmann::json;

namespace {

json ingest(const std::string& db, std::vector<std::string> extra) {
  std::vector<std::string> args{"ingest", "--db", db, "--format", "json", "--quiet"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = e2e::tracuu(args);
  INFO("stderr: " << r.err);
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

std::size_t count(const std::string& db, const std::string& query) {
  const auto r = e2e::tracuu({"search", "--db", db, "--format", "jsonl", "--limit", "100000", query});
  REQUIRE(r.code == 0);
  return e2e::json_lines(r.out).size();
}

std::string article(int i) {
  return "Thứ Hai, " + std::to_string(1 + i % 28) + "/0" + std::to_string(1 + i % 9) +
         "/2020\n\nBài số " + std::to_string(i) + " về an ninh trật tự\n\nCông an tỉnh tổ chức hội nghị lần thứ " +
         std::to_string(i) + " triển khai Chỉ thị số 09-CT/TW về phong trào toàn dân bảo vệ an ninh Tổ quốc.\n";
}

}  // namespace

TEST_CASE("sync: --prune removes what is gone, but never for a missing or empty root") {
  e2e::TempDir dir;
  const std::string db = (dir / "db").string();
  for (int i = 0; i < 5; ++i) e2e::write_file(dir / ("a/" + std::to_string(i) + ".txt"), article(i));
  e2e::write_file(dir / "b/x.txt", article(100));
  CHECK(ingest(db, {(dir / "a").string(), (dir / "b").string()})["added"] == 6);

  std::filesystem::remove(dir / "a/0.txt");
  CHECK(ingest(db, {(dir / "a").string(), (dir / "b").string()})["removed"] == 0);  // no --prune
  CHECK(count(db, "an ninh") == 6);
  const json pruned = ingest(db, {"--prune", (dir / "a").string()});
  CHECK(pruned["removed"] == 1);
  CHECK(count(db, "an ninh") == 5);  // b/ was not walked: untouched

  // A root that vanished (an unmounted disk) or holds no article prunes nothing.
  std::filesystem::rename(dir / "b", dir / "b-away");
  const auto missing = e2e::tracuu({"ingest", "--db", db, "--prune", "--format", "json", (dir / "a").string(),
                                    (dir / "b").string()});
  REQUIRE(missing.code == 0);
  CHECK(json::parse(missing.out)["removed"] == 0);
  std::filesystem::create_directories(dir / "b");
  CHECK(ingest(db, {"--prune", (dir / "a").string(), (dir / "b").string()})["removed"] == 0);
  CHECK(count(db, "an ninh") == 5);
}

TEST_CASE("sync: --prune keeps what lies under a folder it cannot read, and says so") {
  if (::geteuid() == 0) return;  // root reads every folder
  e2e::TempDir dir;
  const std::string db = (dir / "db").string();
  for (int i = 0; i < 3; ++i) e2e::write_file(dir / ("a/khoa/" + std::to_string(i) + ".txt"), article(i));
  e2e::write_file(dir / "a/mo.txt", article(10));
  CHECK(ingest(db, {(dir / "a").string()})["added"] == 4);
  std::filesystem::permissions(dir / "a/khoa", std::filesystem::perms::none);
  const auto r = e2e::tracuu({"ingest", "--db", db, "--prune", "--format", "json", (dir / "a").string()});
  std::filesystem::permissions(dir / "a/khoa", std::filesystem::perms::owner_all);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("khoa: cannot read directory: Permission denied") != std::string::npos);
  CHECK(json::parse(r.out)["removed"] == 0);
  CHECK(count(db, "an ninh") == 4);
}

TEST_CASE("sync: a failed file is remembered and retried only when it changes; touched files are not re-indexed") {
  e2e::TempDir dir;
  const std::string db = (dir / "db").string();
  e2e::write_file(dir / "c/good.txt", article(1));
  e2e::write_file(dir / "c/bad.txt", std::string("\0\0binary", 8));
  const json first = ingest(db, {(dir / "c").string()});
  CHECK(first["skipped"] == 1);
  const auto again = e2e::tracuu({"ingest", "--db", db, (dir / "c").string()});
  CHECK(again.err.find("unchanged since it last failed") != std::string::npos);

  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  e2e::write_file(dir / "c/bad.txt", article(2));  // fixed
  const json fixed = ingest(db, {(dir / "c").string()});
  CHECK(fixed["added"] == 1);
  CHECK(fixed["skipped"] == 0);
  {
    Xapian::Database check(db);  // the failure is forgotten once the file reads well
    CHECK(check.metadata_keys_begin("tracuu:failed:") == check.metadata_keys_end("tracuu:failed:"));
  }

  // Same bytes, new mtime: counted unchanged, and unchanged again on the next run.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  e2e::write_file(dir / "c/good.txt", article(1));
  const json touched = ingest(db, {(dir / "c").string()});
  CHECK(touched["unchanged"] == 2);
  CHECK(touched["updated"] == 0);
  CHECK(ingest(db, {(dir / "c").string()})["bytes"] == 0);
}

TEST_CASE("sync: .jsonl crawl dumps give one article per line; UTF-16 files are read") {
  e2e::TempDir dir;
  const std::string db = (dir / "db").string();
  e2e::write_file(dir / "c/crawl.jsonl",
                  "{\"url\": \"https://www.baomau.vn/a.html\", \"title\": \"Hội nghị về an ninh mạng\", "
                  "\"date\": \"2023-05-04\", \"content\": \"Sáng 3/5, Bộ Công an tổ chức hội nghị về an ninh mạng.\"}\n"
                  "not json at all\n"
                  "{\"url\": \"https://baomau.vn/b.html\", \"title\": \"Tin thứ hai\", \"date\": \"04/05/2023 10:00\", "
                  "\"content\": \"Đại tá Nguyễn Văn Hải, Giám đốc Công an tỉnh, kiểm tra trực tuyến.\"}\n"
                  "{\"url\": \"https://baokhac.vn/c.html\", \"title\": \"Ngày không có\", \"date\": \"2023-02-30\", "
                  "\"content\": \"Một ngày không có trong lịch: bài vẫn được lưu, không có ngày đăng.\"}\n");
  // "Đường Trường Sơn" in UTF-16LE with a BOM.
  const std::u16string words = u"Đường Trường Sơn\n\nCon đường huyền thoại.\n";
  std::string utf16 = "\xff\xfe";
  for (char16_t c : words) {
    utf16 += static_cast<char>(c & 0xff);
    utf16 += static_cast<char>(c >> 8);
  }
  e2e::write_file(dir / "c/utf16.txt", utf16);

  const auto r = e2e::tracuu({"ingest", "--db", db, "--format", "json", (dir / "c").string()});
  REQUIRE(r.code == 0);
  const json s = json::parse(r.out);
  CHECK(s["added"] == 4);
  CHECK(s["skipped"] == 1);
  CHECK(r.err.find("crawl.jsonl:2: not a JSON object") != std::string::npos);
  CHECK(count(db, "duong truong son") == 1);
  CHECK(count(db, "site:baomau.vn") == 2);
  CHECK(count(db, "date:2023-05-04..2023-05-04") == 2);
  CHECK(count(db, "lich") == 1);  // a date no calendar has is left out, not the article
  CHECK(count(db, "lich date:2023-01-01..2023-12-31") == 0);
  const auto hit = e2e::tracuu({"search", "--db", db, "--format", "jsonl", "official:\"Nguyễn Văn Hải\""});
  const auto lines = e2e::json_lines(hit.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["path"].get<std::string>().find("crawl.jsonl:3") != std::string::npos);

  // A line removed from the dump removes its article.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  e2e::write_file(dir / "c/crawl.jsonl",
                  "{\"url\": \"https://www.baomau.vn/a.html\", \"title\": \"Hội nghị về an ninh mạng\", "
                  "\"date\": \"2023-05-04\", \"content\": \"Sáng 3/5, Bộ Công an tổ chức hội nghị về an ninh mạng.\"}\n");
  const json again = ingest(db, {(dir / "c").string()});
  CHECK(again["updated"] == 1);
  CHECK(again["removed"] == 2);
  CHECK(count(db, "site:baomau.vn") == 1);
}

TEST_CASE("sync: the index is the same whatever --jobs, and survives kill -9 at any moment") {
  e2e::TempDir dir;
  constexpr int kFiles = 600;
  for (int i = 0; i < kFiles; ++i) e2e::write_file(dir / ("c/" + std::to_string(i / 100) + "/" + std::to_string(i) + ".txt"), article(i));
  const std::string one = (dir / "one").string(), two = (dir / "two").string();
  CHECK(ingest(one, {"--jobs", "1", (dir / "c").string()})["added"] == kFiles);
  CHECK(ingest(two, {"--jobs", "2", (dir / "c").string()})["added"] == kFiles);
  for (const char* q : {"an ninh", "\"hoi nghi lan thu\"", "ref:09-ct/tw", "bai so 17"}) {
    const auto a = e2e::tracuu({"search", "--db", one, "--format", "json", "--limit", "50", q});
    const auto b = e2e::tracuu({"search", "--db", two, "--format", "json", "--limit", "50", q});
    json ja = json::parse(a.out), jb = json::parse(b.out);
    CHECK(ja["results"] == jb["results"]);
  }

  // Kill an ingest several times part-way, then let it finish: one document per file.
  const std::string db = (dir / "killed").string();
  // The first kill lands while the index is being created, the later ones mid-run.
  for (int delay_ms : {2, 60, 130, 200}) {
    const int pid = e2e::spawn({"ingest", "--db", db, "--quiet", "--force", (dir / "c").string()});
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    e2e::wait_for(pid);
  }
  ingest(db, {(dir / "c").string()});
  CHECK(count(db, "an ninh") == kFiles);
  Xapian::Database check(db);
  CHECK(check.get_doccount() == kFiles);
}

TEST_CASE("sync: a second writer gets the lock message at once; searches still answer; --wait waits") {
  e2e::TempDir dir;
  const std::string db = (dir / "db").string();
  e2e::write_file(dir / "c/a.txt", article(1));
  ingest(db, {(dir / "c").string()});
  {
    Xapian::WritableDatabase holder(db, Xapian::DB_OPEN);  // another writer holds the lock
    const auto second = e2e::tracuu({"ingest", "--db", db, (dir / "c").string()});
    CHECK(second.code == 2);
    CHECK(second.err.find("index is locked by another ingest") != std::string::npos);
    CHECK(count(db, "an ninh") == 1);

    std::thread release([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      holder.close();
    });
    const auto waited = e2e::tracuu({"ingest", "--db", db, "--wait", (dir / "c").string()});
    release.join();
    CHECK(waited.code == 0);
  }
}

TEST_CASE("sync: odd names, links and encodings never stop a run") {
  e2e::TempDir dir;
  const std::string db = (dir / "db").string();
  e2e::write_file(dir / "c/tên có dấu cách.txt", article(1));
  e2e::write_file(dir / "c/two\nlines.txt", article(2));
  e2e::write_file(dir / "c/bad-\xff\xfe-name.txt", article(3));
  // "Hòa bình và phát triển bền vững của đất nước" in Windows-1258 (as iconv writes it:
  // base letters followed by combining tone bytes).
  e2e::write_file(dir / "c/cp1258.txt",
                  "Ho\xcc" "a bi\xcc" "nh\n\nHo\xcc" "a bi\xcc" "nh v\xe0 ph\xe1t tri\xea\xd2n b\xea\xccn "
                  "v\xfd\xdeng cu\xd2" "a \xf0\xe2\xect n\xfd\xf5\xec" "c.\n");
  std::filesystem::create_symlink(dir / "c/missing.txt", dir / "c/dangling.txt");
  std::filesystem::create_directories(dir / "c/sub");
  std::filesystem::create_directory_symlink(dir / "c", dir / "c/sub/loop");  // a loop if followed
  const auto r = e2e::tracuu({"ingest", "--db", db, "--format", "json", (dir / "c").string()});
  INFO("stderr: " << r.err);
  REQUIRE(r.code == 0);
  const json s = json::parse(r.out);
  CHECK(s["added"] == 4);
  CHECK(s["skipped"] == 1);
  CHECK(r.err.find("dangling.txt: dangling symbolic link") != std::string::npos);
  CHECK(count(db, "phat trien ben vung") == 1);  // the Windows-1258 file, found unaccented

  // A name that is not UTF-8: shown with U+FFFD, exactly in path_bytes (base64).
  const auto hit = e2e::tracuu({"search", "--db", db, "--format", "jsonl", "\"bai so 3\""});
  const auto lines = e2e::json_lines(hit.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["path"].get<std::string>().find("bad-\xef\xbf\xbd\xef\xbf\xbd-name.txt") != std::string::npos);
  REQUIRE(lines[0].contains("path_bytes"));
  CHECK(lines[0]["path_bytes"].get<std::string>().size() > 8);
  CHECK(count(db, "\"bai so 2\"") == 1);  // the name with a newline
}

TEST_CASE("sync: an index from another version is refused with a hint") {
  e2e::TempDir dir;
  const std::string db = (dir / "db").string();
  e2e::write_file(dir / "c/a.txt", article(1));
  ingest(db, {(dir / "c").string()});
  {
    Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
    w.set_metadata("tracuu:schema", "999");
    w.commit();
  }
  const auto search = e2e::tracuu({"search", "--db", db, "an ninh"});
  CHECK(search.code == 2);
  CHECK(search.err.find("built by another version of tracuu") != std::string::npos);
  CHECK(search.err.find("rebuild it") != std::string::npos);
  CHECK(search.err.find("--force") != std::string::npos);
  const auto again = e2e::tracuu({"ingest", "--db", db, (dir / "c").string()});
  CHECK(again.code == 2);
  // --force re-indexes everything, so it rebuilds such an index instead of refusing it.
  const json rebuilt = ingest(db, {"--force", (dir / "c").string()});
  CHECK(rebuilt["added"] == 1);
  CHECK(rebuilt["updated"] == 0);
  CHECK(count(db, "an ninh") == 1);
  CHECK(Xapian::Database(db).get_metadata("tracuu:schema") != "999");
}
