// Tests for lib/data/resources.cpp: the real data/ loads and feeds the lookups the
// extractors rely on; a bad line fails with file:line; the data directory is found.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "data/resources_tables.h"
#include "extract/tokens.h"
#include "tracuu/error.h"
#include "tracuu/resources.h"

namespace fs = std::filesystem;

namespace {

// A scratch copy of data/ that a test may break.
struct DataCopy {
  fs::path dir;
  DataCopy() {
    dir = fs::temp_directory_path() / ("tracuu-data-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(TRACUU_SOURCE_DATA_DIR))
      if (entry.is_regular_file()) fs::copy_file(entry.path(), dir / entry.path().filename());
  }
  ~DataCopy() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::size_t append(const std::string& file, const std::string& line) {
    std::size_t lines = 0;
    {
      std::ifstream in(dir / file);
      std::string l;
      while (std::getline(in, l)) ++lines;
    }
    std::ofstream(dir / file, std::ios::app) << line << "\n";
    return lines + 1;
  }
};

std::string load_error(const fs::path& dir) {
  try {
    tracuu::Resources::load(dir);
  } catch (const tracuu::Error& e) {
    CHECK(e.kind() == tracuu::ErrorKind::Data);
    CHECK_FALSE(e.hint().empty());
    return e.what();
  }
  return "<no error>";
}

}  // namespace

TEST_CASE("resources: the real data/ loads") {
  const auto r = tracuu::Resources::load(TRACUU_SOURCE_DATA_DIR);
  const tracuu::ResourceTables& t = r.tables();

  const auto ctr = t.kind_by_abbreviation.find("ctr");
  REQUIRE(ctr != t.kind_by_abbreviation.end());
  CHECK(ctr->second.canonical == "CTr");
  CHECK(t.doc_kinds[ctr->second.kind].slug == "chuong-trinh");
  CHECK(t.doc_kinds[ctr->second.kind].label == "Chương trình");
  const auto nd = t.kind_by_folded_abbreviation.find("nd");
  REQUIRE(nd != t.kind_by_folded_abbreviation.end());
  CHECK(nd->second.canonical == "NĐ");
  CHECK(t.kind_by_abbreviation.count("qđi") == 1);
  CHECK(t.kind_by_abbreviation.count("qyđ") == 1);

  CHECK(t.rank_phrases.find("đại tướng") != nullptr);
  CHECK(t.rank_phrases.find("phó đô đốc") != nullptr);
  CHECK(t.rank_phrases.find("đại") == nullptr);  // a prefix, not a rank
  CHECK(t.titles.find("ủy viên bộ chính trị") != nullptr);
  CHECK(t.family_names.count("nguyễn") == 1);
  CHECK(t.family_names.size() >= 100);
  CHECK(t.places.find("ninh bình") != nullptr);
  CHECK(t.places.find("bà rịa – vũng tàu") != nullptr);
  CHECK(t.organisations.find("công an") != nullptr);
  CHECK(t.honorifics.find("đồng chí") != nullptr);

  CHECK(tracuu::is_boilerplate_line(t, "Liên kết website"));
  CHECK(tracuu::is_boilerplate_line(t, "Lien ket website"));
  CHECK(tracuu::is_boilerplate_line(t, "Tổng số: 1.234.567"));
  CHECK(tracuu::is_boilerplate_line(t, "Lượt xem: 42"));
  CHECK_FALSE(tracuu::is_boilerplate_line(t, "Tổng số: nhiều"));
  CHECK_FALSE(tracuu::is_boilerplate_line(t, "Hội nghị tổng kết công tác năm"));

  bool antq = false;
  REQUIRE(t.abbreviations);
  for (const auto& a : t.abbreviations->entries())
    if (a.abbreviation == "ANTQ" && a.expansions.front() == "an ninh Tổ quốc") antq = true;
  CHECK(antq);
}

TEST_CASE("resources: phrase keys come from the article tokenizer") {
  CHECK(tracuu::extract::phrase_key("GS.TS") == "gs . ts");
  CHECK(tracuu::extract::phrase_key("Bộ  Công an") == "bộ công an");
  CHECK(tracuu::extract::phrase_key("ĐẠI TƯỚNG") == "đại tướng");
}

TEST_CASE("resources: a bad line fails with file:line") {
  {
    DataCopy copy;
    const std::size_t line = copy.append("ranks.tsv", "Đại tá\tnavy");
    const std::string what = load_error(copy.dir);
    CHECK(what.find("ranks.tsv:" + std::to_string(line) + ":") != std::string::npos);
    CHECK(what.find("navy") != std::string::npos);
  }
  {
    DataCopy copy;
    const std::size_t line = copy.append("doc_kinds.tsv", "a\tb\tc\td\te");
    CHECK(load_error(copy.dir).find("doc_kinds.tsv:" + std::to_string(line) + ":") != std::string::npos);
  }
  {
    DataCopy copy;
    const std::size_t line = copy.append("titles.tsv", "Giám đốc\t");
    CHECK(load_error(copy.dir).find("titles.tsv:" + std::to_string(line) + ": empty column") !=
          std::string::npos);
  }
  {
    DataCopy copy;
    const std::size_t line = copy.append("family_names.txt", "Nguyễn Văn");
    CHECK(load_error(copy.dir).find("family_names.txt:" + std::to_string(line) + ":") != std::string::npos);
  }
  {
    DataCopy copy;
    const std::size_t line = copy.append("places.txt", "Bad \xFF byte");
    CHECK(load_error(copy.dir).find("places.txt:" + std::to_string(line) + ": not valid UTF-8") !=
          std::string::npos);
  }
  {
    DataCopy copy;
    fs::remove(copy.dir / "honorifics.txt");
    CHECK(load_error(copy.dir).find("honorifics.txt") != std::string::npos);
  }
}

TEST_CASE("resources: find_data_dir honours TRACUU_DATA") {
  DataCopy copy;
  const char* old = std::getenv("TRACUU_DATA");
  const std::string saved = old ? old : "";
  ::setenv("TRACUU_DATA", copy.dir.c_str(), 1);
  CHECK(tracuu::Resources::find_data_dir() == copy.dir);
  // A TRACUU_DATA that does not exist falls through to the other places.
  ::setenv("TRACUU_DATA", (copy.dir / "missing").c_str(), 1);
  CHECK(fs::is_directory(tracuu::Resources::find_data_dir()));
  if (old)
    ::setenv("TRACUU_DATA", saved.c_str(), 1);
  else
    ::unsetenv("TRACUU_DATA");
}
