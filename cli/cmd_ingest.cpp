// `tracuu ingest`: index folders of articles into the index, then print a summary.
#include <fmt/format.h>

#include "commands.h"
#include "exit_codes.h"
#include "tracuu/extract.h"
#include "tracuu/ingest.h"
#include "tracuu/output.h"

namespace tracuu::cli {
namespace {

// Per-file messages go to stderr, one line each, so stdout holds only the summary.
class StderrReporter : public IngestReporter {
 public:
  explicit StderrReporter(bool quiet) : quiet_(quiet) {}
  void skipped(const SkipReason& s) override {
    if (!quiet_) warn(fmt::format("skipped {}: {}", s.path, s.reason));
  }
  void warning(const std::string& path, const std::string& message) override {
    if (!quiet_) warn(fmt::format("warning: {}: {}", path, message));
  }

 private:
  bool quiet_;
};

struct IngestArgs {
  std::string db;
  std::vector<std::string> paths;
  bool force = false;
  bool quiet = false;
  bool strict = false;
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
    StderrReporter reporter(args->quiet);
    IngestOptions options;
    options.force = args->force;
    options.max_size = static_cast<std::uintmax_t>(args->max_size_mb * 1048576.0);
    const IngestStats stats = ingest_paths(resolve_db(args->db), roots, extractor, options, reporter);
    write_out(args->format == "json" ? output::dump(output::ingest_json(stats)) + "\n" : output::ingest_text(stats));
    return args->strict && stats.skipped > 0 ? kExitSkipped : kExitOk;
  };
}

}  // namespace tracuu::cli
