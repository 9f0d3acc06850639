// Ingest: walk folders, read and extract each article, and keep the index in step.
// The pipeline never prints; it reports through an IngestReporter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tracuu/article.h"
#include "tracuu/extract.h"

namespace tracuu {

struct IngestOptions {
  bool force = false;                          // re-index files even when unchanged
  bool prune = false;                          // remove articles whose files are gone
  bool wait = false;                           // wait for another writer instead of failing
  unsigned jobs = 0;                           // reading/extracting workers; 0 = a core per writer left free
  unsigned shards = 0;                         // new index: this many shards written in parallel
  std::uintmax_t max_size = 64u << 20;         // larger files are skipped with a reason
  std::size_t batch_docs = 1000;               // commit after this many documents ...
  std::size_t batch_bytes = 64u << 20;         // ... or this many bytes of text
  bool compact = true;                         // compact a single index when the run wrote
                                               // at least half of its articles
  std::size_t dictionary_min_files = 500;      // an index with no compression dictionary
                                               // gets one when a run reads this many files
};

struct SkipReason {
  std::string path;    // display form (valid UTF-8)
  std::string reason;  // one line: "empty file", "not text (NUL bytes)", ...
};

// Counts are of articles (a .jsonl file holds many), except `seen`, which counts files.
struct IngestStats {
  std::size_t seen = 0;        // article files found
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t removed = 0;     // with --prune: articles whose files are gone
  std::size_t skipped = 0;     // files (or .jsonl lines) that could not be used
  std::size_t warnings = 0;
  std::uintmax_t bytes = 0;    // bytes read from files that were (re)indexed
  unsigned jobs = 1;
  unsigned shards = 1;
  bool compacted = false;      // the index was compacted at the end of the run
  double seconds = 0;
  std::vector<SkipReason> skips;
};

struct IngestProgress {
  std::size_t done = 0;        // files handled so far (unchanged ones included)
  std::size_t total = 0;       // files found
  std::uintmax_t bytes = 0;    // bytes read so far
  double seconds = 0;
};

// Called from the thread that runs ingest_paths(), never concurrently.
class IngestReporter {
 public:
  virtual ~IngestReporter() = default;
  virtual void skipped(const SkipReason&) {}
  virtual void warning(const std::string& /*path*/, const std::string& /*message*/) {}
  virtual void indexed(const Article&, bool /*updated*/) {}
  virtual void progress(const IngestProgress&) {}
};

// Indexes every .txt/.html/.htm/.jsonl file under `roots` (a root may also be a single
// file of any extension) into the index at `db`, creating it if needed, and keeps it in
// step: unchanged files (same size and mtime, or same bytes) are not re-read, a file that
// failed is retried only when it changes, and with `prune` the articles of files that are
// gone from a walked root are removed (never for a root that is missing or holds no
// article file). Workers read, extract and build documents in parallel; one writer per
// shard adds them and commits in batches, in path order, so the index is the same
// whatever `jobs`. A run that wrote at least half of a single index ends by compacting
// it (options.compact). Throws tracuu::Error for failures
// that stop the run (index locked, damaged or of another version; no root exists); odd
// files are reported and skipped.
IngestStats ingest_paths(const std::filesystem::path& db, const std::vector<std::filesystem::path>& roots,
                   const Extractor& extractor, const IngestOptions& options,
                   IngestReporter& reporter);

// What reading one input produced: an article, or why there is none.
struct ReadResult {
  std::optional<Article> article;
  std::string skip_reason;   // set when article is empty
};

// Reads, decodes, normalises and extracts one file (HTML by extension .html/.htm).
// Never throws for a bad file: returns a skip reason instead.
ReadResult read_article(const std::filesystem::path& path, const Extractor& extractor,
                        std::uintmax_t max_size);

// Same for bytes already in memory (stdin); `display` names the input.
Article read_article_bytes(std::string_view bytes, const std::string& display, bool html,
                           const Extractor& extractor);

}  // namespace tracuu
