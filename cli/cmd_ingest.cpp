// `tracuu ingest`: index folders of articles into the index, then print a summary.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "commands.h"
#include "exit_codes.h"
#include "tracuu/extract.h"
#include "tracuu/ingest.h"
#include "tracuu/output.h"

namespace tracuu::cli {
namespace {

// Per-file messages go to stderr, one line each, so stdout holds only the summary; on a
// terminal a progress line is redrawn in place (and cleared before any message).
class StderrReporter : public IngestReporter {
 public:
  StderrReporter(bool quiet, bool bar) : quiet_(quiet), bar_(bar && !quiet) {}
  void skipped(const SkipReason& s) override { message(fmt::format("skipped {}: {}", s.path, s.reason)); }
  void warning(const std::string& path, const std::string& text) override {
    message(fmt::format("warning: {}: {}", path, text));
  }
  void progress(const IngestProgress& p) override {
    if (!bar_) return;
    const auto now = std::chrono::steady_clock::now();
    if (p.done < p.total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double fraction = p.total ? static_cast<double>(p.done) / p.total : 1.0;
    const int width = 30, filled = static_cast<int>(fraction * width);
    const double mbps = p.seconds > 0 ? p.bytes / 1048576.0 / p.seconds : 0;
    const double eta = fraction > 0 && p.seconds > 0 ? p.seconds * (1 - fraction) / fraction : 0;
    std::string bar(filled, '#');
    bar.resize(width, '.');
    std::fprintf(stderr, "\r[%s] %zu/%zu files  %.1f MB/s  ETA %d:%02d \x1b[K", bar.c_str(), p.done, p.total, mbps,
                 static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
    drawn_ = true;
    if (p.done >= p.total) clear();
  }

 private:
  void message(const std::string& text) {
    if (quiet_) return;
    clear();
    warn(text);
  }
  void clear() {
    if (drawn_) std::fprintf(stderr, "\r\x1b[K");
    drawn_ = false;
  }

  bool quiet_, bar_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

struct IngestArgs {
  std::string db;
  std::vector<std::string> paths;
  bool force = false;
  bool prune = false;
  bool wait = false;
  unsigned jobs = 0;
  unsigned shards = 0;
  bool quiet = false;
  bool strict = false;
  bool no_compact = false;
  double max_size_mb = 64;
  std::string format = "text";
};

}  // namespace

Run add_ingest(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "Index folders (or files) of articles: .txt, .html, .htm");
  add_db_option(*cmd, args->db);
  cmd->add_option("PATH", args->paths, "Folders or files to index")->required();
  cmd->add_flag("--force", args->force, "Re-index files even when they have not changed");
  cmd->add_flag("--prune", args->prune,
                "Remove articles whose files are gone (only under folders given that exist and hold articles)");
  cmd->add_option("-j,--jobs", args->jobs, "Workers reading and extracting (default: the machine's cores less one per writer)");
  cmd->add_option("--shards", args->shards, "Create the index as K shards written in parallel (a new index only)")
      ->check(CLI::Range(1u, 64u));
  cmd->add_flag("--no-compact", args->no_compact,
                "Do not compact the index after a run that wrote most of it (the first, say)");
  cmd->add_flag("--wait", args->wait, "If another ingest holds the index, wait for it instead of failing");
  cmd->add_flag("-q,--quiet", args->quiet, "No per-file messages on stderr");
  cmd->add_flag("--strict", args->strict, "Exit with 3 when any file was skipped");
  cmd->add_option("--max-size", args->max_size_mb, "Skip files larger than this many MB")
      ->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--format", args->format, "Summary format")->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  return [args] {
    const Resources resources = Resources::load(Resources::find_data_dir());
    const Extractor extractor(resources);
    std::vector<std::filesystem::path> roots(args->paths.begin(), args->paths.end());
    StderrReporter reporter(args->quiet, ::isatty(STDERR_FILENO) == 1);
    IngestOptions options;
    options.force = args->force;
    options.prune = args->prune;
    options.wait = args->wait;
    options.jobs = args->jobs;
    options.shards = args->shards;
    options.compact = !args->no_compact;
    options.max_size = static_cast<std::uintmax_t>(args->max_size_mb * 1048576.0);
    const IngestStats stats = ingest_paths(resolve_db(args->db), roots, extractor, options, reporter);
    write_out(args->format == "json" ? output::dump(output::ingest_json(stats)) + "\n" : output::ingest_text(stats));
    return args->strict && stats.skipped > 0 ? kExitSkipped : kExitOk;
  };
}

}  // namespace tracuu::cli
