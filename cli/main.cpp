// tracuu: the command-line front end. Parses arguments (CLI11), runs one subcommand and
// maps errors to exit codes (exit_codes.h); all the work happens in libtracuu.
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <string_view>

#include "commands.h"
#include "exit_codes.h"
#include "tracuu/error.h"
#include "tracuu/search.h"

namespace tracuu::cli {

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  return stdout_is_terminal() && !(no_color && *no_color);
}

void write_out(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    // A reader that went away (`| head`) is not an error: stop quietly (ripgrep).
    if (errno == EPIPE) std::_Exit(kExitOk);
  }
}

void add_db_option(CLI::App& cmd, std::string& db) {
  cmd.add_option("--db", db, "Index directory (default: $TRACUU_DB, else $XDG_DATA_HOME/tracuu/index)");
}

std::string resolve_db(const std::string& db) { return db.empty() ? default_db_path().string() : db; }

void warn(const std::string& message) { std::fprintf(stderr, "tracuu: %s\n", message.c_str()); }

namespace {

int exit_code_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Usage:
    case ErrorKind::Query:
      return kExitUsage;
    case ErrorKind::Io:
    case ErrorKind::Index:
    case ErrorKind::Data:
      return kExitIndex;
  }
  return kExitIndex;
}

// Ends the process once a command has run. The command's own objects (the index, its
// lock, the files and threads it opened) are gone by then; the command line's tables and
// the libraries' static objects are left to the kernel instead of being taken apart one
// by one: 50-70 µs of a 4 ms search (400 alternating runs). Sanitised builds return from
// main(), so that leaks are still reported.
int finish(int code) {
#ifndef TRACUU_SANITIZED
  std::fflush(stdout);
  std::_Exit(code);
#endif
  return code;
}

}  // namespace
}  // namespace tracuu::cli

int main(int argc, char** argv) {
  using namespace tracuu::cli;
  std::signal(SIGPIPE, SIG_IGN);
  if (!stdout_is_terminal()) std::setvbuf(stdout, nullptr, _IOFBF, 1 << 16);

  CLI::App app{"tracuu: index and search folders of Vietnamese news articles", "tracuu"};
  app.set_version_flag("--version", std::string("tracuu ") + TRACUU_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  using Add = Run (*)(CLI::App&);
  static constexpr std::pair<std::string_view, Add> kCommands[] = {
      {"ingest", add_ingest}, {"search", add_search},       {"extract", add_extract},
      {"show", add_show},     {"stats", add_stats},         {"refs", add_refs},
      {"officials", add_officials}, {"compact", add_compact}};
  // Setting up every subcommand's options is a good part of a short search's start-up:
  // when the first argument names a subcommand, only that one is set up. Otherwise
  // (help, --version, a typo) all are, so help lists them and CLI11 can suggest one.
  const std::string_view first = argc > 1 ? argv[1] : "";
  const bool named = std::any_of(std::begin(kCommands), std::end(kCommands),
                                 [&](const auto& c) { return c.first == first; });
  std::vector<std::pair<std::string_view, Run>> commands;
  for (const auto& [name, add] : kCommands)
    if (!named || name == first) commands.emplace_back(name, add(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, version or the error message
    return code == 0 ? kExitOk : kExitUsage;
  }

  try {
    for (const auto* sub : app.get_subcommands())
      for (const auto& [name, run] : commands)
        if (sub->get_name() == name) return finish(run());
  } catch (const tracuu::Error& e) {
    warn(e.what());
    if (!e.hint().empty()) std::fprintf(stderr, "        (%s)\n", e.hint().c_str());
    return exit_code_for(e.kind());
  } catch (const std::exception& e) {
    warn(std::string("unexpected error: ") + e.what());
    return kExitIndex;
  }
  return kExitUsage;
}
