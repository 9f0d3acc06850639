// clean_text(): line by line, general rules only (see clean.h). Indexed text, snippets
// and entity offsets all refer to the cleaned text.
#include "extract/clean.h"

#include <cctype>
#include <vector>

namespace tracuu::extract {
namespace {

// "quang-canh-diem-cau-ninh-binh-2": ASCII lower-case words joined by at least two
// hyphens, the shape of an image file name (with letters: "2025-07-02" is a date).
std::size_t slug_length(std::string_view s) {
  std::size_t i = 0, hyphens = 0, letters = 0;
  while (i < s.size()) {
    const unsigned char c = s[i];
    if (std::islower(c) || std::isdigit(c)) {
      letters += std::islower(c) ? 1 : 0;
      ++i;
    } else if (c == '-' && i > 0 && i + 1 < s.size() && s[i - 1] != '-') {
      ++hyphens;
      ++i;
    } else {
      break;
    }
  }
  return hyphens >= 2 && letters >= 3 ? i : 0;
}

bool only_slugs(std::string_view line) {
  bool any = false;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    const std::size_t n = slug_length(line.substr(i));
    if (n == 0 || (i + n < line.size() && line[i + n] != ' ')) return false;
    any = true;
    i += n;
  }
  return any;
}

// A slug glued to the caption it names: "trao-bang-khen-02-tap-theTrao bằng khen ...".
std::string_view without_glued_slug(std::string_view line) {
  const std::size_t n = slug_length(line);
  if (n == 0 || n >= line.size()) return line;
  const unsigned char next = line[n];
  const bool capital = std::isupper(next) || next >= 0xC3;  // ASCII or a UTF-8 lead byte (Đ, Ú, ...)
  return capital ? line.substr(n) : line;
}

}  // namespace

std::string clean_text(std::string_view text, const ResourceTables& tables) {
  std::vector<std::string_view> kept;
  std::string_view previous;  // last non-empty line kept
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty()) {
      kept.push_back(line);
      continue;
    }
    if (is_boilerplate_line(tables, line) || only_slugs(line)) continue;
    line = without_glued_slug(line);
    if (line == previous) continue;  // a caption printed twice
    kept.push_back(line);
    previous = line;
  }
  std::string out;
  out.reserve(text.size());
  bool blank = true;  // no blank lines at the start, at most one in a row
  for (std::string_view line : kept) {
    if (line.empty()) {
      if (!blank) out += '\n';
      blank = true;
      continue;
    }
    if (!out.empty() && out.back() != '\n') out += '\n';
    out.append(line);
    out += '\n';
    blank = false;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace tracuu::extract
