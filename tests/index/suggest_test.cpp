// Unit tests for lib/index/suggest: among the close spellings of an unknown word, the one
// found next to the query's neighbouring words wins over one that is merely common,
// however many articles the common one is in.
#include <doctest/doctest.h>

#include <string>

#include "index/document.h"
#include "index/suggest.h"
#include "tracuu/text.h"

using namespace tracuu;

namespace {

Xapian::WritableDatabase index_texts(const std::vector<std::string>& texts) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Article a;
    a.path = "/tin/" + std::to_string(i) + ".txt";
    a.format = "text";
    a.title = "Tin " + std::to_string(i);
    a.text = text::normalize(a.title + "\n\n" + texts[i]);
    db.add_document(index::make_document(a, a.path, a.path, "1:2", "ff"));
  }
  return db;
}

}  // namespace

TEST_CASE("suggest: a spelling next to the neighbouring words beats a merely common one") {
  // "lừa" is in many articles with "hội", "nghị" and "thu", never next to them; "lần"
  // follows "hội nghị" in one article only.
  std::vector<std::string> texts(1200, "Cảnh báo lừa đảo qua mạng. Hội viên thu phí. Kiến nghị xử lý.");
  texts.push_back("Hội nghị lần thứ hai của Ban Chấp hành.");
  const Xapian::WritableDatabase db = index_texts(texts);
  CHECK(index::suggest(db, "hoi nghi lna") == std::optional<std::string>("hoi nghi lần"));
  CHECK(index::suggest(db, "hoi nghi lần thứ") == std::nullopt);  // every word known
}

TEST_CASE("suggest: corrections keep the first letter and stay within the edit limit") {
  const Xapian::WritableDatabase db = index_texts({"Phòng cháy chữa cháy rừng.", "Công tác phòng chống lụt bão."});
  CHECK(index::suggest(db, "phongg") == std::optional<std::string>("phòng"));
  CHECK(index::suggest(db, "xyzzy") == std::nullopt);
}
