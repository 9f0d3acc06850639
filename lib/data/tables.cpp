// Small lookups over ResourceTables shared by the extractors and the text cleaner:
// phrase-set insertion and whole-line boilerplate matching.
#include "data/resources_tables.h"

#include "tracuu/text.h"

namespace tracuu {

void PhraseSet::add(const std::string& key, int payload) {
  if (key.empty()) return;
  auto [it, inserted] = phrases.emplace(key, payload);
  if (!inserted && it->second == kPrefixOnly) it->second = payload;
  for (auto space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1))
    phrases.emplace(key.substr(0, space), kPrefixOnly);
  const auto space = key.find(' ');
  first_words.emplace(key.substr(0, space));
  std::size_t tokens = 1;
  for (char c : key)
    if (c == ' ') ++tokens;
  if (tokens > max_tokens) max_tokens = tokens;
}

const int* PhraseSet::find(std::string_view key) const {
  const auto it = phrases.find(key);
  return it == phrases.end() || it->second == kPrefixOnly ? nullptr : &it->second;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Matches `line` (folded, trimmed) against one folded pattern; {n} takes a number
// with '.'/',' separators, {*} takes the rest of the line.
bool matches_pattern(std::string_view pattern, std::string_view line) {
  std::size_t p = 0, l = 0;
  while (p < pattern.size()) {
    if (pattern[p] == '{' && pattern.compare(p, 3, "{*}") == 0) return true;
    if (pattern[p] == '{' && pattern.compare(p, 3, "{n}") == 0) {
      if (l >= line.size() || !is_digit(line[l])) return false;
      while (l < line.size() && (is_digit(line[l]) || line[l] == '.' || line[l] == ','))
        ++l;
      p += 3;
      continue;
    }
    if (l >= line.size() || pattern[p] != line[l]) return false;
    ++p;
    ++l;
  }
  return l == line.size();
}

}  // namespace

bool is_boilerplate_line(const ResourceTables& tables, std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.empty() || line.size() > 200) return false;
  const std::string folded = text::fold(line);
  for (const std::string& pattern : tables.boilerplate)
    if (matches_pattern(pattern, folded)) return true;
  return false;
}

}  // namespace tracuu
