// The ingest run: walk, skip what has not changed since the last run (size + mtime),
// read and extract the rest, write in batches with explicit commits.
#include <chrono>
#include <fmt/format.h>
#include <system_error>

#include "index/writer.h"
#include "ingest/walk.h"
#include "tracuu/error.h"
#include "tracuu/ingest.h"
#include "tracuu/text.h"

namespace tracuu {
namespace {

std::string signature_of(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return {};
  const auto mtime = std::filesystem::last_write_time(path, ec);
  if (ec) return {};
  return fmt::format("{}:{}", size, mtime.time_since_epoch().count());
}

}  // namespace

IngestStats ingest_paths(const std::filesystem::path& db, const std::vector<std::filesystem::path>& roots,
                   const Extractor& extractor, const IngestOptions& options, IngestReporter& reporter) {
  const auto started = std::chrono::steady_clock::now();
  IngestStats stats;
  auto skip = [&](SkipReason reason) {
    reporter.skipped(reason);
    stats.skips.push_back(std::move(reason));
    ++stats.skipped;
  };

  ingest::WalkResult walked = ingest::walk(roots);
  for (auto& s : walked.skips) skip(std::move(s));
  if (walked.roots_found == 0) {
    throw Error(ErrorKind::Io, "none of the paths given to ingest exists",
                "give folders or files of articles, e.g. tracuu ingest data/samples");
  }

  index::Writer writer(db);
  std::size_t pending_docs = 0, pending_bytes = 0;
  for (const auto& path : walked.files) {
    ++stats.seen;
    const std::string signature = signature_of(path);
    if (!options.force && !signature.empty() && writer.stored_signature(path.native()) == signature) {
      ++stats.unchanged;
      continue;
    }
    ReadResult read = read_article(path, extractor, options.max_size);
    if (!read.article) {
      skip({text::display_path(path.native()), read.skip_reason});
      continue;
    }
    const Article& article = *read.article;
    for (const auto& w : article.warnings) reporter.warning(article.path, w);
    stats.warnings += article.warnings.size();
    const bool updated = writer.put(article, path.native(), signature);
    ++(updated ? stats.updated : stats.added);
    reporter.indexed(article, updated);
    pending_bytes += article.text.size();
    if (++pending_docs >= options.batch_docs || pending_bytes >= options.batch_bytes) {
      writer.commit();
      pending_docs = pending_bytes = 0;
    }
  }
  writer.commit();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace tracuu
