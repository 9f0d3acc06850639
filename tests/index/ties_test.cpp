// Unit tests for the order of tied hits in search(): articles that weigh the same come in
// path order, whatever order they were indexed in, on every page, whether the tie ends
// within the hits a pass returns or runs past them (the pass over the heavier matches),
// in one pass or two halves, and whether docids are in path order (path_order.h)
// throughout the index, up to some docid, or not at all.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "index/document.h"
#include "index/path_order.h"
#include "index/writer.h"
#include "tracuu/compact.h"
#include "tracuu/search.h"
#include "tracuu/text.h"

using namespace tracuu;

namespace {

// How the test index was written.
enum class Written {
  Scrambled,    // one run, files out of path order, no path-order mark
  InPathOrder,  // one run in path order, as ingest writes: docid order is path order
  TwoRuns,      // a first run in path order, then files whose paths sort among the first
};
constexpr Written kEveryWay[] = {Written::Scrambled, Written::InPathOrder, Written::TwoRuns};

// `copies` copies of one story (the same words, so the same weight for any query) and
// `heavier` articles that say "kiểm tra" more often, and so rank above the copies.
struct Index {
  std::filesystem::path dir;
  std::vector<std::string> copy_paths;  // in path order
  std::vector<std::string> heavy_paths;

  Index(unsigned copies, unsigned heavier, Written written = Written::Scrambled) {
    dir = std::filesystem::temp_directory_path() / ("tracuu-ties-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::vector<std::pair<std::string, std::string>> files;  // path, body; in the order written
    for (unsigned k = 0; k < copies; ++k) {
      const unsigned n = (k * 3 + 1) % copies;  // every number once, out of order
      const std::string path = "/tin/ban-sao-" + std::to_string(100 + n) + ".txt";
      files.emplace_back(path, "Đoàn kiểm tra làm việc tại xã về công tác phòng cháy.");
      copy_paths.push_back(path);
    }
    for (unsigned k = 0; k < heavier; ++k) {
      const std::string path = "/tin/nang-" + std::to_string(100 + k) + ".txt";
      std::string body = "Đoàn kiểm tra làm việc tại xã về công tác phòng cháy.";
      for (unsigned r = 0; r <= k; ++r) body += " Kiểm tra lại.";
      files.emplace_back(path, body);
      heavy_paths.push_back(path);
    }
    std::sort(copy_paths.begin(), copy_paths.end());
    if (written == Written::Scrambled) {
      write(files, false);
      return;
    }
    std::sort(files.begin(), files.end());
    if (written == Written::InPathOrder) {
      write(files, true);
      return;
    }
    // Every other file first, then the rest (their paths sort among the first run's).
    std::vector<std::pair<std::string, std::string>> first, second;
    for (std::size_t i = 0; i < files.size(); ++i) (i % 2 ? second : first).push_back(files[i]);
    write(first, true);
    write(second, true);
  }
  ~Index() { std::filesystem::remove_all(dir); }

  // One run of writes, as ingest makes it; with the marks ingest writes after it when `aids`.
  void write(const std::vector<std::pair<std::string, std::string>>& files, bool aids) const {
    index::Writer writer(dir, false);
    for (const auto& [path, body] : files) {
      Article a;
      a.path = path;
      a.format = "text";
      a.title = "Tin địa phương";
      a.text = text::normalize(a.title + "\n\n" + body);
      a.published = "2024-03-15";
      writer.put(a.path, index::make_document(a, a.path, a.path, "1:2", "ff"), false);
    }
    writer.commit();
    if (aids) writer.write_search_aids();
  }
};

std::vector<std::string> page(const Index& idx, const std::string& query, std::size_t offset, std::size_t limit,
                              bool halved) {
  SearchOptions options;
  options.offset = offset;
  options.limit = limit;
  options.halve_from = halved ? 0 : static_cast<std::size_t>(-1);
  options.halve_matches = 0;
  std::vector<std::string> out;
  for (const SearchHit& hit : search(idx.dir, query, options).hits) out.push_back(hit.article.path);
  return out;
}

}  // namespace

TEST_CASE("ties: the path-order mark says through which docid paths ascend, for the index as written") {
  {
    const Index idx(6, 2, Written::InPathOrder);
    const Xapian::Database db(idx.dir.string());
    CHECK(index::path_ordered_through(db) == 8);
  }
  {
    // First run: docids 1-4 hold every other path; the second run's first file (docid 5)
    // sorts before the last of them.
    const Index idx(6, 2, Written::TwoRuns);
    const Xapian::Database db(idx.dir.string());
    CHECK(index::path_ordered_through(db) == 4);
  }
  {
    const Index idx(6, 2, Written::Scrambled);
    const Xapian::Database db(idx.dir.string());
    CHECK(index::path_ordered_through(db) == 0);  // no mark written
  }
  {
    // A change after the mark was written: it describes another state, and is not read.
    const Index idx(6, 2, Written::InPathOrder);
    {
      index::Writer writer(idx.dir, false);
      Article a;
      a.path = "/tin/a-dau.txt";
      a.format = "text";
      a.title = "Tin đầu";
      a.text = text::normalize("Tin đầu\n\nNội dung.");
      writer.put(a.path, index::make_document(a, a.path, a.path, "1:2", "ff"), false);
      writer.commit();
    }
    const Xapian::Database db(idx.dir.string());
    CHECK(index::path_ordered_through(db) == 0);
  }
}

TEST_CASE("ties: a compaction that renumbers the docids writes the path-order mark anew") {
  Index idx(6, 2, Written::InPathOrder);
  {
    // The first two articles go: compaction then closes the gap before the first docid.
    index::Writer writer(idx.dir, false);
    writer.remove(1);
    writer.remove(2);
    writer.commit();
    writer.write_search_aids();
  }
  {
    const Xapian::Database db(idx.dir.string());
    REQUIRE(db.get_lastdocid() == 8);
    CHECK(index::path_ordered_through(db) == 8);
  }
  compact_index(idx.dir, std::nullopt);
  const Xapian::Database db(idx.dir.string());
  CHECK(db.get_lastdocid() == 6);
  CHECK(index::path_ordered_through(db) == 6);
}

TEST_CASE("ties: copies that weigh the same come in path order on every page") {
  for (const Written written : kEveryWay) {
    CAPTURE(static_cast<int>(written));
    const Index idx(40, 3, written);
    // The heavier articles first, the one saying it most first; then the copies by path.
    std::vector<std::string> expected(idx.heavy_paths.rbegin(), idx.heavy_paths.rend());
    expected.insert(expected.end(), idx.copy_paths.begin(), idx.copy_paths.end());
    for (const bool halved : {false, true}) {
      CAPTURE(halved);
      for (const std::string query : {"kiểm tra", "kiem tra xa"}) {
        CAPTURE(query);
        // Pages of 10 end inside the tie of 40 copies (it runs far past the few hits a
        // pass returns beyond the page); a page of 50 holds the whole tie.
        for (const std::size_t offset : {0, 1, 10, 25}) {
          CAPTURE(offset);
          const std::vector<std::string> got = page(idx, query, offset, 10, halved);
          const std::vector<std::string> want(expected.begin() + static_cast<std::ptrdiff_t>(offset),
                                              expected.begin() + static_cast<std::ptrdiff_t>(offset + 10));
          CHECK(got == want);
        }
        CHECK(page(idx, query, 0, 50, halved) == expected);
      }
    }
  }
}

TEST_CASE("ties: a tie that ends within the page needs no second pass to be in path order") {
  for (const Written written : kEveryWay) {
    CAPTURE(static_cast<int>(written));
    const Index idx(4, 12, written);
    // 12 heavier articles, then 4 copies: a page of 14 ends inside the copies, a page of
    // 16 holds them all and the pass returns nothing past them.
    std::vector<std::string> expected(idx.heavy_paths.rbegin(), idx.heavy_paths.rend());
    expected.insert(expected.end(), idx.copy_paths.begin(), idx.copy_paths.end());
    for (const std::size_t limit : {13, 14, 16, 20}) {
      CAPTURE(limit);
      const std::vector<std::string> got = page(idx, "kiểm tra", 0, limit, false);
      const auto end = static_cast<std::ptrdiff_t>(std::min<std::size_t>(limit, 16));
      const std::vector<std::string> want(expected.begin(), expected.begin() + end);
      CHECK(got == want);
    }
  }
}
