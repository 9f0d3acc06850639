// tracuu::Error: the one exception type for failures that stop a run (a missing,
// locked or damaged index, a bad query, an unreadable data file). Odd documents are
// never exceptions: they travel as warnings or skip reasons.
#pragma once

#include <stdexcept>
#include <string>

namespace tracuu {

enum class ErrorKind {
  Usage,  // bad command-line use or a malformed query: exit 1
  Query,  // the query cannot be parsed: exit 1
  Io,     // a file or directory cannot be read or written: exit 2
  Index,  // the index is missing, locked, damaged or of another version: exit 2
  Data,   // a data/ file is missing or has a bad line: exit 2
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message, std::string hint = {})
      : std::runtime_error(std::move(message)), kind_(kind), hint_(std::move(hint)) {}

  ErrorKind kind() const noexcept { return kind_; }
  // What the user can do next; may be empty.
  const std::string& hint() const noexcept { return hint_; }

 private:
  ErrorKind kind_;
  std::string hint_;
};

}  // namespace tracuu
