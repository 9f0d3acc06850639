// Date extraction. One left-to-right scan over digit runs; each run is tried as a
// full date (D/M/Y, D-M-Y, D.M.Y, ISO, "D tháng M năm Y"), a month ("tháng 9/2024",
// "tháng 09 năm 2024") or, only next to a trigger word or in parentheses, a year-less
// day-month ("Sáng 12-4", "(19/8)"). Without a trigger "19.2" stays an indicator
// number; a dot followed by three digits is a thousands group, never a date.
#include "extract/dates.h"

#include <algorithm>
#include <cstring>
#include <map>

namespace tracuu::extract {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_len digits at `pos`; returns the count (0 if none or too many).
std::size_t read_digits(std::string_view s, std::size_t pos, std::size_t max_len, int* value) {
  std::size_t p = pos;
  int v = 0;
  while (p < s.size() && is_digit(s[p])) {
    v = v * 10 + (s[p] - '0');
    ++p;
    if (p - pos > max_len) return 0;
  }
  *value = v;
  return p - pos;
}

bool is_sep(char c) { return c == '/' || c == '-' || c == '.'; }

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2100;

// A date, month or number must not run on into letters or more digits.
bool clean_end(std::string_view s, std::size_t end) {
  if (end >= s.size()) return true;
  if (is_alnum_at(s, end)) return false;
  // "1/8/2013/…" or "19.8.1945.2" are something else.
  return !(is_sep(s[end]) && end + 1 < s.size() && is_digit(s[end + 1]));
}

// After `pos`, one or more spaces then `word` (lower-cased) then spaces: the position
// after them, or npos.
std::size_t spaced_word(const Context& ctx, std::size_t pos, const std::vector<std::string>& words) {
  std::size_t p = pos;
  if (p >= ctx.text.size() || ctx.text[p] != ' ') return std::string_view::npos;
  while (p < ctx.text.size() && ctx.text[p] == ' ') ++p;
  for (const std::string& word : words) {
    if (ctx.word_at(p, word)) {
      std::size_t q = p + word.size();
      if (q >= ctx.text.size() || ctx.text[q] != ' ') continue;
      while (q < ctx.text.size() && ctx.text[q] == ' ') ++q;
      return q;
    }
  }
  return std::string_view::npos;
}

const std::vector<std::string>& words(const Context& ctx, DateWordRole role) {
  return ctx.tables.date_words_by_role[static_cast<std::size_t>(role)];
}

// "tháng M/Y", "tháng M-Y", "tháng M.Y", "tháng M năm Y", with `pos` at M.
std::optional<ParsedDate> parse_month(const Context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  int month = 0, year = 0;
  const std::size_t m_len = read_digits(s, pos, 2, &month);
  if (m_len == 0 || month < 1 || month > 12) return std::nullopt;
  std::size_t p = pos + m_len;
  std::size_t y_start = std::string_view::npos;
  if (p < s.size() && is_sep(s[p]))
    y_start = p + 1;
  else
    y_start = spaced_word(ctx, p, words(ctx, DateWordRole::YearWord));
  if (y_start == std::string_view::npos) return std::nullopt;
  if (read_digits(s, y_start, 4, &year) != 4 || year < kMinYear || year > kMaxYear)
    return std::nullopt;
  const std::size_t end = y_start + 4;
  if (!clean_end(s, end)) return std::nullopt;
  return ParsedDate{{year, month, 0}, pos, end};
}

struct Builder {
  const Context& ctx;
  std::vector<DateRef>& out;
  std::map<std::string, std::size_t> index;  // value + precision -> entity
  std::vector<bool> explicit_year;

  void add(const Ymd& date, std::size_t start, std::size_t end, bool inferred) {
    const std::string value = format_ymd(date);
    const char* precision = date.day ? "day" : date.month ? "month" : "year";
    auto [it, inserted] = index.emplace(value + "|" + precision, out.size());
    if (inserted) {
      DateRef ref;
      ref.value = value;
      ref.precision = precision;
      out.push_back(std::move(ref));
      explicit_year.push_back(false);
    }
    if (!inferred) explicit_year[it->second] = true;
    out[it->second].mentions.push_back(make_mention(ctx, start, end));
  }
};

}  // namespace

std::optional<ParsedDate> parse_full_date(const Context& ctx, std::size_t pos) {
  const std::string_view s = ctx.text;
  if (pos >= s.size() || !is_digit(s[pos])) return std::nullopt;
  int a = 0;
  const std::size_t a_len = read_digits(s, pos, 4, &a);
  if (a_len == 0) return std::nullopt;
  std::size_t p = pos + a_len;
  // ISO 2025-08-19.
  if (a_len == 4) {
    int m = 0, d = 0;
    if (p + 6 <= s.size() && s[p] == '-' && read_digits(s, p + 1, 2, &m) == 2 &&
        s[p + 3] == '-' && read_digits(s, p + 4, 2, &d) == 2 && a >= kMinYear && a <= kMaxYear &&
        valid_date(a, m, d) && clean_end(s, p + 6))
      return ParsedDate{{a, m, d}, pos, p + 6};
    return std::nullopt;
  }
  if (a_len > 2 || p >= s.size()) return std::nullopt;
  int m = 0, y = 0;
  // D/M/Y, D-M-Y, D.M.Y with one separator throughout.
  if (is_sep(s[p])) {
    const char sep = s[p];
    const std::size_t m_len = read_digits(s, p + 1, 2, &m);
    if (m_len == 0) return std::nullopt;
    const std::size_t q = p + 1 + m_len;
    if (q >= s.size() || s[q] != sep || read_digits(s, q + 1, 4, &y) != 4) return std::nullopt;
    const std::size_t end = q + 5;
    if (y < kMinYear || y > kMaxYear || !valid_date(y, m, a) || !clean_end(s, end))
      return std::nullopt;
    return ParsedDate{{y, m, a}, pos, end};
  }
  // D tháng M năm Y.
  const std::size_t m_pos = spaced_word(ctx, p, words(ctx, DateWordRole::MonthWord));
  if (m_pos == std::string_view::npos) return std::nullopt;
  const std::size_t m_len = read_digits(s, m_pos, 2, &m);
  if (m_len == 0) return std::nullopt;
  const std::size_t y_pos = spaced_word(ctx, m_pos + m_len, words(ctx, DateWordRole::YearWord));
  if (y_pos == std::string_view::npos || read_digits(s, y_pos, 4, &y) != 4) return std::nullopt;
  const std::size_t end = y_pos + 4;
  if (y < kMinYear || y > kMaxYear || !valid_date(y, m, a) || !clean_end(s, end))
    return std::nullopt;
  return ParsedDate{{y, m, a}, pos, end};
}

void extract_dates(const Context& ctx, std::vector<DateRef>& out) {
  const std::string_view s = ctx.text;
  Builder builder{ctx, out, {}, {}};
  std::size_t last_end = std::string_view::npos;  // end of the previous date, for ranges
  std::size_t i = 0;  // the text before this is read
  for (const Token& t : ctx.tokens) {  // a Number token is a whole run of digits
    if (t.kind != TokenKind::Number || t.start < i) continue;
    const std::size_t start = t.start;
    const std::size_t run_end = t.end;
    i = run_end;
    if (ctx.in_code(start) || ctx.in_url(start) || is_alnum_before(s, start)) continue;
    // Part of a longer number or code on the left: "1.203.165", "359/1/9".
    if (start > 0 && (s[start - 1] == '/' || s[start - 1] == '.' || s[start - 1] == ',' ||
                      (s[start - 1] == '-' && start > 1 && is_digit(s[start - 2]))))
      continue;

    if (auto full = parse_full_date(ctx, start)) {
      builder.add(full->date, full->start, full->end, false);
      last_end = i = full->end;
      continue;
    }
    // "tháng 9/2024": the mention starts at the month word.
    if (const std::size_t w = ctx.word_before(start, words(ctx, DateWordRole::MonthWord));
        w != std::string_view::npos) {
      if (auto month = parse_month(ctx, start)) {
        builder.add(month->date, w, month->end, false);
        last_end = i = month->end;
        continue;
      }
    }
    // Year-less D/M, D-M, D.M.
    int d = 0, m = 0;
    const std::size_t d_len = run_end - start;
    if (d_len > 2 || run_end >= s.size() || !is_sep(s[run_end])) continue;
    read_digits(s, start, 2, &d);
    const std::size_t m_len = read_digits(s, run_end + 1, 2, &m);
    if (m_len == 0) continue;
    const std::size_t end = run_end + 1 + m_len;
    if (end < s.size() && (is_digit(s[end]) || is_alnum_at(s, end))) continue;
    if (end + 1 < s.size() && is_sep(s[end]) && is_digit(s[end + 1])) continue;  // 31/2/2020
    if (m < 1 || m > 12 || d < 1 || d > 31) continue;
    bool trigger = false;
    // The trigger may be separated by a comma: "Thứ Hai, 12/4".
    std::size_t before = start;
    while (before > 0 && (s[before - 1] == ' ' || s[before - 1] == ',')) --before;
    for (DateWordRole role : {DateWordRole::PartOfDay, DateWordRole::DayWord, DateWordRole::Weekday})
      if (ctx.word_before(before, words(ctx, role)) != std::string_view::npos) trigger = true;
    if (!trigger && start > 0 && s[start - 1] == '(' && end < s.size() && s[end] == ')')
      trigger = true;
    // Second half of a range: "ngày 13.3 - 19.3", "từ 22.3 đến 30.3".
    if (!trigger && last_end != std::string_view::npos && start > last_end &&
        start - last_end <= 12) {
      std::string_view gap = ctx.lowered;
      gap = gap.substr(last_end, start - last_end);
      while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
      while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
      if (gap == "-" || gap == "\xE2\x80\x93" || gap == "\xE2\x80\x94") trigger = true;
      for (const std::string& w : words(ctx, DateWordRole::RangeTo))
        if (gap == w || gap == w + " ngày") trigger = true;
    }
    if (!trigger || !ctx.published) continue;
    int year = ctx.published->year;
    if (!valid_date(year, m, d)) {
      if (!(m == 2 && d == 29)) continue;
    }
    // A year-less date far after the article's own date is last year's ("Chiều
    // 28/12" in a January article).
    if (ctx.published->month) {
      const int pub = days_from_civil(ctx.published->year, ctx.published->month,
                                      ctx.published->day ? ctx.published->day : 1);
      if (valid_date(year, m, d) && days_from_civil(year, m, d) - pub > 60) --year;
    }
    if (!valid_date(year, m, d)) continue;
    builder.add({year, m, d}, start, end, true);
    last_end = i = end;
  }
  for (std::size_t k = 0; k < out.size(); ++k) {
    out[k].year_inferred = !builder.explicit_year[k];
    tidy_mentions(out[k].mentions);
  }
  std::stable_sort(out.begin(), out.end(), [](const DateRef& a, const DateRef& b) {
    return a.mentions.front().start < b.mentions.front().start;
  });
}

}  // namespace tracuu::extract
