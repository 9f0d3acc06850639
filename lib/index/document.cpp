// Document construction: free text in two positional term spaces (folded "Z" terms for
// every word, accented terms where they differ), boolean entity terms, value slots and
// the JSON record. See schema.h for every prefix and slot.
#include "index/document.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "index/schema.h"
#include "index/terms.h"
#include "tracuu/output.h"
#include "tracuu/text.h"

namespace tracuu::index {
namespace {

// Xapian's TermGenerator tokenises exactly as its QueryParser does (codes like 09-CT/TW,
// decimals, apostrophes), so it splits the words; each word is then stored in the "Z"
// space in its folded form and, if accented, its exact form (schema.h). The
// TermGenerator's own stemming cannot do this: it never stems terms that start with a
// digit, while the QueryParser's STEM_ALL_Z does.
void move_to_folded_space(Xapian::Document& doc) {
  struct Entry {
    std::string term;
    std::vector<Xapian::termpos> positions;
  };
  std::vector<Entry> entries;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    Entry e{*t, {}};
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) e.positions.push_back(*p);
    entries.push_back(std::move(e));
  }
  for (const auto& e : entries) {
    const bool titled = !e.term.empty() && e.term[0] == kTitle[0];
    const std::string_view prefix = titled ? kTitle : std::string_view{};
    const std::string word = e.term.substr(prefix.size());
    const std::string space = std::string(kFolded) + std::string(prefix);
    const std::string folded = space + text::fold(word);
    const std::string exact = space + std::string(kExactMark) + word;
    const bool accented = text::has_diacritics(word);
    for (Xapian::termpos pos : e.positions) {
      doc.add_posting(folded, pos);
      // Exact forms only rank and filter (phrases match in the folded space), so they need
      // no positions: that keeps the index about as small as omindex's.
      if (accented && exact.size() <= kMaxTermBytes) doc.add_term(exact);
    }
    doc.remove_term(e.term);
  }
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

// One slot per distinct value (schema.h: multi-valued facets).
void add_facet_values(Xapian::Document& doc, const Article& a) {
  if (a.published && a.published->size() >= 4) doc.add_value(kSlotYear, a.published->substr(0, 4));
  if (!a.site.empty()) doc.add_value(kSlotSite, a.site);
  const auto ids = distinct_ref_ids(a), names = distinct_official_names(a);
  for (unsigned i = 0; i < ids.size() && i < kMaxFacetValues; ++i) doc.add_value(kSlotRefBase + i, ids[i]);
  for (unsigned i = 0; i < names.size() && i < kMaxFacetValues; ++i) doc.add_value(kSlotOfficialBase + i, names[i]);
}

std::string sortable_date(const std::optional<std::string>& published) {
  if (!published) return {};
  std::string out;
  for (char c : *published)
    if (c != '-') out += c;
  return out;
}

}  // namespace

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

// A min-hash over 5-word shingles of the folded text: two copies of one story share it
// with a probability equal to their shingle overlap, so syndicated copies (near 1) collapse
// and different stories (near 0) do not.
std::string near_duplicate_key(std::string_view body) {
  const std::string folded = text::fold(body);
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !std::isalnum(static_cast<unsigned char>(folded[i]))) ++i;
    const std::size_t start = i;
    while (i < folded.size() && std::isalnum(static_cast<unsigned char>(folded[i]))) ++i;
    if (i > start) words.emplace_back(folded.data() + start, i - start);
  }
  if (words.empty()) return {};
  constexpr std::size_t kShingle = 5;
  std::uint64_t best = ~0ull;
  const std::size_t last = words.size() >= kShingle ? words.size() - kShingle : 0;
  for (std::size_t w = 0; w <= last; ++w) {
    std::uint64_t h = fnv1a({});
    for (std::size_t k = w; k < std::min(words.size(), w + kShingle); ++k) h = fnv1a(" ", fnv1a(words[k], h));
    best = std::min(best, h);
  }
  return fmt::format("{:016x}", best);
}

Xapian::Document make_document(const Article& a, std::string_view source_id, std::string_view path_bytes,
                               const std::string& signature, const std::string& content_hash) {
  Xapian::Document doc;
  Xapian::TermGenerator generator;
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  generator.set_document(doc);
  generator.index_text(a.title, 1, std::string(kTitle));
  // Plain-text articles carry their headline in the text; an HTML <title> may not be in
  // the body, and a reader expects title words to be found like any other.
  if (!a.title.empty() && a.text.find(a.title) == std::string::npos) {
    generator.index_text(a.title);
    generator.increase_termpos();
  }
  generator.index_text(a.text);
  move_to_folded_space(doc);
  add_entity_terms(doc, a);
  doc.add_boolean_term(unique_term(source_id));
  doc.add_value(kSlotSource, std::string(path_bytes));
  doc.add_value(kSlotDateKey, sortable_date(a.published) + std::string(source_id));
  doc.add_value(kSlotContentHash, content_hash);
  doc.add_value(kSlotPublished, sortable_date(a.published));
  doc.add_value(kSlotSignature, signature);
  doc.add_value(kSlotCollapse, near_duplicate_key(a.text));
  add_facet_values(doc, a);
  doc.set_data(output::dump(output::article_json(a)) + "\n" + a.text);
  return doc;
}

Article read_record(const Xapian::Document& doc, bool with_text) {
  const std::string data = doc.get_data();
  const std::size_t cut = data.find('\n');
  Article a;
  try {
    a = output::article_from_json(nlohmann::json::parse(data.substr(0, cut)));
  } catch (const nlohmann::json::exception&) {
    a.warnings.push_back("stored record is unreadable");
  }
  if (with_text && cut != std::string::npos) a.text = data.substr(cut + 1);
  return a;
}

std::string read_text(const Xapian::Document& doc) {
  const std::string data = doc.get_data();
  const std::size_t cut = data.find('\n');
  return cut == std::string::npos ? std::string{} : data.substr(cut + 1);
}

}  // namespace tracuu::index
