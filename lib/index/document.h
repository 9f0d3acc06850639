// Turning an Article into a Xapian document (terms, values, data) and back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/schema.h"

#include "tracuu/article.h"

namespace tracuu::index {

// Builds the document for `article`: `source_id` is its unique id (the raw path, plus the
// line for a .jsonl article), `path_bytes` its file, `signature` and `content_hash` the
// file state stored for change detection.
Xapian::Document make_document(const Article& article, std::string_view source_id, std::string_view path_bytes,
                               const std::string& signature, const std::string& content_hash);

// Calls f(entry) for each entry "<code><value>" of a kSlotFacets value (schema.h).
template <typename F>
void for_each_packed_entry(std::string_view packed, F&& f) {
  for (std::size_t start = 0; start < packed.size();) {
    std::size_t end = packed.find(kFacetSeparator, start);
    if (end == std::string_view::npos) end = packed.size();
    if (end > start) f(packed.substr(start, end - start));
    start = end + 1;
  }
}

// Calls f(code, value) for each entry of a kSlotFacets value.
template <typename F>
void for_each_packed_facet(std::string_view packed, F&& f) {
  for_each_packed_entry(packed, [&](std::string_view entry) { f(entry[0], entry.substr(1)); });
}

// How many reference and official facet slots `doc` (made by make_document) uses.
std::pair<std::size_t, std::size_t> facet_slot_counts(const Xapian::Document& doc);

// Distinct reference ids / official names of an article, in first-seen order (the facet
// slots and the entity terms count each once per article).
std::vector<std::string> distinct_ref_ids(const Article& article);
std::vector<std::string> distinct_official_names(const Article& article);

// The near-duplicate key stored for collapsing: a min-hash of the folded words of `body`
// (see document.cpp), computed as make_document computes it.
std::string near_duplicate_key(std::string_view body);

// The stored record of a document (its text left out unless `with_text`). `from`, the
// database `doc` came from, gives the compression dictionary its data names when this
// process does not know it yet (dictionary.h); without it, only known ones are used.
Article read_record(const Xapian::Document& doc, bool with_text = false, const Xapian::Database* from = nullptr);

// What a search hit shows (path, title, published, site, reference ids, official names):
// a small record stored with the text, apart from the full one, read without parsing JSON.
// `from` as for read_record().
Article read_hit(const Xapian::Document& doc, bool with_text = false, const Xapian::Database* from = nullptr);

// Just the stored text of a document.
std::string read_text(const Xapian::Document& doc);

}  // namespace tracuu::index
