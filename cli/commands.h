// The subcommand table: each cmd_<name>.cpp registers its options on a CLI11 subcommand
// and returns the function that runs it once parsing succeeded.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace tracuu::cli {

using Run = std::function<int()>;

Run add_ingest(CLI::App& app);
Run add_search(CLI::App& app);
Run add_extract(CLI::App& app);
Run add_show(CLI::App& app);
Run add_stats(CLI::App& app);
Run add_refs(CLI::App& app);
Run add_officials(CLI::App& app);
Run add_compact(CLI::App& app);

// Shared helpers for subcommands.
bool stdout_is_terminal();
bool use_color();                  // stdout is a terminal and NO_COLOR is unset
void write_out(const std::string& text);  // to stdout; a closed pipe ends the program quietly
void add_db_option(CLI::App& cmd, std::string& db);
std::string resolve_db(const std::string& db);  // --db, else the default index
void warn(const std::string& message);          // "tracuu: message" on stderr

}  // namespace tracuu::cli
