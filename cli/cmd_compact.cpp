// `tracuu compact`: merge an index's shards into one compact database.
#include <fmt/format.h>

#include "commands.h"
#include "exit_codes.h"
#include "tracuu/compact.h"
#include "tracuu/output.h"

namespace tracuu::cli {

Run add_compact(CLI::App& app) {
  struct Args {
    std::string db, into, format = "text";
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("compact", "Merge the index's shards into one compact database (swapped in for "
                                                "live readers unless --into is given)");
  add_db_option(*cmd, args->db);
  cmd->add_option("--into", args->into, "Write the merged database here and leave the index as it is");
  cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  return [args] {
    const CompactResult r =
        compact_index(resolve_db(args->db), args->into.empty() ? std::nullopt : std::optional<std::filesystem::path>(args->into));
    if (args->format == "json") {
      write_out(output::dump({{"from", r.from}, {"into", r.into}, {"sources", r.sources}, {"documents", r.documents},
                              {"bytes_before", r.bytes_before}, {"bytes_after", r.bytes_after},
                              {"seconds", r.seconds}, {"swapped", r.swapped}}) + "\n");
    } else {
      write_out(fmt::format("{} shard(s), {} documents: {:.1f} MB -> {:.1f} MB in {:.2f} s; {} {}\n", r.sources,
                            r.documents, r.bytes_before / 1048576.0, r.bytes_after / 1048576.0, r.seconds,
                            r.swapped ? "now serving" : "written to", r.into));
    }
    return kExitOk;
  };
}

}  // namespace tracuu::cli
