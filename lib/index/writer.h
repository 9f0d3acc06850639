// The index writer: adds or replaces one document per article (unique term = source id),
// knows the stored state of every file for change detection, remembers files that failed,
// removes what is gone, and commits in batches.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "index/bounds.h"
#include "tracuu/article.h"

namespace tracuu::index {

// What the index holds for one source file.
struct StoredFile {
  std::string signature;                // "size:mtime_ns" when last indexed
  std::string content_hash;             // FNV-1a of its bytes, hex
  std::vector<Xapian::docid> docids;    // its articles (several for a .jsonl file)
};

struct FailedFile {
  std::string signature;
  std::string reason;
};

class Writer {
 public:
  // Opens or creates the index. With `wait`, blocks until another writer lets go of the
  // lock; otherwise throws tracuu::Error at once. Also throws when damaged or of another
  // version.
  // `rebuild`: an index of another tracuu version is emptied, not refused (--force).
  Writer(const std::filesystem::path& db, bool wait, bool rebuild = false);

  // The stored state of every file, keyed by raw path bytes.
  std::unordered_map<std::string, StoredFile> load_files();

  // Files remembered as failed, keyed by failure_key(path).
  std::unordered_map<std::string, FailedFile> load_failures();
  static std::string failure_key(std::string_view path_bytes);

  // Adds or replaces `document` (made by make_document) as the one of `source_id`;
  // returns its docid and whether it replaced one. `maybe_stored` is false when the
  // file has nothing in the index, which saves a lookup.
  std::pair<Xapian::docid, bool> put(std::string_view source_id, const Xapian::Document& document,
                                     bool maybe_stored);

  // Records a new signature for an unchanged document (a file touched, bytes the same).
  void set_signature(Xapian::docid docid, const std::string& signature);

  void remove(Xapian::docid docid);
  void remember_failure(std::string_view path_bytes, const std::string& signature, const std::string& reason);
  void forget_failure(std::string_view path_bytes);

  // The facet slot counts stored (schema.h kMetaMaxRefs / kMetaMaxOfficials), and raising
  // them: shards of one index all store the largest, so whichever is read is right.
  std::pair<std::size_t, std::size_t> facet_counts();
  void raise_facet_counts(std::size_t refs, std::size_t officials);

  // Stores the abbreviation table and its folded form (schema.h kMetaAbbreviations)
  // when it differs from the one stored; committed with the run's last commit.
  void store_abbreviations(std::string_view table, std::string_view folded);

  // The compression dictionary the index holds (dictionary.h; empty if none), and
  // storing one, committed with the run's next commit.
  std::string dictionary();
  void store_dictionary(const std::string& dictionary);

  // Articles in the index now (uncommitted changes included).
  std::size_t doc_count();

  // Makes everything so far durable. Call explicitly: Xapian's destructor commits too,
  // but swallows the exception.
  void commit();

  // After the last write of a run that changed articles: what speeds searches up, for the
  // index as it now is, committed: the bounds of common words (bounds.h) and the mark of
  // docids in path order (path_order.h). The first change of a run has taken the old
  // marks away, so an interrupted run leaves none that do not hold.
  void write_search_aids(Xapian::doccount min_text = kBoundedTermfreq,
                         Xapian::doccount min_headline = kBoundedHeadlineTermfreq);

 private:
  void raise_metadata_count(const char* key, std::size_t count);
  void changing();

  std::filesystem::path path_;
  Xapian::WritableDatabase db_;
  std::size_t max_refs_ = 0;       // facet slots used in this run (schema.h)
  std::size_t max_officials_ = 0;
  bool changed_ = false;  // articles added, replaced or removed in this run
};

}  // namespace tracuu::index
