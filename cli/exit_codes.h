// Exit codes of the tracuu binary, in one place (DESIGN.md "Exit codes").
#pragma once

namespace tracuu::cli {

enum ExitCode : int {
  kExitOk = 0,           // success; for search also when nothing matched
  kExitUsage = 1,        // bad usage or a malformed query
  kExitIndex = 2,        // I/O or index error: missing, locked, damaged index
  kExitSkipped = 3,      // ingest finished but skipped files (only with --strict)
  kExitInterrupted = 130,
};

}  // namespace tracuu::cli
