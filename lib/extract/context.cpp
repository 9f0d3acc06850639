// Context construction and the small helpers every extractor uses: URL spans,
// phrase matching over tokens, word look-behind, date arithmetic, mention tidying.
#include "extract/context.h"

#include <algorithm>
#include <cstdio>

namespace tracuu::extract {

namespace {

bool is_url_end(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '<' || c == '>';
}

std::vector<Span> find_urls(std::string_view text, std::string_view lowered) {
  std::vector<Span> spans;
  std::size_t pos = 0;
  while (pos < lowered.size()) {
    std::size_t best = std::string_view::npos;
    for (std::string_view marker : {"http://", "https://", "www."}) {
      const auto found = lowered.find(marker, pos);
      if (found < best) best = found;
    }
    if (best == std::string_view::npos) break;
    std::size_t end = best;
    while (end < text.size() && !is_url_end(text[end])) ++end;
    spans.push_back({best, end});
    pos = end + 1;
  }
  return spans;
}

}  // namespace

Context::Context(std::string_view text_in, const ResourceTables& tables_in)
    : text(text_in), lowered(lower_aligned(text_in)), tables(tables_in) {
  tokens = tokenize(text, lowered);
  for (Token& t : tokens)
    if (t.kind != TokenKind::Newline)
      if (auto it = tables.word_flags.find(t.key); it != tables.word_flags.end()) t.flags = it->second;
  urls = find_urls(text, lowered);
}

bool Context::inside(const std::vector<Span>& spans, std::size_t pos) {
  auto it = std::upper_bound(spans.begin(), spans.end(), pos,
                             [](std::size_t p, const Span& s) { return p < s.start; });
  if (it == spans.begin()) return false;
  --it;
  return pos >= it->start && pos < it->end;
}

std::size_t Context::token_at_or_after(std::size_t pos) const {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), pos,
                             [](const Token& t, std::size_t p) { return t.start < p; });
  return static_cast<std::size_t>(it - tokens.begin());
}

bool Context::word_at(std::size_t pos, std::string_view word) const {
  if (pos > lowered.size()) return false;
  // The first byte alone rules out almost every position a scanner asks about.
  if (!word.empty() && (pos == lowered.size() || lowered[pos] != word.front())) return false;
  if (lowered.compare(pos, word.size(), word) != 0) return false;
  return !is_alnum_at(text, pos + word.size());
}

std::size_t Context::word_before(std::size_t pos, const std::vector<std::string>& words) const {
  std::size_t end = std::min(pos, lowered.size());
  while (end > 0 && lowered[end - 1] == ' ') --end;
  for (const std::string& word : words) {  // longest first
    if (word.size() > end) continue;
    const std::size_t start = end - word.size();
    if (lowered.compare(start, word.size(), word) == 0 && !is_alnum_before(text, start))
      return start;
  }
  return std::string_view::npos;
}

std::size_t match_phrase(const Context& ctx, const PhraseSet& set, std::size_t i, int* payload) {
  const auto& tokens = ctx.tokens;
  if (i >= tokens.size() || set.empty() || tokens[i].kind == TokenKind::Newline) return 0;
  if (set.flag ? (tokens[i].flags & set.flag) == 0 : !set.first_words.contains(tokens[i].key))
    return 0;
  // The key is the tokens' keys joined by single spaces: while the text between them is
  // one space, that is a piece of the lowered text, and nothing need be built.
  const std::string_view lowered = ctx.lowered;
  std::string built;  // the key, once the text between the words is not one space
  std::string_view key;
  std::size_t best = 0;
  for (std::size_t n = 0; n < set.max_tokens && i + n < tokens.size(); ++n) {
    const Token& t = tokens[i + n];
    if (t.kind == TokenKind::Newline) break;
    if (built.empty() && (n == 0 || (t.start == tokens[i + n - 1].end + 1 && lowered[t.start - 1] == ' '))) {
      key = lowered.substr(tokens[i].start, t.end - tokens[i].start);
    } else {
      if (built.empty()) built.assign(key);
      built += ' ';
      built.append(t.key);
      key = built;
    }
    const auto it = set.phrases.find(key);
    if (it == set.phrases.end()) break;  // no phrase starts with these words
    if (it->second != PhraseSet::kPrefixOnly) {
      best = n + 1;
      if (payload) *payload = it->second;
    }
  }
  return best;
}

bool valid_date(int year, int month, int day) {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

// Howard Hinnant's days_from_civil: days since 1970-01-01 in the proleptic calendar.
int days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string format_ymd(const Ymd& date) {
  char buf[16];
  if (date.month == 0)
    std::snprintf(buf, sizeof buf, "%04d", date.year);
  else if (date.day == 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", date.year, date.month);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

Mention make_mention(const Context& ctx, std::size_t start, std::size_t end) {
  return Mention{std::string(ctx.text.substr(start, end - start)), start, end};
}

void tidy_mentions(std::vector<Mention>& mentions) {
  std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  mentions.erase(std::unique(mentions.begin(), mentions.end(),
                             [](const Mention& a, const Mention& b) {
                               return a.start == b.start && a.end == b.end;
                             }),
                 mentions.end());
}

}  // namespace tracuu::extract
