// `tracuu search`: run a query against the index and print ranked hits.
#include <fmt/format.h>

#include "commands.h"
#include "exit_codes.h"
#include "tracuu/output.h"
#include "tracuu/search.h"

namespace tracuu::cli {
namespace {

struct SearchArgs {
  std::string db;
  std::vector<std::string> words;
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::string sort = "relevance";
  std::string format = "text";
};

}  // namespace

Run add_search(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "Search the index (words with or without diacritics, \"phrases\", "
                                               "AND OR NOT, fields)");
  add_db_option(*cmd, args->db);
  cmd->add_option("QUERY", args->words, "The query; several arguments are joined with spaces")->required();
  cmd->add_option("-n,--limit", args->limit, "How many results")->capture_default_str();
  cmd->add_option("--offset", args->offset, "Skip this many results first")->capture_default_str();
  cmd->add_option("--sort", args->sort, "Order of results")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}))->capture_default_str();
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))->capture_default_str();

  return [args] {
    std::string query;
    for (const auto& w : args->words) query += (query.empty() ? "" : " ") + w;
    SearchOptions options;
    options.limit = args->limit;
    options.offset = args->offset;
    options.sort = args->sort == "newest" ? Sort::Newest : args->sort == "oldest" ? Sort::Oldest : Sort::Relevance;
    const SearchResult result = tracuu::search(resolve_db(args->db), query, options);
    if (args->format == "json") {
      write_out(output::dump(output::search_json(result), 2) + "\n");
    } else if (args->format == "jsonl") {
      std::string out;
      for (const auto& hit : result.hits) out += output::dump(output::hit_json(hit)) + "\n";
      write_out(out);
    } else {
      write_out(output::search_text(result, use_color()));
    }
    return kExitOk;
  };
}

}  // namespace tracuu::cli
