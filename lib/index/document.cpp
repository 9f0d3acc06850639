// Document construction: free text in two positional term spaces (folded "Z" terms for
// every word, accented terms where they differ), boolean entity terms, value slots and
// the JSON record. See schema.h for every prefix and slot.
#include "index/document.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

#include <zstd.h>

#include "index/schema.h"
#include "index/terms.h"
#include "tracuu/output.h"
#include "tracuu/text.h"

namespace tracuu::index {
namespace {

// Xapian's TermGenerator tokenises exactly as its QueryParser does (codes like 09-CT/TW,
// decimals, apostrophes). With STEM_ALL_Z it stores every word only in the "Z" space,
// in the form its stemmer gives, with positions. The stemmer below folds the word
// (schema.h) and, on the side, notes what else the document needs from its words: the
// exact forms of accented words, added without positions (they only rank and filter;
// phrases match in the folded space, so this keeps the index about as small as
// omindex's), and a hash of each folded word for the near-duplicate key.
class WordCollector : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override {
    if (text::has_diacritics(word)) exact_.push_back(word);
    std::string folded = text::fold(word);
    if (hashing_) hashes_.push_back(fnv1a(folded));
    return folded;
  }
  std::string get_description() const override { return "tracuu-fold-collect"; }

  // Whether the words seen from now on are hashed for the near-duplicate key.
  void hash_words(bool on) { hashing_ = on; }
  const std::vector<std::uint64_t>& hashes() const { return hashes_; }

  // Adds the exact forms noted since the last call, in the space of `prefix`.
  void flush(Xapian::Document& doc, std::string_view prefix) {
    std::string term = std::string(kFolded) + std::string(prefix) + std::string(kExactMark);
    const std::size_t head = term.size();
    for (const auto& word : exact_) {
      term.resize(head);
      term += word;
      if (term.size() <= kMaxTermBytes) doc.add_term(term);
    }
    exact_.clear();
  }

 private:
  std::vector<std::string> exact_;
  std::vector<std::uint64_t> hashes_;
  bool hashing_ = false;
};

// A min-hash over 5-word shingles of the folded words: two copies of one story share it
// with a probability equal to their shingle overlap, so syndicated copies (near 1)
// collapse and different stories (near 0) do not.
std::string min_hash(const std::vector<std::uint64_t>& words) {
  if (words.empty()) return {};
  constexpr std::size_t kShingle = 5;
  std::uint64_t best = ~0ull;
  const std::size_t last = words.size() >= kShingle ? words.size() - kShingle : 0;
  for (std::size_t w = 0; w <= last; ++w) {
    std::uint64_t h = fnv1a({});
    for (std::size_t k = w; k < std::min(words.size(), w + kShingle); ++k) h = (h ^ words[k]) * 1099511628211ull;
    best = std::min(best, h);
  }
  return fmt::format("{:016x}", best);
}

// Indexes the title and text of `a` into `doc`; returns the near-duplicate key of the text.
std::string index_free_text(Xapian::Document& doc, const Article& a) {
  auto* words = new WordCollector;  // owned by the Xapian::Stem below
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem(words));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
  generator.set_document(doc);
  generator.index_text(a.title, 1, std::string(kTitle));
  words->flush(doc, kTitle);
  // Plain-text articles carry their headline in the text; an HTML <title> may not be in
  // the body, and a reader expects title words to be found like any other.
  if (!a.title.empty() && a.text.find(a.title) == std::string::npos) {
    generator.index_text(a.title);
    generator.increase_termpos();
  }
  words->hash_words(true);
  generator.index_text(a.text);
  words->flush(doc, {});
  return min_hash(words->hashes());
}

void add_entity_terms(Xapian::Document& doc, const Article& a) {
  std::set<std::string> terms;  // one boolean term per distinct entity
  for (const auto& r : a.refs) {
    if (r.id) terms.insert(std::string(kRef) + ref_key(*r.id));
    if (!r.kind.empty()) terms.insert(std::string(kKind) + kind_key(r.kind));
  }
  for (const auto& o : a.officials) terms.insert(std::string(kOfficial) + official_key(o.name));
  if (!a.site.empty()) terms.insert(std::string(kSite) + text::lower(a.site));
  terms.insert(std::string(kFormat) + a.format);
  if (a.published && a.published->size() >= 4) {
    const std::string& p = *a.published;  // "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    terms.insert(std::string(kYear) + p.substr(0, 4));
    if (p.size() >= 7) terms.insert(std::string(kMonth) + p.substr(0, 4) + p.substr(5, 2));
    if (p.size() >= 10) terms.insert(std::string(kDay) + p.substr(0, 4) + p.substr(5, 2) + p.substr(8, 2));
  }
  for (const auto& term : terms)
    if (term.size() <= kMaxTermBytes) doc.add_boolean_term(term);
}

// One slot per distinct value (schema.h: multi-valued facets), and all of them packed in
// kSlotFacets.
void add_facet_values(Xapian::Document& doc, const Article& a) {
  std::string packed;
  auto add = [&](Xapian::valueno slot, char code, const std::string& value) {
    doc.add_value(slot, value);
    if (!packed.empty()) packed += kFacetSeparator;
    packed += code;
    packed += value;
  };
  if (a.published && a.published->size() >= 4) add(kSlotYear, kFacetYear, a.published->substr(0, 4));
  if (!a.site.empty()) add(kSlotSite, kFacetSite, a.site);
  const auto ids = distinct_ref_ids(a), names = distinct_official_names(a);
  for (unsigned i = 0; i < ids.size() && i < kMaxFacetValues; ++i) add(kSlotRefBase + i, kFacetRef, ids[i]);
  for (unsigned i = 0; i < names.size() && i < kMaxFacetValues; ++i)
    add(kSlotOfficialBase + i, kFacetOfficial, names[i]);
  if (!packed.empty()) doc.add_value(kSlotFacets, packed);
}

std::string sortable_date(const std::optional<std::string>& published) {
  if (!published) return {};
  std::string out;
  for (char c : *published)
    if (c != '-') out += c;
  return out;
}

// Document data is compressed here, in the reading workers, with zstd: faster than the
// zlib compression Xapian would otherwise apply in the single writer thread, and as
// small. (Glass compresses a document-data table only when it exists from the start;
// ours is created with the first document, so Xapian stores the bytes as given.)
constexpr int kDataLevel = 3;

std::string compress_data(std::string_view plain) {
  std::string packed(ZSTD_compressBound(plain.size()), '\0');
  const std::size_t n = ZSTD_compress(packed.data(), packed.size(), plain.data(), plain.size(), kDataLevel);
  if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(n));
  packed.resize(n);
  return packed;
}

// The stored record and text; nullopt when the data is not what make_document wrote.
std::optional<std::string> decompress_data(const std::string& packed) {
  const unsigned long long size = ZSTD_getFrameContentSize(packed.data(), packed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 31)) return std::nullopt;
  std::string plain(size, '\0');
  const std::size_t n = ZSTD_decompress(plain.data(), plain.size(), packed.data(), packed.size());
  if (ZSTD_isError(n) || n != size) return std::nullopt;
  return plain;
}

// What a search hit shows of an article (path, title, date, site, reference ids, official
// names): stored as a record of its own ahead of the full one, so a search parses a few
// hundred bytes per hit, not every mention of every entity.
Article hit_part(const Article& a) {
  Article h;
  h.path = a.path;
  h.path_bytes = a.path_bytes;
  h.format = a.format;
  h.title = a.title;
  h.published = a.published;
  h.site = a.site;
  for (const auto& r : a.refs) {
    if (!r.id) continue;
    h.refs.emplace_back();
    h.refs.back().id = r.id;
  }
  for (const auto& o : a.officials) {
    h.officials.emplace_back();
    h.officials.back().name = o.name;
  }
  return h;
}

// The stored data split into its three parts: hit record, full record, text.
struct DataParts {
  std::optional<std::string> plain;
  std::string_view hit, record, text;
};

DataParts split_data(const Xapian::Document& doc) {
  DataParts parts{decompress_data(doc.get_data()), {}, {}, {}};
  if (!parts.plain) return parts;
  const std::string_view all = *parts.plain;
  const std::size_t first = all.find('\n');
  const std::size_t second = first == std::string_view::npos ? first : all.find('\n', first + 1);
  if (second == std::string_view::npos) return parts;
  parts.hit = all.substr(0, first);
  parts.record = all.substr(first + 1, second - first - 1);
  parts.text = all.substr(second + 1);
  return parts;
}

Article parse_article(std::string_view json_text) {
  try {
    if (json_text.empty()) throw std::runtime_error("no record");
    return output::article_from_json(nlohmann::json::parse(json_text));
  } catch (const std::exception&) {
    Article a;
    a.warnings.push_back("stored record is unreadable");
    return a;
  }
}

}  // namespace

std::string near_duplicate_key(std::string_view body) {
  Xapian::Document scratch;
  Article a;
  a.text = body;
  return index_free_text(scratch, a);
}

std::pair<std::size_t, std::size_t> facet_slot_counts(const Xapian::Document& doc) {
  std::pair<std::size_t, std::size_t> counts{0, 0};
  for_each_packed_facet(doc.get_value(kSlotFacets), [&](char code, std::string_view) {
    if (code == kFacetRef) ++counts.first;
    if (code == kFacetOfficial) ++counts.second;
  });
  return counts;
}

std::vector<std::string> distinct_ref_ids(const Article& a) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& r : a.refs)
    if (r.id && seen.insert(ref_key(*r.id)).second) out.push_back(*r.id);
  return out;
}

std::vector<std::string> distinct_official_names(const Article& a) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& o : a.officials)
    if (seen.insert(official_key(o.name)).second) out.push_back(o.name);
  return out;
}

Xapian::Document make_document(const Article& a, std::string_view source_id, std::string_view path_bytes,
                               const std::string& signature, const std::string& content_hash) {
  Xapian::Document doc;
  const std::string collapse_key = index_free_text(doc, a);
  add_entity_terms(doc, a);
  doc.add_boolean_term(unique_term(source_id));
  doc.add_value(kSlotSource, std::string(path_bytes));
  doc.add_value(kSlotDateKey, sortable_date(a.published) + std::string(source_id));
  doc.add_value(kSlotContentHash, content_hash);
  doc.add_value(kSlotPublished, sortable_date(a.published));
  doc.add_value(kSlotSignature, signature);
  doc.add_value(kSlotCollapse, collapse_key);
  add_facet_values(doc, a);
  doc.set_data(compress_data(output::dump(output::article_json(hit_part(a))) + "\n" +
                             output::dump(output::article_json(a)) + "\n" + a.text));
  return doc;
}

Article read_record(const Xapian::Document& doc, bool with_text) {
  const DataParts parts = split_data(doc);
  Article a = parse_article(parts.record);
  if (with_text) a.text = parts.text;
  return a;
}

Article read_hit(const Xapian::Document& doc, bool with_text) {
  const DataParts parts = split_data(doc);
  Article a = parse_article(parts.hit);
  if (with_text) a.text = parts.text;
  return a;
}

std::string read_text(const Xapian::Document& doc) { return std::string(split_data(doc).text); }

}  // namespace tracuu::index
