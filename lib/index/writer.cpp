// Writer: replace_document by unique term, so re-running ingest never doubles articles;
// the stored state per file comes from value streams, read once per run.
#include "index/writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "index/bounds.h"
#include "index/database.h"
#include "index/dictionary.h"
#include "index/document.h"
#include "index/path_order.h"
#include "index/schema.h"
#include "index/terms.h"

namespace tracuu::index {

Writer::Writer(const std::filesystem::path& db, bool wait, bool rebuild)
    : path_(db), db_(open_writable(db, wait, rebuild)) {}

std::unordered_map<std::string, StoredFile> Writer::load_files() {
  std::unordered_map<std::string, StoredFile> files;
  with_index_errors(path_, [&] {
    // Indexed by docid (dense enough: compaction renumbers, deletions leave few gaps).
    const std::size_t slots = static_cast<std::size_t>(db_.get_lastdocid()) + 1;
    std::vector<std::string> signatures(slots), hashes(slots);
    for (auto v = db_.valuestream_begin(kSlotSignature); v != db_.valuestream_end(kSlotSignature); ++v)
      signatures[v.get_docid()] = *v;
    for (auto v = db_.valuestream_begin(kSlotContentHash); v != db_.valuestream_end(kSlotContentHash); ++v)
      hashes[v.get_docid()] = *v;
    files.reserve(db_.get_doccount());
    for (auto v = db_.valuestream_begin(kSlotSource); v != db_.valuestream_end(kSlotSource); ++v) {
      StoredFile& f = files[*v];
      f.docids.push_back(v.get_docid());
      f.signature = std::move(signatures[v.get_docid()]);
      f.content_hash = std::move(hashes[v.get_docid()]);
    }
  });
  return files;
}

std::string Writer::failure_key(std::string_view path_bytes) {
  return fmt::format("{}{:016x}", kMetaFailedPrefix, fnv1a(path_bytes));
}

std::unordered_map<std::string, FailedFile> Writer::load_failures() {
  std::unordered_map<std::string, FailedFile> failures;
  with_index_errors(path_, [&] {
    const std::string prefix = kMetaFailedPrefix;
    for (auto k = db_.metadata_keys_begin(prefix); k != db_.metadata_keys_end(prefix); ++k) {
      const std::string value = db_.get_metadata(*k);
      const std::size_t tab = value.find('\t');
      failures[*k] = {value.substr(0, tab), tab == std::string::npos ? "" : value.substr(tab + 1)};
    }
  });
  return failures;
}

std::pair<Xapian::docid, bool> Writer::put(std::string_view source_id, const Xapian::Document& document,
                                           bool maybe_stored) {
  std::pair<Xapian::docid, bool> result{0, false};
  changing();
  with_index_errors(path_, [&] {
    if (!maybe_stored) {
      result.first = db_.add_document(document);
      return;
    }
    const std::string term = unique_term(source_id);
    result.second = db_.term_exists(term);
    result.first = db_.replace_document(term, document);
  });
  const auto [refs, officials] = facet_slot_counts(document);
  raise_facet_counts(refs, officials);
  return result;
}

void Writer::set_signature(Xapian::docid docid, const std::string& signature) {
  with_index_errors(path_, [&] {
    Xapian::Document doc = db_.get_document(docid);
    doc.add_value(kSlotSignature, signature);
    db_.replace_document(docid, doc);
  });
}

void Writer::remove(Xapian::docid docid) {
  changing();
  with_index_errors(path_, [&] { db_.delete_document(docid); });
}

void Writer::changing() {
  if (changed_) return;
  with_index_errors(path_, [&] {
    clear_bounds(db_);
    clear_path_order(db_);
  });
  changed_ = true;
}

void Writer::write_search_aids(Xapian::doccount min_text, Xapian::doccount min_headline) {
  if (!changed_) return;
  with_index_errors(path_, [&] {
    index::write_bounds(db_, min_text, min_headline);
    write_path_order(db_);
    db_.commit();
  });
}

void Writer::remember_failure(std::string_view path_bytes, const std::string& signature, const std::string& reason) {
  with_index_errors(path_, [&] { db_.set_metadata(failure_key(path_bytes), signature + "\t" + reason); });
}

void Writer::forget_failure(std::string_view path_bytes) {
  with_index_errors(path_, [&] { db_.set_metadata(failure_key(path_bytes), ""); });
}

void Writer::raise_metadata_count(const char* key, std::size_t count) {
  const std::string stored = db_.get_metadata(key);
  if (stored.empty() || std::stoul(stored) < count) db_.set_metadata(key, std::to_string(count));
}

std::pair<std::size_t, std::size_t> Writer::facet_counts() {
  std::pair<std::size_t, std::size_t> counts{0, 0};
  with_index_errors(path_, [&] {
    const std::string refs = db_.get_metadata(kMetaMaxRefs), officials = db_.get_metadata(kMetaMaxOfficials);
    counts = {refs.empty() ? 0 : std::stoul(refs), officials.empty() ? 0 : std::stoul(officials)};
  });
  return counts;
}

void Writer::raise_facet_counts(std::size_t refs, std::size_t officials) {
  max_refs_ = std::max(max_refs_, refs);
  max_officials_ = std::max(max_officials_, officials);
}

void Writer::store_abbreviations(std::string_view table, std::string_view folded) {
  with_index_errors(path_, [&] {
    if (db_.get_metadata(kMetaAbbreviations) != table || db_.get_metadata(kMetaAbbreviationsFolded) != folded) {
      db_.set_metadata(kMetaAbbreviations, std::string(table));
      db_.set_metadata(kMetaAbbreviationsFolded, std::string(folded));
    }
  });
}

std::string Writer::dictionary() {
  std::string stored;
  with_index_errors(path_, [&] { stored = stored_dictionary(db_); });
  return stored;
}

void Writer::store_dictionary(const std::string& dictionary) {
  with_index_errors(path_, [&] { index::store_dictionary(db_, dictionary); });
}

std::size_t Writer::doc_count() {
  std::size_t count = 0;
  with_index_errors(path_, [&] { count = db_.get_doccount(); });
  return count;
}

void Writer::commit() {
  with_index_errors(path_, [&] {
    raise_metadata_count(kMetaMaxRefs, max_refs_);
    raise_metadata_count(kMetaMaxOfficials, max_officials_);
    db_.commit();
  });
}

}  // namespace tracuu::index
