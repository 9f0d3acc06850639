// Period extraction: two years (1900–2100, from < to) joined by a dash or by
// "từ … đến …". A year that ends a full date ("1/1/2013 – 31/12/2023") is a date's,
// so two dates joined by a dash never make a period.
#include "extract/periods.h"

#include <algorithm>
#include <map>

namespace tracuu::extract {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A year of exactly four digits at `pos`, standing alone.
bool year_at(std::string_view s, std::size_t pos, int* year) {
  if (pos + 4 > s.size()) return false;
  int y = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    if (!is_digit(s[pos + k])) return false;
    y = y * 10 + (s[pos + k] - '0');
  }
  if (y < 1900 || y > 2100) return false;
  *year = y;
  return true;
}

bool clean_left(std::string_view s, std::size_t pos) {
  if (pos == 0) return true;
  if (is_alnum_before(s, pos)) return false;
  const char c = s[pos - 1];
  return c != '/' && c != '.' && c != '-' && c != ',';
}

bool clean_right(std::string_view s, std::size_t end) {
  if (end >= s.size()) return true;
  if (is_alnum_at(s, end)) return false;
  const char c = s[end];
  return !((c == '/' || c == '.' || c == '-' || c == ',') && end + 1 < s.size() &&
           is_digit(s[end + 1]));
}

std::size_t dash_len(std::string_view s, std::size_t pos) {
  if (pos < s.size() && s[pos] == '-') return 1;
  if (s.compare(pos, 3, "\xE2\x80\x93") == 0 || s.compare(pos, 3, "\xE2\x80\x94") == 0) return 3;
  return 0;
}

std::size_t skip_spaces(std::string_view s, std::size_t p) {
  while (p < s.size() && s[p] == ' ') ++p;
  return p;
}

// After `pos` (spaces skipped): one of `words` then spaces; the position after, or npos.
std::size_t after_word(const Context& ctx, std::size_t pos, DateWordRole role) {
  const std::size_t p = skip_spaces(ctx.text, pos);
  for (const std::string& w : ctx.tables.date_words_by_role[static_cast<std::size_t>(role)])
    if (ctx.word_at(p, w)) return skip_spaces(ctx.text, p + w.size());
  return std::string_view::npos;
}

}  // namespace

void extract_periods(const Context& ctx, std::vector<Period>& out) {
  const std::string_view s = ctx.text;
  std::map<std::pair<int, int>, std::size_t> index;
  auto add = [&](int from, int to, std::size_t start, std::size_t end) {
    auto [it, inserted] = index.emplace(std::make_pair(from, to), out.size());
    if (inserted) out.push_back(Period{from, to, {}});
    out[it->second].mentions.push_back(make_mention(ctx, start, end));
  };
  const auto& range_from = ctx.tables.date_words_by_role[static_cast<std::size_t>(DateWordRole::RangeFrom)];
  std::size_t used = 0;  // the text before this belongs to a period found
  for (const Token& t : ctx.tokens) {  // a Number token is a whole run of digits
    if (t.kind != TokenKind::Number || t.end - t.start != 4 || t.start < used) continue;
    const std::size_t i = t.start;
    int from = 0, to = 0;
    if (!year_at(s, i, &from) || !clean_left(s, i) || ctx.in_code(i) || ctx.in_url(i)) continue;
    const std::size_t after_from = i + 4;
    // "2013 – 2023", "2013-2023"
    std::size_t p = skip_spaces(s, after_from);
    std::size_t start = i;
    std::size_t to_pos = std::string_view::npos;
    if (const std::size_t d = dash_len(s, p)) {
      to_pos = skip_spaces(s, p + d);
    } else if (const std::size_t from_word = ctx.word_before(i, range_from);
               from_word != std::string_view::npos) {
      // "từ 2001 đến 2011", "từ năm 2013 đến năm 2023"
      to_pos = after_word(ctx, after_from, DateWordRole::RangeTo);
      start = from_word;
    }
    if (to_pos == std::string_view::npos || !year_at(s, to_pos, &to) ||
        !clean_right(s, to_pos + 4) || from >= to)
      continue;
    add(from, to, start, to_pos + 4);
    used = to_pos + 4;
  }
  for (Period& period : out) tidy_mentions(period.mentions);
  std::stable_sort(out.begin(), out.end(), [](const Period& a, const Period& b) {
    return a.mentions.front().start < b.mentions.front().start;
  });
}

}  // namespace tracuu::extract
