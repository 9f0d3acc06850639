// `tracuu search`: run a query against the index and print ranked hits.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

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
  bool exact = false;
  bool facets = false;
  bool exact_facets = false;
  bool collapse = false;
  bool partial = false;
  std::string from, to;
};

// "2021", "2021-03" or "2021-03-15" -> the first (or, for `to`, the last) day it covers.
std::string date_bound(const std::string& value, bool upper) {
  if (value.size() == 4) return value + (upper ? "-12-31" : "-01-01");
  if (value.size() == 7) return value + (upper ? "-31" : "-01");
  return value;
}

}  // namespace

Run add_search(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "Search the index (words with or without diacritics, \"phrases\", "
                                               "AND OR NOT, fields)");
  add_db_option(*cmd, args->db);
  cmd->add_option("QUERY", args->words, "The query; several arguments are joined with spaces");
  cmd->add_option("-n,--limit", args->limit, "How many results")->capture_default_str();
  cmd->add_option("--offset", args->offset, "Skip this many results first")->capture_default_str();
  cmd->add_option("--sort", args->sort, "Order of results")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}))->capture_default_str();
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))->capture_default_str();
  cmd->add_flag("--exact", args->exact, "Accents you type must match exactly (unaccented words still match any)");
  cmd->add_flag("--facets", args->facets,
                "Count refs, officials, years and sites over the matches (estimated from a sample when "
                "thousands match)");
  cmd->add_flag("--exact-facets", args->exact_facets, "Count the facets over every match, however many (implies --facets)");
  cmd->add_flag("--collapse", args->collapse, "Fold near-duplicate copies of one story into one hit");
  cmd->add_flag("--partial", args->partial, "If a shard is down, search the others and warn");
  const auto date_check = CLI::Validator(
      [](std::string& v) -> std::string {
        const bool ok = (v.size() == 4 || v.size() == 7 || v.size() == 10) &&
                        std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(c) || c == '-'; });
        return ok ? "" : "expected YYYY, YYYY-MM or YYYY-MM-DD";
      },
      "DATE");
  cmd->add_option("--from", args->from, "Published on or after (YYYY[-MM[-DD]])")->check(date_check);
  cmd->add_option("--to", args->to, "Published on or before (YYYY[-MM[-DD]])")->check(date_check);

  return [args] {
    std::string query;
    for (const auto& w : args->words) query += (query.empty() ? "" : " ") + w;
    SearchOptions options;
    options.limit = args->limit;
    options.offset = args->offset;
    options.sort = args->sort == "newest" ? Sort::Newest : args->sort == "oldest" ? Sort::Oldest : Sort::Relevance;
    options.exact = args->exact;
    options.facets = args->facets;
    options.exact_facets = args->exact_facets;
    options.collapse = args->collapse;
    options.partial = args->partial;
    if (!args->from.empty()) options.from = date_bound(args->from, false);
    if (!args->to.empty()) options.to = date_bound(args->to, true);
    // The data folder is looked for only if the index holds no abbreviations.
    options.abbreviations_elsewhere = [] { return Resources::load_for_search(Resources::find_data_dir()); };
    const SearchResult result = tracuu::search(resolve_db(args->db), query, options);
    for (const auto& w : result.warnings) warn("warning: " + w);
    if (args->format == "json") {
      write_out(output::dump(output::search_json(result), 2) + "\n");
    } else if (args->format == "jsonl") {
      std::string out;
      for (const auto& hit : result.hits) out += output::dump(output::hit_json(hit)) + "\n";
      write_out(out);
    } else {
      std::error_code ec;
      write_out(output::search_text(result, use_color(), std::filesystem::current_path(ec).string()));
    }
    return kExitOk;
  };
}

}  // namespace tracuu::cli
