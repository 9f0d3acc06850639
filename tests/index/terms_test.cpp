// Unit tests for lib/index/terms: the keys shared by the writer and the query parser.
#include <doctest/doctest.h>

#include "index/schema.h"
#include "index/terms.h"

using namespace tracuu::index;
using tracuu::fnv1a;

TEST_CASE("ref_key: every spelling of a code is one key") {
  const struct {
    const char* code;
    const char* key;
  } cases[] = {
      {"09-CT/TW", "9-ct/tw"},          {"9-ct/tw", "9-ct/tw"},
      {"09 – CT/TW", "9-ct/tw"},        {"09/CTr-BCA-MTTW", "9/ctr-bca-mttw"},
      {"09/Ctr-BCA-MTTW", "9/ctr-bca-mttw"}, {"30/2020/NĐ-CP", "30/2020/nd-cp"},
      {"30/2020/ND-CP", "30/2020/nd-cp"}, {"30/2020/ÐN-CP", "30/2020/dn-cp"},
      {"22- Ctr/ĐUCA-V28", "22-ctr/duca-v28"}, {"0/QĐ", "0/qd"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.code);
    CHECK(ref_key(c.code) == c.key);
  }
}

TEST_CASE("official_key and kind_key fold case and diacritics") {
  CHECK(official_key("Tô Lâm") == "to lam");
  CHECK(official_key("TÔ LÂM") == "to lam");
  CHECK(official_key("To\xcc\x82 La\xcc\x82m") == "to lam");  // NFD
  CHECK(official_key("Đỗ Văn Chiến") == "do van chien");
  CHECK(kind_key("chi-thi") == "chi-thi");
  CHECK(kind_key("Chỉ thị") == "chi-thi");
  CHECK(kind_key("NGHỊ QUYẾT") == "nghi-quyet");
}

TEST_CASE("unique_term: short paths verbatim, long ones hashed under Xapian's limit") {
  CHECK(unique_term("/a/b.txt") == "Q/a/b.txt");
  const std::string long_path = "/" + std::string(400, 'x') + ".txt";
  const std::string other = "/" + std::string(400, 'x') + ".htm";
  CHECK(unique_term(long_path).size() <= kMaxTermBytes);
  CHECK(unique_term(long_path) != unique_term(other));
  CHECK(unique_term(long_path) == unique_term(long_path));
  CHECK(folded_term("Đường") == "Zduong");
}

TEST_CASE("fnv1a: fixed values (stored hashes must not change between builds)") {
  CHECK(fnv1a("") == 0xcbf29ce484222325ull);
  CHECK(fnv1a("a") == 0xaf63dc4c8601ec8cull);
  CHECK(fnv1a("bc", fnv1a("a")) == fnv1a("abc"));
}

TEST_CASE("the folding stemmer folds whole words") {
  Xapian::Stem stem = folding_stemmer();
  CHECK(stem("đường") == "duong");
  CHECK(stem("Ủy") == "uy");
  CHECK(stem("2013") == "2013");
}
