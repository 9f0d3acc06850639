// Document construction: free text in two positional term spaces (folded "Z" terms for
// every word, accented terms where they differ), boolean entity terms, value slots and
// the JSON record. See schema.h for every prefix and slot.
#include "index/document.h"

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
// decimals, apostrophes), so it makes the accented terms; the folded twin of each term is
// added here at the same positions. The TermGenerator's own stemming cannot do this: it
// never stems terms that start with a digit, while the QueryParser's STEM_ALL_Z does.
void add_folded_twins(Xapian::Document& doc) {
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
    const std::string folded = text::fold(word);
    const std::string twin = std::string(kFolded) + std::string(prefix) + folded;
    for (Xapian::termpos pos : e.positions) doc.add_posting(twin, pos);
    if (folded == word) doc.remove_term(e.term);  // the folded twin says the same
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

std::string sortable_date(const std::optional<std::string>& published) {
  if (!published) return {};
  std::string out;
  for (char c : *published)
    if (c != '-') out += c;
  return out;
}

}  // namespace

Xapian::Document make_document(const Article& a, std::string_view path_bytes, const std::string& signature) {
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
  add_folded_twins(doc);
  add_entity_terms(doc, a);
  doc.add_boolean_term(unique_term(path_bytes));
  doc.add_value(kSlotPublished, sortable_date(a.published));
  doc.add_value(kSlotSignature, signature);
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
