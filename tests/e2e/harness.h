// A small harness for end-to-end tests: run the built binary, capture exit code, stdout
// and stderr; make temporary directories and files; parse JSON Lines.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

// Show sets of file names in failure messages.
namespace doctest {
template <>
struct StringMaker<std::set<std::string>> {
  static String convert(const std::set<std::string>& items) {
    std::string out = "{";
    for (const auto& item : items) out += (out.size() > 1 ? ", " : "") + item;
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace e2e {

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

// Runs `tracuu ARGS...` with `input` on stdin and `env` (NAME=VALUE) added to the
// environment. Arguments are passed without any shell interpretation.
Run tracuu(const std::vector<std::string>& args, const std::string& input = {},
           const std::vector<std::string>& env = {});

// Starts `tracuu ARGS...` without waiting (stdout and stderr to /dev/null); returns its pid.
int spawn(const std::vector<std::string>& args);

// Starts any program (found on PATH) the same way, in a process group of its own (signal
// the group with kill(-pid, ...)); returns its pid, or -1.
int spawn_program(const std::string& program, const std::vector<std::string>& args);

// Waits for a spawned process; returns its exit code (128 + signal when killed).
int wait_for(int pid);

// A fresh directory removed at scope exit.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::string& bytes);
std::string read_file(const std::filesystem::path& path);

// Every line of `text` parsed as JSON (fails the test on a line that is not JSON).
std::vector<nlohmann::json> json_lines(const std::string& text);

// The project's source directory (data/samples, tests/fixtures).
std::filesystem::path source_dir();

// The shared seed articles ingested into `dir`/seeds-db, or "" when the checkout does
// not sit beside them (they are read in CI only; tests then skip).
std::string seeds_index(const TempDir& dir);

}  // namespace e2e
