// `tracuu show`, `stats`, `refs`, `officials`: look at what the index holds.
#include <fmt/format.h>

#include "commands.h"
#include "exit_codes.h"
#include "tracuu/listings.h"
#include "tracuu/output.h"

namespace tracuu::cli {
namespace {

struct ListingArgs {
  std::string db;
  std::string format = "text";
  std::string which;
  bool text = false;
};

CLI::Option* add_format(CLI::App* cmd, std::string& format, bool lines) {
  std::vector<std::string> formats{"text", "json"};
  if (lines) formats.push_back("jsonl");
  return cmd->add_option("--format", format, "Output format")->check(CLI::IsMember(formats))->capture_default_str();
}

// Prints a list as one JSON array, one object per line, or text.
template <typename T, typename ToJson, typename ToText>
void print_list(const std::vector<T>& items, const std::string& format, ToJson to_json, ToText to_text) {
  if (format == "text") {
    write_out(to_text(items));
    return;
  }
  nlohmann::json array = nlohmann::json::array();
  std::string lines;
  for (const auto& item : items) {
    if (format == "jsonl") {
      lines += output::dump(to_json(item)) + "\n";
    } else {
      array.push_back(to_json(item));
    }
  }
  write_out(format == "jsonl" ? lines : output::dump(array, 2) + "\n");
}

}  // namespace

Run add_show(CLI::App& app) {
  auto args = std::make_shared<ListingArgs>();
  CLI::App* cmd = app.add_subcommand("show", "Print the stored record of one article (by docid or path)");
  add_db_option(*cmd, args->db);
  cmd->add_option("DOCID|PATH", args->which, "A docid from search results, or the path of an ingested file")
      ->required();
  cmd->add_flag("--text", args->text, "Include the normalised text");
  add_format(cmd, args->format, true);
  return [args] {
    const Article a = show_article(resolve_db(args->db), args->which, args->text);
    if (args->format != "text") {
      write_out(output::dump(output::article_json(a, args->text), args->format == "json" ? 2 : -1) + "\n");
    } else {
      write_out(output::article_text(a) + (args->text ? "\n" + a.text + "\n" : ""));
    }
    return kExitOk;
  };
}

Run add_stats(CLI::App& app) {
  auto args = std::make_shared<ListingArgs>();
  CLI::App* cmd = app.add_subcommand("stats", "Documents, terms, size, date range, sources and articles per year");
  add_db_option(*cmd, args->db);
  add_format(cmd, args->format, true);
  return [args] {
    const IndexStats stats = index_stats(resolve_db(args->db));
    write_out(args->format == "text" ? output::stats_text(stats)
                                     : output::dump(output::stats_json(stats), args->format == "json" ? 2 : -1) + "\n");
    return kExitOk;
  };
}

Run add_refs(CLI::App& app) {
  auto args = std::make_shared<ListingArgs>();
  CLI::App* cmd = app.add_subcommand("refs", "Every document referenced: kind, subject, articles citing it, when");
  add_db_option(*cmd, args->db);
  add_format(cmd, args->format, true);
  return [args] {
    print_list(list_refs(resolve_db(args->db)), args->format, output::cited_ref_json, output::refs_text);
    return kExitOk;
  };
}

Run add_officials(CLI::App& app) {
  auto args = std::make_shared<ListingArgs>();
  CLI::App* cmd = app.add_subcommand("officials", "Every official named: titles with the dates seen, articles");
  add_db_option(*cmd, args->db);
  add_format(cmd, args->format, true);
  return [args] {
    print_list(list_officials(resolve_db(args->db)), args->format, output::official_json, output::officials_text);
    return kExitOk;
  };
}

}  // namespace tracuu::cli
