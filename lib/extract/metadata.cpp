// Metadata. Saved pages often open with the site's "today" line, then the headline,
// then the article's own dateline ("Thứ Tư, 18/10/2023"); so the dateline is the
// first date line after the headline, else the date line before it, else the first
// full date in the body. The byline is the last short all-capitalised line before
// the page furniture (data/boilerplate.txt) and the "Nguồn …: https://…" line.
#include "extract/metadata.h"

#include <algorithm>
#include <cstring>

#include "extract/dates.h"

namespace tracuu::extract {

namespace {

struct Line {
  std::size_t start = 0, end = 0;  // trimmed, byte offsets into the text
};

std::vector<Line> non_empty_lines(std::string_view s) {
  std::vector<Line> lines;
  std::size_t p = 0;
  while (p <= s.size()) {
    std::size_t e = s.find('\n', p);
    if (e == std::string_view::npos) e = s.size();
    std::size_t a = p, b = e;
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r')) --b;
    if (b > a) lines.push_back({a, b});
    if (e == s.size()) break;
    p = e + 1;
  }
  return lines;
}

// A line that is only a date, optionally after a weekday and before a time:
// "14/04/2022", "Thứ Tư, 18/10/2023", "Thứ Hai, 26/06/2023, 19:21 [GMT+7]".
std::optional<Ymd> date_line(const Context& ctx, const Line& line) {
  std::size_t p = line.start;
  for (const std::string& w :
       ctx.tables.date_words_by_role[static_cast<std::size_t>(DateWordRole::Weekday)]) {
    if (ctx.word_at(p, w)) {
      p += w.size();
      break;
    }
  }
  while (p < line.end && (ctx.text[p] == ' ' || ctx.text[p] == ',' || ctx.text[p] == '-' ||
                          ctx.text[p] == '|'))
    ++p;
  const auto date = parse_full_date(ctx, p);
  if (!date || date->end > line.end) return std::nullopt;
  for (std::size_t q = date->end; q < line.end; ++q) {
    const char c = ctx.text[q];
    if (!(std::strchr(" ,:|[]()+-/GMTgmthH", c) || (c >= '0' && c <= '9'))) return std::nullopt;
  }
  return date->date;
}

std::optional<Ymd> first_full_date(const Context& ctx) {
  const std::string_view s = ctx.text;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9' || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
    if (ctx.in_code(i) || ctx.in_url(i) || is_alnum_before(s, i)) continue;
    if (i > 0 && (s[i - 1] == '/' || s[i - 1] == '.' || s[i - 1] == '-')) continue;
    if (auto d = parse_full_date(ctx, i)) return d->date;
  }
  return std::nullopt;
}

std::string_view view(const Context& ctx, const Line& line) {
  return ctx.text.substr(line.start, line.end - line.start);
}

std::size_t find_url(std::string_view line) {
  const std::size_t a = line.find("https://");
  const std::size_t b = line.find("http://");
  return std::min(a, b);
}

std::string url_from(std::string_view line, std::size_t at) {
  std::size_t e = at;
  while (e < line.size() && line[e] != ' ') ++e;
  std::string_view url = line.substr(at, e - at);
  while (!url.empty() && (url.back() == ')' || url.back() == '.' || url.back() == ',' ||
                          url.back() == ']'))
    url.remove_suffix(1);
  return std::string(url);
}

std::string host_of(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/:?#"));
  std::string host;
  for (char c : rest) host += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

// "Nguồn An Giang: https://…", "Nguồn: https://…", or a line that is a bare URL.
bool source_line(const Context& ctx, const Line& line, std::string* url) {
  const std::string_view text = view(ctx, line);
  const std::size_t at = find_url(text);
  if (at == std::string_view::npos) return false;
  const bool bare = at == 0 && text.find(' ') == std::string_view::npos;
  if (!bare && !ctx.word_at(line.start, "nguồn")) return false;
  *url = url_from(text, at);
  return true;
}

// 1–6 capitalised words, no digits, no sentence punctuation: "KHÁNH HƯNG", "Văn Toàn",
// "Đỗ Hùng – Sao Mai".
bool byline_shape(const Context& ctx, const Line& line) {
  if (line.end - line.start > 80) return false;
  const std::size_t first = ctx.token_at_or_after(line.start);
  int words = 0;
  for (std::size_t i = first; i < ctx.tokens.size() && ctx.tokens[i].start < line.end; ++i) {
    const Token& t = ctx.tokens[i];
    if (t.kind == TokenKind::Word) {
      if (!t.capitalised) return false;
      ++words;
    } else if (t.kind == TokenKind::Punct) {
      if (!(t.key == "-" || t.key == "\xE2\x80\x93" || t.key == "," || t.key == "/" ||
            t.key == "&"))
        return false;
    } else {
      return false;  // digits
    }
  }
  return words >= 1 && words <= 6;
}

}  // namespace

void extract_metadata(Context& ctx, Article& article) {
  const std::vector<Line> lines = non_empty_lines(ctx.text);
  // Headline.
  std::size_t title_line = lines.size();
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (date_line(ctx, lines[k]) || is_boilerplate_line(ctx.tables, view(ctx, lines[k]))) continue;
    title_line = k;
    break;
  }
  if (article.title.empty() && title_line < lines.size())
    article.title = std::string(view(ctx, lines[title_line]));

  // Dateline: look at the head of the page only.
  std::optional<Ymd> before, after;
  const std::size_t head = std::min<std::size_t>(lines.size(), title_line + 4);
  for (std::size_t k = 0; k < head; ++k) {
    if (auto d = date_line(ctx, lines[k])) {
      if (title_line < lines.size() && k > title_line) {
        if (!after) after = d;
      } else if (!before) {
        before = d;
      }
    }
  }
  std::optional<Ymd> published = after ? after : before ? before : first_full_date(ctx);
  if (published) {
    article.published = format_ymd(*published);
    ctx.published = published;
  }

  // Source URL, byline: from the end, past page furniture.
  std::string url;
  for (std::size_t k = lines.size(); k-- > 0;)
    if (source_line(ctx, lines[k], &url)) break;
  if (!url.empty()) {
    article.source_url = url;
    article.site = host_of(url);
  }
  for (std::size_t k = lines.size(); k-- > 0 && k > title_line;) {
    std::string ignored;
    if (is_boilerplate_line(ctx.tables, view(ctx, lines[k])) || source_line(ctx, lines[k], &ignored))
      continue;
    if (byline_shape(ctx, lines[k]) && !date_line(ctx, lines[k]))
      article.author = std::string(view(ctx, lines[k]));
    break;
  }
}

}  // namespace tracuu::extract
