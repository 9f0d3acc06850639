// Unit tests for lib/index/document: the terms, values and data an article becomes.
#include <doctest/doctest.h>

#include <set>

#include "index/document.h"
#include "index/schema.h"
#include "index/terms.h"
#include "tracuu/text.h"

using namespace tracuu;

namespace {

std::set<std::string> terms(const Xapian::Document& doc) {
  std::set<std::string> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) out.insert(*t);
  return out;
}

Article sample() {
  Article a;
  a.path = "/tin/a.txt";
  a.format = "text";
  a.title = "Đường mới";
  a.text = text::normalize("Đường mới\n\nCon đường 2013 theo Chỉ thị số 09-CT/TW.");
  a.published = "2023-10-18";
  a.site = "baomau.vn";
  Ref r;
  r.id = "09-CT/TW";
  r.kind = "chi-thi";
  a.refs.push_back(r);
  a.officials.push_back({"Tô Lâm", {"Đại tướng"}, {}});
  a.officials.push_back({"Tô Lâm", {"Bộ trưởng"}, {}});  // a duplicate counts once
  return a;
}

// What both read_record and read_hit give back: path, title, date, text, the reference.
void check_shown_fields(const Article& back, const Article& a) {
  CHECK(back.path == a.path);
  CHECK(back.title == a.title);
  CHECK(back.published == a.published);
  CHECK(back.text == a.text);
  REQUIRE(back.refs.size() == 1);
  CHECK(back.refs[0].id == a.refs[0].id);
}

}  // namespace

TEST_CASE("make_document: folded terms for every word, exact ones only for accented words") {
  const Xapian::Document doc = index::make_document(sample(), "/tin/a.txt", "/tin/a.txt", "12:34", "abcd");
  const auto t = terms(doc);
  for (const char* expected : {"Zduong", "Z^đường", "Zmoi", "Z^mới", "Zcon", "Z2013", "ZSduong", "ZS^đường",
                               "Q/tin/a.txt", "XREF9-ct/tw", "XKINDchi-thi", "XOFFto lam", "XSITEbaomau.vn",
                               "Y2023", "M202310", "D20231018", "XFMTtext"})
    CHECK_MESSAGE(t.count(expected) == 1, expected);
  CHECK(t.count("Z^con") == 0);   // no accents: the folded term says it all
  CHECK(t.count("đường") == 0);   // nothing outside the Z space for text
  CHECK(doc.get_value(index::kSlotPublished) == "20231018");
  CHECK(doc.get_value(index::kSlotSignature) == "12:34");
  CHECK(doc.get_value(index::kSlotContentHash) == "abcd");
  CHECK(doc.get_value(index::kSlotYear) == "2023");
  CHECK(doc.get_value(index::kSlotRefBase) == "09-CT/TW");
  CHECK(doc.get_value(index::kSlotOfficialBase) == "Tô Lâm");
  CHECK(doc.get_value(index::kSlotOfficialBase + 1).empty());
  // Every facet value packed in one slot, for local facet counting.
  CHECK(doc.get_value(index::kSlotFacets) == "y2023\x1fsbaomau.vn\x1fr09-CT/TW\x1foTô Lâm");
  // And again in the sample slot, only when the article is in one of its buckets.
  std::size_t in = 0, out = 0;
  for (int i = 0; i < 40; ++i) {
    const std::string id = "/tin/" + std::to_string(i) + ".txt";
    const Xapian::Document d = index::make_document(sample(), id, id, "12:34", "abcd");
    const bool sampled = index::sample_bucket(id) < index::kFacetSampleSlotBuckets;
    (sampled ? in : out)++;
    CHECK(d.get_value(index::kSlotFacetSample) == (sampled ? d.get_value(index::kSlotFacets) : ""));
  }
  CHECK(in > 0);
  CHECK(out > 0);
  // The collapse key is the min-hash of the text's words, as near_duplicate_key computes it.
  CHECK(doc.get_value(index::kSlotCollapse) == index::near_duplicate_key(sample().text));
}

TEST_CASE("make_document / read_record round-trip the record and the text") {
  const Article a = sample();
  const Xapian::Document doc = index::make_document(a, "/tin/a.txt", "/tin/a.txt", "1:2", "ff");
  const Article back = index::read_record(doc, true);
  check_shown_fields(back, a);
  CHECK(index::read_text(doc) == a.text);
  CHECK(index::read_record(doc).text.empty());
}

TEST_CASE("read_hit: the small record a search shows, with the text") {
  const Article a = sample();
  const Xapian::Document doc = index::make_document(a, "/tin/a.txt", "/tin/a.txt", "1:2", "ff");
  const Article hit = index::read_hit(doc, true);
  check_shown_fields(hit, a);
  CHECK(hit.site == a.site);
  CHECK(hit.refs[0].kind.empty());  // only what a hit shows
  REQUIRE(hit.officials.size() == 2);
  CHECK(hit.officials[0].name == "Tô Lâm");
  CHECK(hit.officials[0].titles.empty());
  CHECK(hit.warnings.empty());
}

TEST_CASE("read_hit: any byte in a field, absent optional fields, no officials") {
  Article a = sample();
  a.path = "/tin/12:3/5:a\x1f b.txt";
  a.path_bytes = "L3Rpbi8xMjozLzU6YR8gYi50eHQ=";
  a.title = "9:Tiêu đề\n có dấu 2:";
  a.published.reset();
  a.site.clear();
  a.officials.clear();
  a.text.clear();
  const Xapian::Document doc = index::make_document(a, a.path, a.path, "1:2", "ff");
  const Article hit = index::read_hit(doc, true);
  CHECK(hit.warnings.empty());
  CHECK(hit.path == a.path);
  CHECK(hit.path_bytes == a.path_bytes);
  CHECK(hit.title == a.title);
  CHECK_FALSE(hit.published.has_value());
  CHECK(hit.site.empty());
  CHECK(hit.officials.empty());
  REQUIRE(hit.refs.size() == 1);
  CHECK(hit.text.empty());
  CHECK(index::read_record(doc).title == a.title);
}

TEST_CASE("read_hit: a damaged hit record is reported, not thrown or misread") {
  const Article a = sample();
  const std::string good = index::make_document(a, "/tin/a.txt", "/tin/a.txt", "1:2", "ff").get_data();
  Xapian::Document cut;
  cut.set_data(good.substr(0, 12));  // frame A broken off
  CHECK(index::read_hit(cut).warnings.size() == 1);
  CHECK(index::read_record(cut).warnings.size() == 1);
  CHECK(index::read_text(cut).empty());
}

TEST_CASE("read_record: data tracuu did not write is reported, not thrown") {
  Xapian::Document doc;
  doc.set_data("{\"path\": \"/tin/a.txt\"}\nplain, not compressed");
  const Article a = index::read_record(doc, true);
  REQUIRE(a.warnings.size() == 1);
  CHECK(a.warnings[0] == "stored record is unreadable");
  CHECK(a.text.empty());
  CHECK(index::read_hit(doc).warnings.size() == 1);
  CHECK(index::read_text(doc).empty());
}

TEST_CASE("near_duplicate_key: copies collide, different stories do not") {
  const std::string story =
      "Công an tỉnh mở đợt cao điểm tấn công trấn áp tội phạm ma túy trên các tuyến giao thông trọng điểm";
  CHECK(index::near_duplicate_key(story) == index::near_duplicate_key(story));
  CHECK(index::near_duplicate_key(story) == index::near_duplicate_key(text::normalize("CÔNG AN TỈNH mở đợt cao điểm tấn công trấn áp tội phạm ma túy trên các tuyến giao thông trọng điểm")));
  CHECK(index::near_duplicate_key(story) != index::near_duplicate_key("Hội nghị tổng kết công tác dân vận năm 2023 của lực lượng Công an"));
  CHECK(index::near_duplicate_key("").empty());
}
