// Ingest: walk folders, read and extract each article, and keep the index in step.
// The pipeline never prints; it reports through an IngestReporter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "tracuu/article.h"
#include "tracuu/extract.h"

namespace tracuu {

struct IngestOptions {
  bool force = false;                          // re-index files even when unchanged
  std::uintmax_t max_size = 64u << 20;         // larger files are skipped with a reason
  std::size_t batch_docs = 1000;               // commit after this many documents ...
  std::size_t batch_bytes = 64u << 20;         // ... or this many bytes of text
};

struct SkipReason {
  std::string path;    // display form (valid UTF-8)
  std::string reason;  // one line: "empty file", "not text (NUL bytes)", ...
};

struct IngestStats {
  std::size_t seen = 0;        // article files found
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t skipped = 0;
  std::size_t warnings = 0;
  double seconds = 0;
  std::vector<SkipReason> skips;
};

class IngestReporter {
 public:
  virtual ~IngestReporter() = default;
  virtual void skipped(const SkipReason&) {}
  virtual void warning(const std::string& /*path*/, const std::string& /*message*/) {}
  virtual void indexed(const Article&, bool /*updated*/) {}
};

// Indexes every .txt/.html/.htm file under `roots` (a root may also be a single file of
// any extension) into the index at `db`, creating it if needed. Throws tracuu::Error for
// failures that stop the run (index locked, damaged or of another version; a root that
// does not exist); odd files are reported and skipped.
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
