// Unit tests for lib/index/query_rewrite: synonyms both ways and the unknown-field check.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "data/resources_tables.h"
#include "index/query_rewrite.h"
#include "tracuu/error.h"
#include "tracuu/text.h"

using namespace tracuu;

namespace {

std::vector<Abbreviation> abbreviations() {
  return {{"ANTQ", {"an ninh Tổ quốc"}}, {"ANTT", {"an ninh, trật tự", "an ninh trật tự"}}, {"BCA", {"Bộ Công an"}}};
}

}  // namespace

TEST_CASE("expand_synonyms: abbreviation -> expansions, expansion -> abbreviation") {
  const auto list = abbreviations();
  CHECK(index::expand_synonyms("ANTQ", list) == "(ANTQ OR \"an ninh Tổ quốc\")");
  CHECK(index::expand_synonyms("antq", list) == "(ANTQ OR \"an ninh Tổ quốc\")");
  CHECK(index::expand_synonyms("ANTT", list) == "(ANTT OR \"an ninh, trật tự\" OR \"an ninh trật tự\")");
  CHECK(index::expand_synonyms("\"an ninh tổ quốc\"", list) == "(\"an ninh tổ quốc\" OR ANTQ)");
  CHECK(index::expand_synonyms("bảo vệ an ninh to quoc", list) == "bảo vệ (\"an ninh to quoc\" OR ANTQ)");
  CHECK(index::expand_synonyms("bo cong an AND ANTQ", list) ==
        "(\"bo cong an\" OR BCA) AND (ANTQ OR \"an ninh Tổ quốc\")");
}

TEST_CASE("expand_synonyms: fields, signs, operators and other phrases are left alone") {
  const auto list = abbreviations();
  CHECK(index::expand_synonyms("title:ANTQ", list) == "title:ANTQ");
  CHECK(index::expand_synonyms("-ANTQ", list) == "-ANTQ");
  CHECK(index::expand_synonyms("\"an ninh quốc gia\"", list) == "\"an ninh quốc gia\"");
  CHECK(index::expand_synonyms("an ninh", list) == "an ninh");
  CHECK(index::expand_synonyms("ANTQ", {}) == "ANTQ");
}

TEST_CASE("may_expand: false only where nothing would expand, and for most queries") {
  std::ifstream in(std::string(TRACUU_SOURCE_DATA_DIR) + "/abbreviations.tsv");
  std::stringstream text;
  text << in.rdbuf();
  const AbbreviationTable table(text.str(), "abbreviations.tsv");
  const auto& entries = table.entries();
  REQUIRE(entries.size() > 20);
  std::vector<std::string> queries = {"phương", "cong tac phong", "hội nghị tổng kết", "\"từ cơ sở\"",
                                      "ref:09-ct/tw", "an ninh", "bảo vệ an ninh", "title:ANTQ", "-BCA", ""};
  for (const auto& a : entries) {
    queries.push_back(a.abbreviation);
    queries.push_back("tin " + tracuu::text::lower(a.abbreviation) + " mới");
    for (const auto& e : a.expansions) {
      queries.push_back(e);
      queries.push_back("bảo vệ " + tracuu::text::fold(e));
      queries.push_back("\"" + e + "\"");
    }
  }
  std::size_t expanding = 0;
  for (const auto& q : queries) {
    CAPTURE(q);
    const std::string expanded = index::expand_synonyms(q, entries);
    if (expanded != q) ++expanding;
    // Never false where the query would expand; and the table's overload agrees.
    if (!index::may_expand(q, table.text())) CHECK(expanded == q);
    CHECK(index::expand_synonyms(q, table) == expanded);
  }
  CHECK(expanding > entries.size());  // the test queries do expand
  // Most queries name no abbreviation: the file is not parsed for them.
  for (const char* q : {"phương", "cong tac phong", "hội nghị tổng kết", "\"từ cơ sở\"", "ref:09-ct/tw", "an ninh"})
    CHECK_FALSE(index::may_expand(q, table.text()));
  CHECK(index::may_expand("ANTQ", table.text()));
  CHECK(index::may_expand("bảo vệ an ninh tổ quốc", table.text()));
}

TEST_CASE("may_expand: what it cannot read cheaply goes to the parser, which reports errors") {
  const std::string header = "# abbreviation\texpansion\n";
  // A no-break space in an expansion, which normalising turns into a space.
  CHECK(index::may_expand("phương", header + "ANTQ\tan\xC2\xA0ninh T\xE1\xBB\x95 qu\xE1\xBB\x91\x63\n"));
  CHECK_FALSE(index::may_expand("phương", header + "ANTQ\tan ninh Tổ quốc\n"));
  // Malformed: no header, one column, three columns, no entries at all.
  for (const std::string& bad : {std::string("ANTQ\tan ninh Tổ quốc\n"), header + "ANTQ\n", header + "A\tb\tc\n", header}) {
    CAPTURE(bad);
    CHECK(index::may_expand("phương", bad));
    const AbbreviationTable table(bad, "abbreviations.tsv");
    CHECK_THROWS_AS(index::expand_synonyms("phương", table), Error);
  }
}

TEST_CASE("check_fields: known fields pass, unknown ones name the closest") {
  CHECK_NOTHROW(index::check_fields("ref:09-ct/tw official:\"Tô Lâm\" date:2020-01-01.."));
  CHECK_NOTHROW(index::check_fields("\"refs: trong ngoặc kép\""));
  CHECK_NOTHROW(index::check_fields("https://baomau.vn"));
  CHECK_NOTHROW(index::check_fields("Số: 09"));
  try {
    index::check_fields("bo cong an offical:\"Tô Lâm\"");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Query);
    CHECK(std::string(e.what()) == "unknown field 'offical:' in query; did you mean 'official:'?");
    CHECK(e.hint().find("ref:, kind:, official:") != std::string::npos);
  }
}

TEST_CASE("ranked_text: the words to rank by, without filters, operators or excluded words") {
  CHECK(index::ranked_text("cháy ref:09-ct/tw") == "cháy ");
  CHECK(index::ranked_text("site:baohagiang.vn phòng cháy") == " phòng cháy");
  CHECK(index::ranked_text("official:\"ta viet anh binh\" chữa cháy") == " chữa cháy");
  CHECK(index::ranked_text("-kind:chi-thi +year:2024 cháy date:2020..2021") == "  cháy ");
  CHECK(index::ranked_text("title:cháy rừng") == "cháy rừng");
  CHECK(index::ranked_text("title:\"cháy rừng\" nghệ an") == "\"cháy rừng\" nghệ an");
  CHECK(index::ranked_text("cong AND tac OR phong NOT chay") == "cong  tac  phong  ");
  CHECK(index::ranked_text("cháy -rừng +nghệ") == "cháy  nghệ");
  CHECK(index::ranked_text("cong NEAR/3 tac ADJ phong") == "cong  tac  phong");
  CHECK(index::ranked_text("(cháy OR lũ) NOT \"cháy rừng\"") == "(cháy  lũ)  ");
  // NOT excludes up to the next AND, OR or XOR, or the end of its brackets, as Xapian reads it.
  const auto squeezed = [](std::string q) {
    std::string out;
    for (char c : index::ranked_text(q))
      if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  CHECK(squeezed("quan triet NOT dien bien") == "quan triet");
  CHECK(squeezed("cong NOT tac phong OR quan") == "cong quan");
  CHECK(squeezed("cong NOT (tac OR phong) quan") == "cong");
  CHECK(squeezed("(cong NOT tac) phong") == "(cong ) phong");
  // Only the query language's fields and operators: a URL or a word with a colon stays.
  CHECK(index::ranked_text("https://a.vn giờ:phút") == "https://a.vn giờ:phút");
  CHECK(index::ranked_text("\"ref:09\" cháy") == "\"ref:09\" cháy");
}
