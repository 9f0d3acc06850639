// The ingest run. The main thread walks, decides per file from the stored state what to
// do (skip unchanged, skip a remembered failure, read), hands the files to read to a
// pool of workers chunk by chunk, and writes each chunk's results in path order while
// the workers already read the next chunk. Writing in order keeps the index the same
// whatever the number of workers; chunks keep memory bounded whatever the corpus size.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <system_error>
#include <thread>
#include <unordered_set>

#include "index/writer.h"
#include "ingest/reader.h"
#include "ingest/walk.h"
#include "tracuu/error.h"
#include "tracuu/ingest.h"
#include "tracuu/text.h"

namespace tracuu {
namespace {

namespace fs = std::filesystem;

struct FileState {
  std::uintmax_t size = 0;
  std::string signature;  // "size:mtime_ns"; empty when the file vanished meanwhile
};

FileState state_of(const fs::path& path) {
  std::error_code ec;
  FileState s;
  s.size = fs::file_size(path, ec);
  if (ec) return {};
  const auto mtime = fs::last_write_time(path, ec);
  if (ec) return {};
  s.signature = fmt::format("{}:{}", s.size, mtime.time_since_epoch().count());
  return s;
}

// Files to read, grouped so that a chunk holds at most kChunkFiles files and about
// kChunkBytes bytes: two chunks are in memory at a time (one written, one read).
constexpr std::size_t kChunkFiles = 256;
constexpr std::uintmax_t kChunkBytes = 64u << 20;

struct Job {
  fs::path path;
  FileState state;
};

std::vector<ingest::FileRead> read_chunk(const std::vector<Job>& jobs, std::size_t begin, std::size_t end,
                                         const Extractor& extractor, const IngestOptions& options, unsigned workers) {
  std::vector<ingest::FileRead> out(end - begin);
  std::atomic<std::size_t> next{begin};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < end;) out[i - begin] = ingest::read_file(jobs[i].path, extractor, options.max_size);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < workers; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  return out;
}

std::string shown(const fs::path& p) { return text::display_path(p.native()); }

}  // namespace

IngestStats ingest_paths(const fs::path& db, const std::vector<fs::path>& roots, const Extractor& extractor,
                         const IngestOptions& options, IngestReporter& reporter) {
  const auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
  IngestStats stats;
  stats.jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
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

  index::Writer writer(db, options.wait);
  auto stored = writer.load_files();
  const auto failures = writer.load_failures();

  // Decide per file; only changed or new files are read.
  std::vector<Job> jobs;
  IngestProgress progress;
  progress.total = walked.files.size();
  for (const auto& path : walked.files) {
    ++stats.seen;
    FileState state = state_of(path);
    if (state.signature.empty()) {
      skip({shown(path), "vanished while ingest ran"});
      ++progress.done;
      continue;
    }
    if (!options.force) {
      auto known = stored.find(path.native());
      if (known != stored.end() && known->second.signature == state.signature) {
        stats.unchanged += known->second.docids.size();
        ++progress.done;
        continue;
      }
      auto failed = failures.find(index::Writer::failure_key(path.native()));
      if (failed != failures.end() && failed->second.signature == state.signature) {
        skip({shown(path), failed->second.reason + " (unchanged since it last failed)"});
        ++progress.done;
        continue;
      }
    }
    jobs.push_back({path, std::move(state)});
  }
  reporter.progress(progress);

  // Chunk boundaries.
  std::vector<std::size_t> bounds{0};
  std::uintmax_t chunk_bytes = 0;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    chunk_bytes += jobs[i].state.size;
    if (i + 1 - bounds.back() >= kChunkFiles || chunk_bytes >= kChunkBytes) {
      bounds.push_back(i + 1);
      chunk_bytes = 0;
    }
  }
  if (bounds.back() != jobs.size()) bounds.push_back(jobs.size());

  // With one job the reading still overlaps the writing; more jobs add readers.
  const unsigned readers = stats.jobs;
  std::size_t pending_docs = 0, pending_bytes = 0;
  auto maybe_commit = [&](std::size_t docs, std::size_t bytes) {
    pending_docs += docs;
    pending_bytes += bytes;
    if (pending_docs >= options.batch_docs || pending_bytes >= options.batch_bytes) {
      writer.commit();
      pending_docs = pending_bytes = 0;
    }
  };

  std::future<std::vector<ingest::FileRead>> next;
  auto launch = [&](std::size_t chunk) {
    next = std::async(std::launch::async, read_chunk, std::cref(jobs), bounds[chunk], bounds[chunk + 1],
                      std::cref(extractor), std::cref(options), readers);
  };
  if (bounds.size() > 1) launch(0);
  for (std::size_t chunk = 0; chunk + 1 < bounds.size(); ++chunk) {
    std::vector<ingest::FileRead> reads = next.get();
    if (chunk + 2 < bounds.size()) launch(chunk + 1);
    for (std::size_t k = 0; k < reads.size(); ++k) {
      const Job& job = jobs[bounds[chunk] + k];
      ingest::FileRead& read = reads[k];
      const std::string& raw = job.path.native();
      ++progress.done;
      progress.bytes += read.bytes;
      stats.bytes += read.bytes;
      for (auto& s : read.skips) skip(std::move(s));
      if (!read.skip_reason.empty()) {
        skip({shown(job.path), read.skip_reason});
        writer.remember_failure(raw, job.state.signature, read.skip_reason);
        maybe_commit(1, 0);
        continue;
      }
      auto known = stored.find(raw);
      // Touched but not changed: keep the documents, remember the new signature.
      if (!options.force && known != stored.end() && !known->second.content_hash.empty() &&
          known->second.content_hash == read.content_hash) {
        for (Xapian::docid id : known->second.docids) writer.set_signature(id, job.state.signature);
        stats.unchanged += known->second.docids.size();
        maybe_commit(known->second.docids.size(), 0);
        continue;
      }
      std::unordered_set<Xapian::docid> kept;
      std::size_t text_bytes = 0;
      for (const auto& [source_id, article] : read.articles) {
        for (const auto& w : article.warnings) reporter.warning(article.path, w);
        stats.warnings += article.warnings.size();
        const auto [docid, replaced] = writer.put(article, source_id, raw, job.state.signature, read.content_hash);
        kept.insert(docid);
        ++(replaced ? stats.updated : stats.added);
        reporter.indexed(article, replaced);
        text_bytes += article.text.size();
      }
      // Lines gone from a changed .jsonl file.
      if (known != stored.end())
        for (Xapian::docid id : known->second.docids)
          if (!kept.count(id)) {
            writer.remove(id);
            ++stats.removed;
          }
      if (known != stored.end()) stored.erase(known);
      writer.forget_failure(raw);
      maybe_commit(read.articles.size(), text_bytes);
    }
    progress.seconds = elapsed();
    reporter.progress(progress);
  }

  if (options.prune) {
    std::unordered_set<std::string> seen;
    for (const auto& f : walked.files) seen.insert(f.native());
    for (const auto& [raw, file] : stored) {
      if (seen.count(raw)) continue;
      const fs::path path(raw);
      const bool under_walked_root = std::any_of(walked.prunable_roots.begin(), walked.prunable_roots.end(),
                                                 [&](const fs::path& root) { return ingest::is_under(path, root); });
      if (!under_walked_root) continue;
      for (Xapian::docid id : file.docids) writer.remove(id);
      stats.removed += file.docids.size();
      writer.forget_failure(raw);
    }
  }
  writer.commit();
  stats.seconds = elapsed();
  progress.seconds = stats.seconds;
  reporter.progress(progress);
  return stats;
}

}  // namespace tracuu
