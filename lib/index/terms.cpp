// Entity term keys and the folding stemmer (see terms.h).
#include "index/terms.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <vector>

#include "index/schema.h"
#include "tracuu/text.h"

namespace tracuu::index {
namespace {

class FoldingStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return text::fold(word); }
  std::string get_description() const override { return "tracuu-fold"; }
};

// Normalise any dash-like code point to '-' and drop whitespace (codes are written
// with stray spaces and en dashes in real text: "69 – HD/BTGTW").
std::string tidy_code(std::string_view folded) {
  std::string out;
  for (std::size_t i = 0; i < folded.size();) {
    unsigned char c = folded[i];
    if (c == ' ' || c == '\t' || c == '\n') { ++i; continue; }
    // U+2010..U+2015 and U+2212 (minus) are E2 80 90..95 / E2 88 92 in UTF-8.
    if (c == 0xE2 && i + 2 < folded.size()) {
      unsigned char c1 = folded[i + 1], c2 = folded[i + 2];
      if ((c1 == 0x80 && c2 >= 0x90 && c2 <= 0x95) || (c1 == 0x88 && c2 == 0x92)) {
        out += '-';
        i += 3;
        continue;
      }
    }
    out += static_cast<char>(c);
    ++i;
  }
  return out;
}

}  // namespace

std::string ref_key(std::string_view code) {
  std::string key = tidy_code(text::fold(text::normalize(code)));
  std::size_t zeros = 0;
  while (zeros + 1 < key.size() && key[zeros] == '0' && std::isdigit(static_cast<unsigned char>(key[zeros + 1])))
    ++zeros;
  return key.substr(zeros);
}

std::string official_key(std::string_view name) { return text::fold(text::normalize(name)); }

std::string kind_key(std::string_view kind) {
  std::string key = text::fold(text::normalize(kind));
  for (char& c : key)
    if (c == ' ') c = '-';
  return key;
}

std::string unique_term(std::string_view path_bytes) {
  std::string term(kUnique);
  term.append(path_bytes);
  if (term.size() <= kMaxTermBytes) return term;
  // Keep a readable head and make the tail unique.
  return term.substr(0, kMaxTermBytes - 17) + fmt::format("#{:016x}", fnv1a(path_bytes));
}

std::string sample_term(unsigned bucket) { return fmt::format("{}{:02x}", kSample, bucket % kSampleBuckets); }

unsigned sample_bucket(std::string_view source_id) {
  const std::uint64_t h = fnv1a(source_id);
  return static_cast<unsigned>((h ^ (h >> 32) ^ (h >> 16)) & (kSampleBuckets - 1));
}

std::string sample_term(std::string_view source_id) { return sample_term(sample_bucket(source_id)); }

Xapian::Query sampled(const Xapian::Query& query, Xapian::doccount expected, Xapian::doccount target,
                      unsigned& buckets) {
  buckets = kSampleBuckets;
  if (expected <= target) return query;
  const auto wanted = static_cast<std::uint64_t>(kSampleBuckets) * target;
  buckets = static_cast<unsigned>(std::max<std::uint64_t>(1, (wanted + expected - 1) / expected));
  std::vector<Xapian::Query> sample;
  for (unsigned b = 0; b < buckets; ++b) sample.emplace_back(sample_term(b));
  return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_OR, sample.begin(), sample.end()));
}

Xapian::MSet statistics(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  return enquire.get_mset(0, 0);
}

std::string folded_term(std::string_view word) {
  std::string term(kFolded);
  term += text::fold(word);
  return term;
}

Xapian::Stem folding_stemmer() { return Xapian::Stem(new FoldingStem); }

}  // namespace tracuu::index
