// End-to-end: the search features readers rely on: accent-aware ranking and --exact,
// fields (ref:, kind:, official:, title:, site:, year:, date:) and --from/--to, synonyms
// both ways, suggestions, sorting, facets that count multi-valued entities per article,
// collapsing of syndicated copies, and the message for an unknown field.
#include <doctest/doctest.h>

#include <cstdlib>
#include <set>

#include "harness.h"

using nlohmann::json;

namespace {

struct Index {
  e2e::TempDir dir;
  std::string db;
  Index() {
    e2e::write_file(dir / "c/duong.txt", "Thứ Hai, 15/01/2024\n\nSửa con đường liên xã\n\nCon đường mới được sửa.\n");
    e2e::write_file(dir / "c/duong-ho.txt", "Thứ Ba, 16/01/2024\n\nBà Dương Thị Hoa\n\nBà Dương Thị Hoa dự lễ.\n");
    e2e::write_file(dir / "c/ct09.txt",
                    "Thứ Tư, 18/10/2023\n\nQuán triệt Chỉ thị số 09-CT/TW\n\n"
                    "Ban Thường vụ tổ chức quán triệt Chỉ thị số 09-CT/TW ngày 1-12-2011 của Ban Bí thư. "
                    "Đại tướng Tô Lâm, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an dự hội nghị.\n\n"
                    "Nguồn Báo Mẫu: https://www.baomau.vn/tin/ct09.html\n");
    e2e::write_file(dir / "c/nq28.txt",
                    "Thứ Năm, 12/05/2022\n\nTriển khai Nghị quyết số 28-NQ/TW\n\n"
                    "Hội nghị triển khai Nghị quyết số 28-NQ/TW về bảo vệ an ninh Tổ quốc. "
                    "Đại tướng Tô Lâm, Bộ trưởng Bộ Công an phát biểu. Thiếu tướng Nguyễn Văn Khải, "
                    "Giám đốc Công an tỉnh báo cáo.\n");
    e2e::write_file(dir / "c/antq.txt", "Thứ Sáu, 09/06/2017\n\nPhong trào bảo vệ ANTQ ở cơ sở\n\n"
                                        "Phong trào toàn dân bảo vệ ANTQ được đẩy mạnh.\n");
    // Two copies of one story on two sites: only the headline and the source differ.
    const std::string story =
        "Công an tỉnh Hòa Bình mở đợt cao điểm tấn công trấn áp tội phạm ma túy trên các tuyến giao thông "
        "trọng điểm, bắt giữ nhiều đối tượng vận chuyển trái phép chất ma túy qua địa bàn giáp ranh.\n";
    e2e::write_file(dir / "c/copy-a.txt", "Thứ Bảy, 10/06/2017\n\nCao điểm trấn áp ma túy\n\n" + story);
    e2e::write_file(dir / "c/copy-b.txt", "Thứ Bảy, 10/06/2017\n\nHòa Bình: cao điểm trấn áp tội phạm ma túy\n\n" + story);
    db = (dir / "db").string();
    REQUIRE(e2e::tracuu({"ingest", "--db", db, "--quiet", (dir / "c").string()}).code == 0);
  }

  json run(std::vector<std::string> args) {
    std::vector<std::string> full{"search", "--db", db, "--format", "json", "--limit", "100"};
    full.insert(full.end(), args.begin(), args.end());
    const auto r = e2e::tracuu(full);
    INFO("stderr: " << r.err);
    REQUIRE(r.code == 0);
    return json::parse(r.out);
  }

  std::vector<std::string> ranked(std::vector<std::string> args) {
    std::vector<std::string> out;
    const json result = run(std::move(args));
    for (const auto& r : result["results"])
      out.push_back(std::filesystem::path(r["path"].get<std::string>()).stem().string());
    return out;
  }

  std::set<std::string> files(std::vector<std::string> args) {
    const auto list = ranked(std::move(args));
    return {list.begin(), list.end()};
  }
};

using Files = std::set<std::string>;
using List = std::vector<std::string>;

}  // namespace

TEST_CASE("search features: typed accents rank first; --exact makes them match") {
  Index ix;
  CHECK(ix.files({"duong"}) == Files{"duong", "duong-ho"});
  CHECK(ix.ranked({"đường"}).front() == "duong");
  CHECK(ix.ranked({"Dương"}).front() == "duong-ho");
  CHECK(ix.files({"--exact", "đường"}) == Files{"duong"});
  CHECK(ix.files({"--exact", "duong"}) == Files{"duong", "duong-ho"});  // no accents typed: any
}

TEST_CASE("search features: fields, dates and boolean combinations") {
  Index ix;
  CHECK(ix.files({"ref:9-ct/tw"}) == Files{"ct09"});
  CHECK(ix.files({"ref:09-CT/TW"}) == Files{"ct09"});
  CHECK(ix.files({"kind:nghi-quyet"}) == Files{"nq28"});
  CHECK(ix.files({"kind:\"Chỉ thị\""}) == Files{"ct09"});
  CHECK(ix.files({"official:\"Tô Lâm\""}) == Files{"ct09", "nq28"});
  CHECK(ix.files({"official:\"to lam\" NOT ref:28-nq/tw"}) == Files{"ct09"});
  CHECK(ix.files({"title:quan triet"}) == Files{"ct09"});
  CHECK(ix.files({"site:baomau.vn"}) == Files{"ct09"});
  CHECK(ix.files({"year:2022"}) == Files{"nq28"});
  CHECK(ix.files({"date:2022-01-01..2023-12-31"}) == Files{"ct09", "nq28"});
  CHECK(ix.files({"date:..2017-12-31"}) == Files{"antq", "copy-a", "copy-b"});
  CHECK(ix.files({"date:2024-01-16.."}) == Files{"duong-ho"});
  CHECK(ix.files({"--from", "2022", "--to", "2023-10", "hoi nghi"}) == Files{"ct09", "nq28"});
  CHECK(ix.files({"--from", "2024-01-16"}) == Files{"duong-ho"});
  CHECK(ix.files({"official:\"Tô Lâm\" AND year:2023"}) == Files{"ct09"});
  // A field's name and value filter; they are no words to rank by.
  const std::string parsed = ix.run({"ref:09-ct/tw site:baomau.vn hoi nghi"})["parsed"];
  CHECK(parsed.find("ZSref") == std::string::npos);
  CHECK(parsed.find("ZSsite") == std::string::npos);
  CHECK(parsed.find("ZStw") == std::string::npos);
  CHECK(parsed.find("ZShoi") != std::string::npos);
  // Nor are operators, or words the query excludes.
  const std::string excluding = ix.run({"hoi AND nghi NOT quan"})["parsed"];
  CHECK(excluding.find("ZSand") == std::string::npos);
  CHECK(excluding.find("ZSnot") == std::string::npos);
  CHECK(excluding.find("ZSquan") == std::string::npos);
  CHECK(excluding.find("ZSnghi") != std::string::npos);
}

TEST_CASE("search features: abbreviations expand both ways") {
  Index ix;
  CHECK(ix.files({"ANTQ"}) == Files{"antq", "nq28"});
  CHECK(ix.files({"\"an ninh Tổ quốc\""}) == Files{"antq", "nq28"});
  CHECK(ix.files({"bao ve an ninh to quoc"}) == Files{"antq", "nq28"});
  CHECK(ix.files({"BCA"}) == Files{"ct09", "nq28"});
}

TEST_CASE("search features: the index keeps the abbreviations it was ingested with") {
  // A data folder with one abbreviation more than data/ has.
  e2e::TempDir dir;
  const auto data = dir / "data";
  std::filesystem::copy(e2e::source_dir() / "data", data, std::filesystem::copy_options::recursive);
  const std::string table = e2e::read_file(data / "abbreviations.tsv");
  e2e::write_file(data / "abbreviations.tsv", table + "QLXNC\tquản lý xuất nhập cảnh\n");
  e2e::write_file(dir / "c/xnc.txt", "Thứ Hai, 15/01/2024\n\nSiết chặt quản lý xuất nhập cảnh\n\n"
                                     "Công an tỉnh tăng cường quản lý xuất nhập cảnh tại cửa khẩu.\n");
  e2e::write_file(dir / "c/other.txt", "Thứ Ba, 16/01/2024\n\nHội nghị sơ kết\n\nHội nghị sơ kết công tác quý.\n");
  const std::string db = (dir / "db").string();
  const std::string with_data = "TRACUU_DATA=" + data.string();
  REQUIRE(e2e::tracuu({"ingest", "--db", db, "--quiet", (dir / "c").string()}, {}, {with_data}).code == 0);

  // A search needs no data folder: TRACUU_DATA names one that holds no file at all.
  const auto empty = dir / "empty";
  std::filesystem::create_directories(empty);
  const auto hits = [&](const std::string& query) {
    const auto r = e2e::tracuu({"search", "--db", db, "--format", "json", query}, {}, {"TRACUU_DATA=" + empty.string()});
    INFO("stderr: " << r.err);
    REQUIRE(r.code == 0);
    const json result = json::parse(r.out);
    std::set<std::string> out;
    for (const auto& hit : result["results"])
      out.insert(std::filesystem::path(hit["path"].get<std::string>()).stem().string());
    return out;
  };
  CHECK(hits("QLXNC") == std::set<std::string>{"xnc"});
  CHECK(hits("hoi nghi") == std::set<std::string>{"other"});

  // An index that holds no table (built by an earlier version) takes the data folder's.
  if (std::system("command -v xapian-metadata >/dev/null 2>&1") == 0) {
    REQUIRE(e2e::wait_for(e2e::spawn_program("xapian-metadata", {"set", db, "tracuu:abbreviations", ""})) == 0);
    const auto r = e2e::tracuu({"search", "--db", db, "--format", "json", "QLXNC"}, {}, {with_data});
    REQUIRE(r.code == 0);
    CHECK(json::parse(r.out)["results"].size() == 1);
    const auto without = e2e::tracuu({"search", "--db", db, "QLXNC"}, {}, {"TRACUU_DATA=" + empty.string()});
    CHECK(without.code != 0);
    CHECK(without.err.find("abbreviations.tsv") != std::string::npos);
  } else {
    MESSAGE("xapian-metadata not installed (Debian xapian-tools): the older index's case skipped");
  }

  // An ingest with the table changed stores the new one, though no article changed.
  e2e::write_file(data / "abbreviations.tsv", table);
  const auto rerun = e2e::tracuu({"ingest", "--db", db, (dir / "c").string()}, {}, {with_data});
  REQUIRE(rerun.code == 0);
  CHECK(rerun.out.find("0 added, 0 updated, 2 unchanged") != std::string::npos);
  CHECK(hits("QLXNC").empty());
}

TEST_CASE("search features: sorting, suggestions, facets, collapse") {
  Index ix;
  CHECK(ix.ranked({"--sort", "newest", "hoi nghi"}) == List{"ct09", "nq28"});
  CHECK(ix.ranked({"--sort", "oldest", "hoi nghi"}) == List{"nq28", "ct09"});

  const json miss = ix.run({"quan trie"});
  CHECK(miss["results"].empty());
  CHECK(miss["suggestion"] == "quan triệt");
  CHECK(ix.run({"hội nghị"})["suggestion"].is_null());

  const json faceted = ix.run({"--facets", "Bộ Công an"});
  REQUIRE(faceted.contains("facets"));
  auto count_of = [&](const char* facet, const std::string& value) -> std::size_t {
    for (const auto& f : faceted["facets"][facet])
      if (f["value"] == value) return f["count"];
    return 0;
  };
  CHECK(count_of("officials", "Tô Lâm") == 2);  // two articles, though named twice in one
  CHECK(count_of("officials", "Nguyễn Văn Khải") == 1);
  CHECK(count_of("refs", "09-CT/TW") == 1);
  CHECK(count_of("refs", "28-NQ/TW") == 1);
  CHECK(count_of("years", "2023") == 1);
  CHECK(count_of("sites", "baomau.vn") == 1);
  CHECK(faceted["facet_sample"] == 1.0);  // a handful of matches: every one counted
  // --exact-facets implies --facets and counts the same here.
  const json exact = ix.run({"--exact-facets", "Bộ Công an"});
  CHECK(exact["facets"] == faceted["facets"]);
  CHECK(exact["facet_sample"] == 1.0);
  CHECK_FALSE(ix.run({"Bộ Công an"}).contains("facet_sample"));

  CHECK(ix.files({"tran ap ma tuy"}) == Files{"copy-a", "copy-b"});
  const json collapsed = ix.run({"--collapse", "tran ap ma tuy"});
  REQUIRE(collapsed["results"].size() == 1);
  CHECK(collapsed["results"][0]["duplicates"] == 1);
}

TEST_CASE("search features: an unknown field names the known ones") {
  Index ix;
  const auto r = e2e::tracuu({"search", "--db", ix.db, "refs:09-ct/tw"});
  CHECK(r.code == 1);
  CHECK(r.err.find("unknown field 'refs:'") != std::string::npos);
  CHECK(r.err.find("did you mean 'ref:'") != std::string::npos);
  CHECK(r.err.find("official:") != std::string::npos);
}
