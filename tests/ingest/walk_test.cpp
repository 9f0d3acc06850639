// Unit tests for lib/ingest/walk: which files a folder yields (article extensions in any
// case, links to files taken, links to folders not followed, dangling links reported),
// each with the size and modification time stat() gives; sorted by path bytes whatever
// the number of threads; files given as roots; missing roots.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "ingest/walk.h"

using tracuu::ingest::walk;
using tracuu::ingest::WalkResult;
namespace fs = std::filesystem;

namespace {

struct Tree {
  fs::path root = fs::temp_directory_path() / ("tracuu-walk-" + std::to_string(::getpid()));
  std::map<std::string, std::string> articles;  // raw path -> content: what a walk must find

  Tree() {
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~Tree() { fs::remove_all(root); }

  void write(const std::string& rel, const std::string& content, bool article) {
    const fs::path p = root / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    if (article) articles[p.string()] = content;
  }
};

std::vector<std::string> paths_of(const WalkResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.files) out.push_back(f.path);
  return out;
}

// A tree in the shape of saved news sites: site/year/month/article, with what a walk
// must leave out mixed in.
void fill(Tree& t) {
  const char* sites[] = {"baotinh-vn", "anninhthudo-vn", "cand-com-vn"};
  unsigned n = 0;
  for (const char* site : sites)
    for (int year = 2019; year <= 2021; ++year)
      for (int month = 1; month <= 12; month += 5) {
        const std::string dir = std::string(site) + "/" + std::to_string(year) + "/" + std::to_string(month);
        const std::string a = std::to_string(++n), b = std::to_string(++n);
        t.write(dir + "/bai-" + a + ".txt", "Tin số " + a + "\n\nNội dung.", true);
        t.write(dir + "/trang-" + b + ".html", "<h1>Tin " + b + "</h1>", true);
        t.write(dir + "/anh-" + b + ".jpg", "\xff\xd8\xff", false);
      }
  t.write("cand-com-vn/HOA-VIET.TXT", "Chữ hoa", true);
  t.write("cand-com-vn/Trang.HTM", "<p>htm</p>", true);
  t.write("cand-com-vn/tin.jsonl", "{}\n", true);
  t.write("cand-com-vn/tin.ndjson", "{}\n", true);
  t.write("cand-com-vn/ghi-chu.md", "không phải bài", false);
  t.write("cand-com-vn/.txt", "a name that is only an extension", false);
  t.write("cand-com-vn/tên có dấu cách.txt", "tên", true);
  t.write("rong/.gitkeep", "", false);
  fs::create_directories(t.root / "trong/rong/hon");
  // A link to a file is taken under its own name; a link to a folder is not followed
  // (this one would loop); a dangling link is reported.
  fs::create_symlink(t.root / "baotinh-vn/2019/1/bai-1.txt", t.root / "lien-ket.txt");
  t.articles[(t.root / "lien-ket.txt").string()] = "Tin số 1\n\nNội dung.";
  fs::create_directory_symlink(t.root, t.root / "baotinh-vn/vong");
  fs::create_symlink(t.root / "khong-co.txt", t.root / "cand-com-vn/mat.txt");
}

}  // namespace

TEST_CASE("a folder yields its article files with their stat(), sorted, on any number of threads") {
  Tree t;
  fill(t);
  const WalkResult one = walk({t.root}, 1);
  REQUIRE(one.roots_found == 1);
  std::vector<std::string> expected;
  for (const auto& [path, content] : t.articles) expected.push_back(path);  // std::map: byte order
  CHECK(paths_of(one) == expected);
  for (const auto& f : one.files) {
    INFO(f.path);
    REQUIRE(f.stat.has_value());
    struct ::stat st {};
    REQUIRE(::stat(f.path.c_str(), &st) == 0);
    CHECK(f.stat->size == t.articles[f.path].size());
    CHECK(f.stat->mtime_ns == static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec);
  }
  REQUIRE(one.skips.size() == 1);
  CHECK(one.skips[0].path == (t.root / "cand-com-vn/mat.txt").string());
  CHECK(one.skips[0].reason == "dangling symbolic link");
  REQUIRE(one.prunable_roots.size() == 1);
  CHECK(one.prunable_roots[0] == t.root);
  CHECK(one.unlisted.empty());
  CHECK(one.listed((t.root / "cand-com-vn/Trang.HTM").string()));
  CHECK_FALSE(one.listed((t.root / "cand-com-vn/ghi-chu.md").string()));

  for (unsigned threads : {2u, 3u, 8u}) {
    const WalkResult many = walk({t.root}, threads);
    CHECK(paths_of(many) == expected);
    REQUIRE(many.skips.size() == 1);
    CHECK(many.skips[0].path == one.skips[0].path);
  }
}

TEST_CASE("roots: relative and repeated ones, files, missing ones, empty folders") {
  Tree t;
  fill(t);
  const fs::path article = t.root / "cand-com-vn/tin.jsonl";
  const fs::path cwd = fs::current_path();
  fs::current_path(t.root);
  const WalkResult r = walk({"cand-com-vn/../cand-com-vn", article, t.root / "cand-com-vn", "khong-co-thu-muc", "rong",
                             "cand-com-vn/ghi-chu.md"},
                            2);
  fs::current_path(cwd);
  CHECK(r.roots_found == 5);
  // The folder's files once each, however often it was given; a file given by name is
  // taken whatever its extension.
  std::vector<std::string> expected;
  for (const auto& [path, content] : t.articles)
    if (path.rfind((t.root / "cand-com-vn/").string(), 0) == 0) expected.push_back(path);
  expected.push_back((t.root / "cand-com-vn/ghi-chu.md").string());
  std::sort(expected.begin(), expected.end());
  CHECK(paths_of(r) == expected);
  REQUIRE(r.skips.size() == 2);  // the dangling link (once) and the missing root, by path
  CHECK(r.skips[0].reason == "dangling symbolic link");
  CHECK(r.skips[1].path == "khong-co-thu-muc");
  CHECK(r.skips[1].reason == "no such file or directory");
  // Only folders that hold articles may be pruned under; "rong" holds none.
  REQUIRE(r.prunable_roots.size() == 2);
  CHECK(r.prunable_roots[0] == t.root / "cand-com-vn");
}

TEST_CASE("an unreadable folder is reported, and the rest is walked") {
  if (::geteuid() == 0) return;  // root reads every folder
  Tree t;
  fill(t);
  const fs::path locked = t.root / "anninhthudo-vn";
  fs::permissions(locked, fs::perms::none);
  const WalkResult r = walk({t.root}, 2);
  fs::permissions(locked, fs::perms::owner_all);
  REQUIRE(r.skips.size() == 2);  // the locked folder and the dangling link
  CHECK(r.skips[0].path == locked.string());
  CHECK(r.unlisted == std::vector<std::string>{locked.string()});
  CHECK(r.skips[0].reason.rfind("cannot read directory: ", 0) == 0);
  for (const auto& f : r.files) CHECK(f.path.rfind(locked.string() + "/", 0) != 0);
  CHECK_FALSE(r.files.empty());
}
