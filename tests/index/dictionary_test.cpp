// Unit tests for lib/index/dictionary: a compression dictionary is trained the same from
// the same samples, compresses articles' data smaller and reads back exactly what was
// written, is stored once per index with its id listed, and a compaction that merges
// shards keeps every shard's (and the larger of their facet slot counts).
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "index/database.h"
#include "index/dictionary.h"
#include "index/document.h"
#include "index/layout.h"
#include "index/schema.h"
#include "index/writer.h"
#include "tracuu/compact.h"
#include "tracuu/text.h"

using namespace tracuu;

namespace {

const char* const kPlaces[] = {"Hà Nội", "Đắk Lắk", "Cà Mau", "Ninh Bình", "Lạng Sơn", "Huế", "Đà Nẵng"};
const char* const kBodies[] = {"tổ chức hội nghị quán triệt Chỉ thị số 09-CT/TW của Ban Bí thư",
                               "sơ kết công tác bảo đảm an ninh trật tự 6 tháng đầu năm",
                               "triển khai kế hoạch phòng, chống tội phạm trên địa bàn",
                               "tuyên truyền Luật Giao thông đường bộ cho học sinh"};

// Article n: news-style text, a few sentences, varied by n.
Article article(unsigned n) {
  Article a;
  a.path = "/tin/" + std::to_string(n) + ".txt";
  a.format = "text";
  a.title = "Công an " + std::string(kPlaces[n % 7]) + " " + kBodies[n % 4];
  std::string body = a.title + "\n\n";
  for (unsigned k = 0; k < 3 + n % 5; ++k)
    body += "Ngày " + std::to_string(1 + (n + k) % 28) + "/" + std::to_string(1 + k % 12) + "/2023, Công an " +
            kPlaces[(n + k) % 7] + " " + kBodies[(n + k) % 4] + ". ";
  a.text = text::normalize(body);
  a.published = "2023-05-01";
  return a;
}

std::vector<std::string> samples(unsigned from, unsigned count) {
  std::vector<std::string> out;
  for (unsigned n = from; n < from + count; ++n) out.push_back(article(n).text);
  return out;
}

std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("tracuu-dict-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

// Leaves this process compressing without a dictionary, whatever a test did.
struct NoDictionaryAfter {
  ~NoDictionaryAfter() { index::compress_with({}); }
};

}  // namespace

TEST_CASE("dictionary: the same samples train the same dictionary, with an id zstd leaves to private ones") {
  const std::string a = index::train_dictionary(samples(0, 300));
  const std::string b = index::train_dictionary(samples(0, 300));
  REQUIRE(!a.empty());
  CHECK(a == b);
  CHECK(a.size() <= 4096);
  Xapian::WritableDatabase db(temp_dir("id").string(), Xapian::DB_CREATE_OR_OVERWRITE);
  index::store_dictionary(db, a);
  const std::vector<unsigned> ids = index::dictionary_ids(db);
  REQUIRE(ids.size() == 1);
  CHECK(ids[0] >= 32768u);
  CHECK(ids[0] < (1u << 31));
  CHECK(index::train_dictionary(samples(0, 300)) != index::train_dictionary(samples(300, 300)));
  // Too few samples to train from: no dictionary.
  CHECK(index::train_dictionary(samples(0, 3)).empty());
  std::filesystem::remove_all(temp_dir("id"));
}

TEST_CASE("dictionary: articles compressed with one are smaller and read back exactly") {
  const NoDictionaryAfter reset;
  const std::string dictionary = index::train_dictionary(samples(0, 300));
  REQUIRE(!dictionary.empty());
  for (unsigned n : {1000u, 1001u, 1002u}) {
    CAPTURE(n);
    const Article a = article(n);
    index::compress_with({});
    const Xapian::Document plain = index::make_document(a, a.path, a.path, "1:2", "ff");
    index::compress_with(dictionary);
    const Xapian::Document packed = index::make_document(a, a.path, a.path, "1:2", "ff");
    CHECK(packed.get_data().size() < plain.get_data().size());
    CHECK(packed.get_data() != plain.get_data());
    for (const Xapian::Document* doc : {&plain, &packed}) {
      const Article hit = index::read_hit(*doc, true);
      CHECK(hit.title == a.title);
      CHECK(hit.text == a.text);
      const Article record = index::read_record(*doc, true);
      CHECK(record.path == a.path);
      CHECK(record.title == a.title);
      CHECK(record.text == a.text);
    }
  }
}

TEST_CASE("dictionary: an index lists each dictionary it holds once, the newest first") {
  const auto dir = temp_dir("store");
  const std::string first = index::train_dictionary(samples(0, 300));
  const std::string second = index::train_dictionary(samples(300, 300));
  {
    index::Writer writer(dir, false);
    CHECK(writer.dictionary().empty());
    writer.store_dictionary(first);
    writer.store_dictionary(first);
    writer.commit();
    CHECK(writer.dictionary() == first);
    writer.store_dictionary(second);
    writer.commit();
    CHECK(writer.dictionary() == second);
  }
  const Xapian::Database db(dir.string());
  const std::vector<unsigned> ids = index::dictionary_ids(db);
  REQUIRE(ids.size() == 2);
  CHECK(db.get_metadata(index::kMetaDictionaryPrefix + std::to_string(ids[0])) == second);
  CHECK(db.get_metadata(index::kMetaDictionaryPrefix + std::to_string(ids[1])) == first);
  CHECK(index::join_ids(ids) == std::to_string(ids[0]) + " " + std::to_string(ids[1]));
  std::filesystem::remove_all(dir);
}

TEST_CASE("dictionary: shards merged by a compaction keep every shard's dictionary and its articles") {
  const NoDictionaryAfter reset;
  const auto dir = temp_dir("shards");
  const index::Layout layout = index::create_sharded(dir, 2);
  const std::string dictionaries[] = {index::train_dictionary(samples(0, 300)),
                                      index::train_dictionary(samples(300, 300))};
  for (unsigned s = 0; s < 2; ++s) {
    index::Writer writer(layout.shards[s].path, false);
    writer.store_dictionary(dictionaries[s]);
    index::compress_with(dictionaries[s]);
    for (unsigned n = 0; n < 20; ++n) {
      const Article a = article(2000 + 100 * s + n);
      writer.put(a.path, index::make_document(a, a.path, a.path, "1:2", "ff"), false);
    }
    writer.commit();
  }
  for (unsigned s = 0; s < 2; ++s) {  // facet slot counts that differ: the merge takes the larger
    Xapian::WritableDatabase shard(layout.shards[s].path.string(), Xapian::DB_OPEN);
    shard.set_metadata(index::kMetaMaxRefs, s == 0 ? "3" : "7");
    shard.commit();
  }
  compact_index(dir, std::nullopt);
  const Xapian::Database merged(index::open_readable(dir));
  REQUIRE(merged.get_doccount() == 40);
  CHECK(index::dictionary_ids(merged).size() == 2);
  CHECK(merged.get_metadata(index::kMetaMaxRefs) == "7");
  for (auto it = merged.postlist_begin(""); it != merged.postlist_end(""); ++it) {
    const Article hit = index::read_hit(merged.get_document(*it), true);
    CHECK(!hit.text.empty());
    CHECK(hit.title.rfind("Công an ", 0) == 0);
  }
  std::filesystem::remove_all(dir);
}
