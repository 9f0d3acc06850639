// `tracuu extract`: print the metadata and entities of files (or stdin) without an index.
#include <fmt/format.h>

#include <iostream>
#include <iterator>

#include "commands.h"
#include "exit_codes.h"
#include "tracuu/extract.h"
#include "tracuu/ingest.h"
#include "tracuu/output.h"

namespace tracuu::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> files;
  std::string format = "jsonl";
  bool html = false;
  double max_size_mb = 64;
};

}  // namespace

Run add_extract(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "Print title, dates, references and officials of articles "
                                                "(no index needed); FILE '-' reads stdin");
  cmd->add_option("FILE", args->files, "Article files, or - for stdin")->required();
  cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"jsonl", "json", "text"}))
      ->capture_default_str();
  cmd->add_flag("--html", args->html, "Read stdin as HTML");
  cmd->add_option("--max-size", args->max_size_mb, "Skip files larger than this many MB")
      ->check(CLI::PositiveNumber)->capture_default_str();

  return [args] {
    const Resources resources = Resources::load(Resources::find_data_dir());
    const Extractor extractor(resources);
    int code = kExitOk;
    for (const auto& file : args->files) {
      std::optional<Article> article;
      if (file == "-") {
        std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
        article = read_article_bytes(bytes, "-", args->html, extractor);
      } else {
        ReadResult read = read_article(file, extractor, static_cast<std::uintmax_t>(args->max_size_mb * 1048576.0));
        if (!read.article) {
          warn(fmt::format("skipped {}: {}", file, read.skip_reason));
          code = kExitIndex;
          continue;
        }
        article = std::move(read.article);
      }
      for (const auto& w : article->warnings) warn(fmt::format("warning: {}: {}", article->path, w));
      if (args->format == "text") {
        write_out(output::article_text(*article) + "\n");
      } else {
        write_out(output::dump(output::article_json(*article), args->format == "json" ? 2 : -1) + "\n");
      }
    }
    return code;
  };
}

}  // namespace tracuu::cli
