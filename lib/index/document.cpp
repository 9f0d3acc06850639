// Document construction: free text in two positional term spaces (folded "Z" terms for
// every word, accented terms where they differ), boolean entity terms, value slots and
// the JSON record. See schema.h for every prefix and slot.
#include "index/document.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include <zstd.h>

#include "index/dictionary.h"
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
// kSlotFacets, and again in kSlotFacetSample for an article of the first sample buckets.
void add_facet_values(Xapian::Document& doc, const Article& a, unsigned bucket) {
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
  if (packed.empty()) return;
  doc.add_value(kSlotFacets, packed);
  if (bucket < kFacetSampleSlotBuckets) doc.add_value(kSlotFacetSample, packed);
}

std::string sortable_date(const std::optional<std::string>& published) {
  if (!published) return {};
  std::string out;
  for (char c : *published)
    if (c != '-') out += c;
  return out;
}

// Document data, compressed here in the reading workers with zstd: faster than the
// zlib compression Xapian would otherwise apply in the single writer thread, and as
// small. (Glass still tries zlib on each record and keeps the result where it is
// smaller, which zstd's output almost never is. With zstd's literals left without
// Huffman coding, the records grew by 14% at 20,000 articles and the table shrank:
// zlib had coded them, and a hit would then be inflated before being decompressed.)
//
// Two zstd frames, one after the other:
//   A  the hit record (what a search hit shows: path, title, date, site, reference
//      ids, official names, in the compact form below), then the text;
//   B  the full record as JSON (what `show` and the listings print).
// A search hit decompresses frame A only and parses no JSON.
constexpr int kDataLevel = 3;

// zstd contexts are made once per thread and reused: ZSTD_compress and ZSTD_decompress
// make (and clear) a new one, of over 100 KB, on every call.
ZSTD_CCtx* compression_context() {
  thread_local const std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context(ZSTD_createCCtx(), ZSTD_freeCCtx);
  if (!context) throw std::runtime_error("zstd: cannot create a compression context");
  return context.get();
}

void compress_into(std::string& out, std::string_view plain) {
  const std::size_t at = out.size();
  out.resize(at + ZSTD_compressBound(plain.size()));
  const ZSTD_CDict* dictionary = writing_dictionary();
  const std::size_t n =
      dictionary ? ZSTD_compress_usingCDict(compression_context(), out.data() + at, out.size() - at, plain.data(),
                                            plain.size(), dictionary)
                 : ZSTD_compressCCtx(compression_context(), out.data() + at, out.size() - at, plain.data(),
                                     plain.size(), kDataLevel);
  if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(n));
  out.resize(at + n);
}

// The first zstd frame of `packed`, decompressed; `packed` is advanced past it.
// nullopt when the data is not what make_document wrote. A frame compressed with a
// dictionary this process does not know yet has the dictionaries of `from` (the
// database the data came from) made known first (dictionary.h).
std::optional<std::string> next_frame(std::string_view& packed, const Xapian::Database* from) {
  const std::size_t frame = ZSTD_findFrameCompressedSize(packed.data(), packed.size());
  if (ZSTD_isError(frame)) return std::nullopt;
  const unsigned long long size = ZSTD_getFrameContentSize(packed.data(), frame);
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 31)) return std::nullopt;
  thread_local const std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (!context) return std::nullopt;
  const ZSTD_DDict* dictionary = nullptr;
  if (const unsigned id = ZSTD_getDictID_fromFrame(packed.data(), frame); id != 0) {
    if (!(dictionary = reading_dictionary(id)) && from) {
      register_dictionaries(*from);
      dictionary = reading_dictionary(id);
    }
    if (!dictionary) return std::nullopt;
  }
  std::string plain(size, '\0');
  const std::size_t n =
      dictionary
          ? ZSTD_decompress_usingDDict(context.get(), plain.data(), plain.size(), packed.data(), frame, dictionary)
          : ZSTD_decompressDCtx(context.get(), plain.data(), plain.size(), packed.data(), frame);
  if (ZSTD_isError(n) || n != size) return std::nullopt;
  packed.remove_prefix(frame);
  return plain;
}

// The hit record's compact form: length-prefixed fields ("<bytes>:<field>"), with a
// count before each list. Any byte may occur in a field. Reading it back scans a few
// hundred bytes; parsing the same record as JSON was a third of each hit's time.
// An absent optional field (path_bytes, published) is written empty: neither can be.
void put_field(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

std::string encode_hit(const Article& a) {
  std::string out;
  put_field(out, a.path);
  put_field(out, a.path_bytes.value_or(""));
  put_field(out, a.format);
  put_field(out, a.title);
  put_field(out, a.published.value_or(""));
  put_field(out, a.site);
  std::vector<std::string_view> ids;
  for (const auto& r : a.refs)
    if (r.id) ids.push_back(*r.id);
  put_field(out, std::to_string(ids.size()));
  for (std::string_view id : ids) put_field(out, id);
  put_field(out, std::to_string(a.officials.size()));
  for (const auto& o : a.officials) put_field(out, o.name);
  return out;
}

// The next field of `in`, which is advanced past it; nullopt if `in` is malformed.
std::optional<std::string_view> get_field(std::string_view& in) {
  std::size_t size = 0, i = 0;
  for (; i < in.size() && i < 10 && in[i] >= '0' && in[i] <= '9'; ++i) size = size * 10 + (in[i] - '0');
  if (i == 0 || i >= in.size() || in[i] != ':' || in.size() - i - 1 < size) return std::nullopt;
  const std::string_view field = in.substr(i + 1, size);
  in.remove_prefix(i + 1 + size);
  return field;
}

std::optional<std::size_t> get_count(std::string_view& in) {
  const auto field = get_field(in);
  if (!field || field->empty() || field->size() > 6) return std::nullopt;
  std::size_t n = 0;
  for (char c : *field) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

// Decodes the hit record at the front of `in`, which is advanced past it.
std::optional<Article> decode_hit(std::string_view& in) {
  std::optional<std::string_view> fields[6];
  for (auto& field : fields)
    if (!(field = get_field(in))) return std::nullopt;
  Article a;
  a.path = *fields[0];
  if (!fields[1]->empty()) a.path_bytes = std::string(*fields[1]);
  a.format = *fields[2];
  a.title = *fields[3];
  if (!fields[4]->empty()) a.published = std::string(*fields[4]);
  a.site = *fields[5];
  const auto refs = get_count(in);
  for (std::size_t i = 0; refs && i < *refs; ++i) {
    const auto id = get_field(in);
    if (!id) return std::nullopt;
    a.refs.emplace_back();
    a.refs.back().id = std::string(*id);
  }
  const auto officials = refs ? get_count(in) : std::nullopt;
  for (std::size_t i = 0; officials && i < *officials; ++i) {
    const auto name = get_field(in);
    if (!name) return std::nullopt;
    a.officials.emplace_back();
    a.officials.back().name = *name;
  }
  if (!officials) return std::nullopt;
  return a;
}

Article unreadable() {
  Article a;
  a.warnings.push_back("stored record is unreadable");
  return a;
}

Article parse_article(std::string_view json_text) {
  try {
    if (json_text.empty()) throw std::runtime_error("no record");
    return output::article_from_json(nlohmann::json::parse(json_text));
  } catch (const std::exception&) {
    return unreadable();
  }
}

// Frame A: the hit record, with the text when `with_text` (nullopt if unreadable).
// `packed` is advanced past the frame.
std::optional<Article> read_front(std::string_view& packed, bool with_text, const Xapian::Database* from) {
  auto plain = next_frame(packed, from);
  if (!plain) return std::nullopt;
  std::string_view rest = *plain;
  auto hit = decode_hit(rest);
  if (!hit) return std::nullopt;
  if (with_text) {
    plain->erase(0, plain->size() - rest.size());  // the text, moved rather than copied
    hit->text = std::move(*plain);
  }
  return hit;
}

// Advances `packed` past its first frame without decompressing it; false if there is none.
bool skip_frame(std::string_view& packed) {
  const std::size_t frame = ZSTD_findFrameCompressedSize(packed.data(), packed.size());
  if (ZSTD_isError(frame)) return false;
  packed.remove_prefix(frame);
  return true;
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
  const unsigned bucket = sample_bucket(source_id);
  doc.add_boolean_term(sample_term(bucket));
  doc.add_value(kSlotSource, std::string(path_bytes));
  doc.add_value(kSlotDateKey, sortable_date(a.published) + std::string(source_id));
  doc.add_value(kSlotContentHash, content_hash);
  doc.add_value(kSlotPublished, sortable_date(a.published));
  doc.add_value(kSlotSignature, signature);
  doc.add_value(kSlotCollapse, collapse_key);
  add_facet_values(doc, a, bucket);
  std::string data;
  compress_into(data, encode_hit(a) + a.text);
  compress_into(data, output::dump(output::article_json(a)));
  doc.set_data(data);
  return doc;
}

Article read_record(const Xapian::Document& doc, bool with_text, const Xapian::Database* from) {
  const std::string data = doc.get_data();
  std::string_view packed = data;
  std::optional<Article> front;  // frame A, for the text
  if (with_text) {
    if (!(front = read_front(packed, true, from))) return unreadable();
  } else if (!skip_frame(packed)) {  // the listings: frame A skipped, not decompressed
    return unreadable();
  }
  const auto record = next_frame(packed, from);
  if (!record) return unreadable();
  Article a = parse_article(*record);
  if (front) a.text = std::move(front->text);
  return a;
}

Article read_hit(const Xapian::Document& doc, bool with_text, const Xapian::Database* from) {
  const std::string data = doc.get_data();
  std::string_view packed = data;
  auto front = read_front(packed, with_text, from);
  return front ? std::move(*front) : unreadable();
}

std::string read_text(const Xapian::Document& doc) {
  const std::string data = doc.get_data();
  std::string_view packed = data;
  auto front = read_front(packed, true, nullptr);
  return front ? std::move(front->text) : std::string();
}

}  // namespace tracuu::index
