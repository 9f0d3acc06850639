// Unit tests for lib/index/marks: a mark says what it was written with only while the
// index is in the state it was written for; any write after it (even one that does not
// go through index::Writer, which clears marks first), a cleared mark, or a mark of
// another format says nothing. Bounds and the path order read theirs through it.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "index/bounds.h"
#include "index/marks.h"
#include "index/path_order.h"
#include "index/schema.h"
#include "temp_index.h"

using namespace tracuu;

namespace {

Article article(unsigned n) {
  Article a;
  a.path = "/tin/" + std::to_string(100 + n) + ".txt";
  a.format = "text";
  a.title = "Công an tỉnh họp bàn công tác bảo đảm an ninh trật tự số " + std::to_string(n);
  a.text = a.title + "\n\nNgày " + std::to_string(1 + n % 28) + "/3/2024, Ban Giám đốc Công an tỉnh tổ chức hội "
           "nghị sơ kết công tác quý I, triển khai Chỉ thị số 09-CT/TW của Ban Bí thư.";
  return a;
}

constexpr const char* kKey = "tracuu:test-mark";

}  // namespace

TEST_CASE("a mark holds for the state it was written in, and no other") {
  testing::TempIndex index("marks", 6, article);
  {
    Xapian::WritableDatabase db(index.dir.string(), Xapian::DB_OPEN);
    index::write_mark(db, kKey, "three\nlines\nhere");
    index::write_mark(db, "tracuu:test-empty", "");
    db.commit();
  }
  {
    const Xapian::Database db(index.dir.string());
    CHECK(index::read_mark(db, kKey) == std::optional<std::string>("three\nlines\nhere"));
    CHECK(index::read_mark(db, "tracuu:test-empty") == std::optional<std::string>(""));
    CHECK_FALSE(index::read_mark(db, "tracuu:test-never-written").has_value());
  }
  SUBCASE("a later write, not through the writer, leaves it saying nothing") {
    {
      Xapian::WritableDatabase db(index.dir.string(), Xapian::DB_OPEN);
      Xapian::Document doc;
      doc.add_term("Zmoi");
      db.add_document(doc);
      db.commit();
    }
    CHECK_FALSE(index::read_mark(Xapian::Database(index.dir.string()), kKey).has_value());
  }
  SUBCASE("cleared, it says nothing") {
    {
      Xapian::WritableDatabase db(index.dir.string(), Xapian::DB_OPEN);
      index::clear_mark(db, kKey);
      db.commit();
    }
    CHECK_FALSE(index::read_mark(Xapian::Database(index.dir.string()), kKey).has_value());
  }
  SUBCASE("a state line alone, or another state, says nothing") {
    {
      Xapian::WritableDatabase db(index.dir.string(), Xapian::DB_OPEN);
      db.set_metadata(kKey, index::mark_state(db));
      db.set_metadata("tracuu:test-other", "1 1 1\n5");
      db.commit();
    }
    const Xapian::Database db(index.dir.string());
    CHECK_FALSE(index::read_mark(db, kKey).has_value());
    CHECK_FALSE(index::read_mark(db, "tracuu:test-other").has_value());
  }
}

TEST_CASE("the path order and the bounds go when the index changes behind them") {
  testing::TempIndex index("marks-aids", 6, article);
  {
    Xapian::WritableDatabase db(index.dir.string(), Xapian::DB_OPEN);
    index::write_bounds(db, 1, 1);
    index::write_path_order(db);
    db.commit();
  }
  {
    const Xapian::Database db(index.dir.string());
    CHECK(index::path_ordered_through(db) == db.get_lastdocid());
    const index::BoundedTerms terms = index::bounded_terms(db);
    CHECK_FALSE(terms.empty());
    CHECK(terms.contains(std::string(index::kFolded) + "cong"));
    CHECK_FALSE(terms.contains(std::string(index::kFolded) + "khong-co"));
  }
  {
    Xapian::WritableDatabase db(index.dir.string(), Xapian::DB_OPEN);
    db.delete_document(db.get_lastdocid());
    db.commit();
  }
  const Xapian::Database db(index.dir.string());
  CHECK(index::path_ordered_through(db) == 0);
  CHECK(index::bounded_terms(db).empty());
}
