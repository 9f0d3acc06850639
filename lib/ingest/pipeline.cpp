// The ingest run. The main thread walks, decides per file from the stored state what to
// do (skip unchanged, skip a remembered failure, read), and hands the files to read to a
// pool of workers chunk by chunk; each shard's writer thread takes that shard's results
// in path order while the workers already read the next chunk. Writing in order keeps
// the index the same whatever the number of workers; chunks and bounded queues keep
// memory bounded whatever the corpus size; with K shards, K writers run in parallel.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <fstream>
#include <future>
#include <mutex>
#include <system_error>
#include <thread>
#include <unordered_set>


#include "data/resources_tables.h"
#include "index/dictionary.h"
#include "index/document.h"
#include "index/layout.h"
#include "index/writer.h"
#include "ingest/reader.h"
#include "ingest/walk.h"
#include "tracuu/compact.h"
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

// The state the walk saw (one stat() per file; an unchanged re-run is mostly the walk).
FileState state_of(const ingest::WalkedFile& file) {
  if (!file.stat) return {};
  // Nanoseconds since the Unix epoch (a signature is only ever compared with itself).
  return {file.stat->size, fmt::format("{}:{}", file.stat->size, file.stat->mtime_ns)};
}

// Files to read, grouped so that a chunk holds at most kChunkFiles files and about
// kChunkBytes bytes: two chunks are in memory at a time (one written, one read).
constexpr std::size_t kChunkFiles = 256;
constexpr std::uintmax_t kChunkBytes = 64u << 20;

struct Job {
  const std::string* path;  // raw bytes, in WalkResult::files (not copied: 100,000s of files)
  FileState state;
  std::string stored_hash;  // content hash of what the index holds for it; empty if none
  bool failed_before = false;  // the index remembers it as failed
};

// A file touched but not changed (its bytes are those the index holds) keeps its
// documents: the writer only records its new signature.
bool touched_only(const Job& job, const ingest::FileRead& read, const IngestOptions& options) {
  return !options.force && !job.stored_hash.empty() && job.stored_hash == read.content_hash;
}

// Reads and extracts one file and builds its documents: everything but the index
// writes happens in the workers, so a writer does nothing but write.
ingest::FileRead read_job(const Job& job, const Extractor& extractor, const IngestOptions& options) {
  ingest::FileRead read = ingest::read_file(*job.path, extractor, options.max_size);
  if (touched_only(job, read, options)) return read;
  for (auto& a : read.articles)
    a.document = index::make_document(a.article, a.source_id, *job.path, job.state.signature, read.content_hash);
  return read;
}

std::vector<ingest::FileRead> read_chunk(const std::vector<Job>& jobs, std::size_t begin, std::size_t end,
                                         const Extractor& extractor, const IngestOptions& options, unsigned workers) {
  std::vector<ingest::FileRead> out(end - begin);
  std::atomic<std::size_t> next{begin};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < end;) out[i - begin] = read_job(jobs[i], extractor, options);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < workers; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  return out;
}

std::string shown(const std::string& raw) { return text::display_path(raw); }

// What a shard writer is given: a file's read results (or, with no read, docids to remove).
struct WriteItem {
  const Job* job = nullptr;
  ingest::FileRead read;
  std::optional<index::StoredFile> known;
  std::vector<Xapian::docid> remove;  // --prune
  std::string forget;                 // raw path whose failure record to drop
};

// One writer thread per shard, fed through a bounded queue so that readers cannot run
// far ahead of a slow writer.
class ShardWriter {
 public:
  ShardWriter(const fs::path& db, const IngestOptions& options)
      : writer_(db, options.wait, options.force), options_(options) {}
  ~ShardWriter() { finish(); }

  index::Writer& writer() { return writer_; }

  void start() { thread_ = std::thread([this] { run(); }); }

  void push(WriteItem item) {
    std::vector<WriteItem> spent;  // what the writer is done with: freed on return, here
    {
      std::unique_lock lock(mutex_);
      space_.wait(lock, [&] { return queue_.size() < kQueueItems || failed_; });
      if (failed_) return;
      queue_.push_back(std::move(item));
      ready_.notify_one();
      spent.swap(spent_);
    }
  }

  // Waits for the queue to drain and the last commit; rethrows a writer failure.
  void finish() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
      ready_.notify_one();
    }
    if (thread_.joinable()) thread_.join();
  }
  void rethrow() {
    if (error_) std::rethrow_exception(error_);
  }

  IngestStats stats;  // added, updated, unchanged, removed by this writer

 private:
  static constexpr std::size_t kQueueItems = 512;

  void run() {
    try {
      for (;;) {
        WriteItem item;
        {
          std::unique_lock lock(mutex_);
          ready_.wait(lock, [&] { return !queue_.empty() || done_; });
          if (queue_.empty()) break;
          item = std::move(queue_.front());
          queue_.pop_front();
          space_.notify_one();
        }
        apply(item);
        // Freeing what was written (each document's term map, built by a reader) is
        // left to the thread that pushes: the writer is the busiest thread of an ingest.
        std::lock_guard lock(mutex_);
        spent_.push_back(std::move(item));
      }
      writer_.commit();
    } catch (...) {
      std::lock_guard lock(mutex_);
      error_ = std::current_exception();
      failed_ = true;
      space_.notify_all();
    }
  }

  void apply(WriteItem& item) {
    for (Xapian::docid id : item.remove) writer_.remove(id);
    stats.removed += item.remove.size();
    if (!item.forget.empty()) writer_.forget_failure(item.forget);
    if (!item.job) return commit_maybe(item.remove.size(), 0);
    const Job& job = *item.job;
    const std::string& raw = *job.path;
    if (!item.read.skip_reason.empty()) {
      writer_.remember_failure(raw, job.state.signature, item.read.skip_reason);
      return commit_maybe(1, 0);
    }
    if (item.known && touched_only(job, item.read, options_)) {
      for (Xapian::docid id : item.known->docids) writer_.set_signature(id, job.state.signature);
      stats.unchanged += item.known->docids.size();
      return commit_maybe(item.known->docids.size(), 0);
    }
    std::unordered_set<Xapian::docid> kept;
    std::size_t text_bytes = 0;
    for (const auto& a : item.read.articles) {
      const auto [docid, replaced] = writer_.put(a.source_id, a.document, item.known.has_value());
      kept.insert(docid);
      ++(replaced ? stats.updated : stats.added);
      text_bytes += a.article.text.size();
    }
    // Lines gone from a changed .jsonl file.
    if (item.known)
      for (Xapian::docid id : item.known->docids)
        if (!kept.count(id)) {
          writer_.remove(id);
          ++stats.removed;
        }
    if (job.failed_before) writer_.forget_failure(raw);
    commit_maybe(item.read.articles.size(), text_bytes);
  }

  void commit_maybe(std::size_t docs, std::size_t bytes) {
    pending_docs_ += docs;
    pending_bytes_ += bytes;
    if (pending_docs_ >= options_.batch_docs || pending_bytes_ >= options_.batch_bytes) {
      writer_.commit();
      pending_docs_ = pending_bytes_ = 0;
    }
  }

  index::Writer writer_;
  const IngestOptions& options_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<WriteItem> queue_;
  std::vector<WriteItem> spent_;  // written, to be freed by push()
  bool done_ = false, failed_ = false;
  std::exception_ptr error_;
  std::size_t pending_docs_ = 0, pending_bytes_ = 0;
};

// The shard databases of `db`: created with `shards` parts when new; an existing layout
// is kept (a different `shards` would move files between shards).
index::Layout writable_layout(const fs::path& db, unsigned shards) {
  index::Layout layout = index::read_layout(db);
  std::error_code ec;
  const bool exists = fs::exists(db, ec);
  if (!layout.sharded()) {
    if (shards <= 1) return layout;
    if (exists && !fs::is_empty(db, ec)) {
      throw Error(ErrorKind::Index, fmt::format("{} is a single index; --shards {} cannot split it", db.string(), shards),
                  "ingest into a new --db with --shards, or leave --shards out");
    }
    return index::create_sharded(db, shards);
  }
  for (const auto& s : layout.shards)
    if (s.remote) {
      throw Error(ErrorKind::Index, fmt::format("{} lists a remote shard ({}); ingest writes only local shards",
                                                db.string(), s.line),
                  "ingest into each shard's own database on its machine");
    }
  if (shards > 1 && shards != layout.shards.size()) {
    throw Error(ErrorKind::Index,
                fmt::format("{} has {} shards, not {}", db.string(), layout.shards.size(), shards),
                "leave --shards out to use the index as it is, or ingest into a new --db");
  }
  return layout;
}

// The compression dictionary of a run (index/dictionary.h): the one the index holds (its
// first shard's), else one trained on the start of up to 500 of the files to read,
// spread over them, when there are at least `min_files` (fewer train a poor one).
std::string dictionary_for(ShardWriter& first, const std::vector<Job>& jobs, std::size_t min_files) {
  std::string dictionary = first.writer().dictionary();
  if (!dictionary.empty() || jobs.size() < min_files) return dictionary;
  constexpr std::size_t kSamples = 500, kSampleBytes = 16 * 1024;
  std::vector<std::string> samples;
  const std::size_t step = std::max<std::size_t>(1, jobs.size() / kSamples);
  for (std::size_t i = 0; i < jobs.size() && samples.size() < kSamples; i += step) {
    std::ifstream in(*jobs[i].path, std::ios::binary);
    std::string bytes(kSampleBytes, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
    if (!bytes.empty()) samples.push_back(std::move(bytes));
  }
  return index::train_dictionary(samples);
}

}  // namespace

IngestStats ingest_paths(const fs::path& db, const std::vector<fs::path>& roots, const Extractor& extractor,
                         const IngestOptions& options, IngestReporter& reporter) {
  const auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
  IngestStats stats;
  auto skip = [&](SkipReason reason) {
    reporter.skipped(reason);
    stats.skips.push_back(std::move(reason));
    ++stats.skipped;
  };

  // The walk is mostly waiting on the filesystem: it takes --jobs threads, else every core
  // up to eight (past that a filesystem seldom answers faster).
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  ingest::WalkResult walked = ingest::walk(roots, options.jobs ? options.jobs : std::min(cores, 8u));
  for (auto& s : walked.skips) skip(std::move(s));
  if (walked.roots_found == 0) {
    throw Error(ErrorKind::Io, "none of the paths given to ingest exists",
                "give folders or files of articles, e.g. tracuu ingest data/samples");
  }

  const index::Layout layout = writable_layout(db, options.shards);
  std::vector<std::unique_ptr<ShardWriter>> shards;
  for (const auto& s : layout.shards) shards.push_back(std::make_unique<ShardWriter>(s.path, options));
  const unsigned shard_count = static_cast<unsigned>(shards.size());
  // By default the readers leave a core to each writer: on 2 cores, one reader and one
  // writer ingest faster than two readers competing with the writer (measured).
  stats.jobs = options.jobs ? options.jobs : std::max(1u, cores > shard_count ? cores - shard_count : 1u);

  // What the index holds, from every shard, keyed by raw path.
  std::unordered_map<std::string, index::StoredFile> stored;
  std::unordered_map<std::string, index::FailedFile> failures;
  // Each shard keeps the abbreviation table it is ingested with, for searches.
  const auto& abbreviations = extractor.resources().tables().abbreviations;
  for (auto& shard : shards) {
    stored.merge(shard->writer().load_files());
    failures.merge(shard->writer().load_failures());
    if (abbreviations) shard->writer().store_abbreviations(abbreviations->text(), abbreviations->folded());
    else shard->writer().store_abbreviations({}, {});
  }
  auto shard_for = [&](const std::string& raw) -> ShardWriter& { return *shards[index::shard_of(raw, shard_count)]; };

  // Decide per file; only changed or new files are read.
  std::vector<Job> jobs;
  IngestProgress progress;
  progress.total = walked.files.size();
  for (const auto& file : walked.files) {
    const std::string& path = file.path;
    ++stats.seen;
    FileState state = state_of(file);
    if (state.signature.empty()) {
      skip({shown(path), "vanished while ingest ran"});
      ++progress.done;
      continue;
    }
    if (!options.force) {
      auto known = stored.find(path);
      if (known != stored.end() && known->second.signature == state.signature) {
        stats.unchanged += known->second.docids.size();
        ++progress.done;
        continue;
      }
      auto failed = failures.find(index::Writer::failure_key(path));
      if (failed != failures.end() && failed->second.signature == state.signature) {
        skip({shown(path), failed->second.reason + " (unchanged since it last failed)"});
        ++progress.done;
        continue;
      }
    }
    auto known = stored.find(path);
    jobs.push_back({&path, std::move(state), known == stored.end() ? std::string{} : known->second.content_hash,
                    failures.count(index::Writer::failure_key(path)) > 0});
  }
  reporter.progress(progress);

  // Every shard holds the dictionary the run compresses with, before the workers start
  // (a run with nothing to read, an unchanged re-run, reads none).
  const std::string dictionary =
      jobs.empty() ? std::string() : dictionary_for(*shards.front(), jobs, options.dictionary_min_files);
  if (!dictionary.empty())
    for (auto& shard : shards) shard->writer().store_dictionary(dictionary);
  index::compress_with(dictionary);
  for (auto& shard : shards) shard->start();

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

  try {
    std::future<std::vector<ingest::FileRead>> next;
    auto launch = [&](std::size_t chunk) {
      next = std::async(std::launch::async, read_chunk, std::cref(jobs), bounds[chunk], bounds[chunk + 1],
                        std::cref(extractor), std::cref(options), stats.jobs);
    };
    if (bounds.size() > 1) launch(0);
    for (std::size_t chunk = 0; chunk + 1 < bounds.size(); ++chunk) {
      std::vector<ingest::FileRead> reads = next.get();
      if (chunk + 2 < bounds.size()) launch(chunk + 1);
      for (std::size_t k = 0; k < reads.size(); ++k) {
        const Job& job = jobs[bounds[chunk] + k];
        ingest::FileRead& read = reads[k];
        const std::string& raw = *job.path;
        ++progress.done;
        progress.bytes += read.bytes;
        stats.bytes += read.bytes;
        for (auto& s : read.skips) skip(std::move(s));
        if (!read.skip_reason.empty()) skip({shown(*job.path), read.skip_reason});
        for (const auto& a : read.articles) {
          for (const auto& w : a.article.warnings) reporter.warning(a.article.path, w);
          stats.warnings += a.article.warnings.size();
        }
        WriteItem item;
        item.job = &job;
        auto known = stored.find(raw);
        if (known != stored.end()) {
          item.known = std::move(known->second);
          stored.erase(known);
        }
        for (const auto& a : read.articles) reporter.indexed(a.article, item.known.has_value());
        item.read = std::move(read);
        shard_for(raw).push(std::move(item));
      }
      progress.seconds = elapsed();
      reporter.progress(progress);
    }

    // Files the walk did not see, under roots that exist and hold articles, and not under
    // a folder it could not list.
    if (options.prune) {
      for (auto& [raw, file] : stored) {
        if (walked.listed(raw)) continue;
        const bool under_walked_root =
            std::any_of(walked.prunable_roots.begin(), walked.prunable_roots.end(),
                        [&](const fs::path& root) { return ingest::is_under(raw, root.native()); });
        const bool under_unlisted = std::any_of(walked.unlisted.begin(), walked.unlisted.end(),
                                                [&](const std::string& dir) { return ingest::is_under(raw, dir); });
        if (!under_walked_root || under_unlisted) continue;
        WriteItem item;
        item.remove = std::move(file.docids);
        item.forget = raw;
        shard_for(raw).push(std::move(item));
      }
    }
  } catch (...) {
    for (auto& shard : shards) shard->finish();
    throw;
  }
  for (auto& shard : shards) shard->finish();
  for (auto& shard : shards) shard->rethrow();
  if (shard_count > 1) {
    std::size_t refs = 0, officials = 0;
    for (auto& shard : shards) {
      const auto [r, o] = shard->writer().facet_counts();
      refs = std::max(refs, r);
      officials = std::max(officials, o);
    }
    for (auto& shard : shards) {
      shard->writer().raise_facet_counts(refs, officials);
      shard->writer().commit();
    }
  }
  // Bounds of common words (bounds.h) and the path-order mark (path_order.h) for the
  // index as written, before a compaction, which keeps the docids and the metadata. Not
  // for a sharded index: a search spans its shards, whose state no single shard's mark
  // describes, so it never reads them (`tracuu compact` writes them for shards merged
  // into one). Everything is committed by now: aids that cannot be written (the disk is
  // full) are worth a warning, and searches do without.
  if (!layout.sharded()) {
    try {
      shards.front()->writer().write_search_aids();
    } catch (const Error& e) {
      reporter.warning(db.string(), "could not store what speeds up searches (bounds of common words, path order): " +
                                        std::string(e.what()) +
                                        " (the articles are indexed; searches stay slower until an ingest "
                                        "adds, changes or removes articles again)");
      ++stats.warnings;
    }
  }
  for (auto& shard : shards) {
    stats.added += shard->stats.added;
    stats.updated += shard->stats.updated;
    stats.unchanged += shard->stats.unchanged;
    stats.removed += shard->stats.removed;
  }
  stats.shards = shard_count;
  // Batches leave Xapian's B-trees part-filled (each commit splits blocks); a run that
  // wrote most of the index, such as the first, is followed by a compaction, which costs
  // a few percent of the run and makes the index about a third smaller.
  const std::size_t written = stats.added + stats.updated;
  if (options.compact && !layout.sharded() && written > 0 && 2 * written >= shards.front()->writer().doc_count()) {
    shards.clear();  // closes the writer, releasing the lock compact_index() takes
    // Everything is committed by now: a compaction that cannot run (another ingest took
    // the lock meanwhile, the disk is full) is worth a warning, not a failed run.
    try {
      compact_index(db, std::nullopt);
      stats.compacted = true;
    } catch (const Error& e) {
      reporter.warning(db.string(), "not compacted: " + std::string(e.what()) + " (run `tracuu compact` later)");
      ++stats.warnings;
    }
  }
  stats.seconds = elapsed();
  progress.seconds = stats.seconds;
  reporter.progress(progress);
  return stats;
}

}  // namespace tracuu
