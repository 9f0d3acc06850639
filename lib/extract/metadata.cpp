// Metadata. Saved pages often open with the site's "today" line, then the headline,
// then the article's own dateline ("Thứ Tư, 18/10/2023"); so the dateline is the
// first date line after the headline, else the date line before it, else none (a
// date in the body is an event's, not the article's). The byline is the last short
// capitalised line before the page furniture (data/boilerplate.txt) and the
// "Nguồn …: https://…" line.
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

// Where a dateline's date starts after a lead-in, or line.start when there is none:
// a weekday ("Thứ Tư, "), a label ending in ':' ("Đăng ngày: ", "Cập nhật: ") or a
// place and "ngày" ("Đà Nẵng, ngày "), each of at most four words.
std::size_t dateline_lead_in(const Context& ctx, const Line& line) {
  for (const std::string& w :
       ctx.tables.date_words_by_role[static_cast<std::size_t>(DateWordRole::Weekday)])
    if (ctx.word_at(line.start, w)) return line.start + w.size();
  const auto& tokens = ctx.tokens;
  std::size_t i = ctx.token_at_or_after(line.start);
  std::size_t words = 0;
  bool capitalised = true;
  while (i < tokens.size() && tokens[i].kind == TokenKind::Word && words < 5) {
    capitalised = capitalised && tokens[i].capitalised;
    ++words;
    ++i;
  }
  if (words == 0 || words > 4 || i >= tokens.size() || tokens[i].end > line.end) return line.start;
  if (tokens[i].key == ":") return tokens[i].end;
  if (tokens[i].key == "," && capitalised) {
    std::size_t p = tokens[i].end;
    while (p < line.end && ctx.text[p] == ' ') ++p;
    if (ctx.word_at(p, "ngày")) return p + std::strlen("ngày");
  }
  return line.start;
}

bool time_char(char c) {
  return (c != 0 && std::strchr(" ,:[]()+/GMTgmthH", c)) || (c >= '0' && c <= '9');
}

// What may follow a dateline's date: a time and zone ("19:21 [GMT+7]"), then
// optionally a separator and more time ("- 16:40") or page furniture ("· Lượt xem: 4106").
bool dateline_tail(const Context& ctx, std::size_t p, std::size_t end) {
  for (; p < end; ++p) {
    const char c = ctx.text[p];
    if (time_char(c)) continue;
    std::size_t q = p;
    if (c == '|' || c == '-')
      q += 1;
    else if (ctx.text.compare(p, 2, "\xC2\xB7") == 0)  // middle dot
      q += 2;
    else if (ctx.text.compare(p, 3, "\xE2\x80\x93") == 0)  // en dash
      q += 3;
    else
      return false;
    while (q < end && ctx.text[q] == ' ') ++q;
    if (q == end) return true;
    bool time_only = true;
    for (std::size_t r = q; r < end; ++r)
      time_only = time_only && (time_char(ctx.text[r]) || ctx.text[r] == '-');
    if (time_only) return true;
    return is_boilerplate_line(ctx.tables, ctx.text.substr(q, end - q));
  }
  return true;
}

// A line that is only a date, optionally after a lead-in and before a time:
// "14/04/2022", "Thứ Tư, 18/10/2023", "Thứ Hai, 26/06/2023, 19:21 [GMT+7]",
// "Đăng ngày: 2019-03-27 08:15", "Đà Nẵng, ngày 05 tháng 11 năm 2013".
std::optional<Ymd> date_line(const Context& ctx, const Line& line) {
  std::size_t p = dateline_lead_in(ctx, line);
  while (p < line.end && (ctx.text[p] == ' ' || ctx.text[p] == ',' || ctx.text[p] == '-' ||
                          ctx.text[p] == '|'))
    ++p;
  const auto date = parse_full_date(ctx, p);
  if (!date || date->end > line.end || !dateline_tail(ctx, date->end, line.end)) return std::nullopt;
  return date->date;
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
// "Đỗ Hùng – Sao Mai", "Văn Toàn (tổng hợp)", "Nhóm phóng viên".
bool byline_shape(const Context& ctx, const Line& line) {
  if (line.end - line.start > 80) return false;
  const std::size_t first = ctx.token_at_or_after(line.start);
  int words = 0;
  for (std::size_t i = first; i < ctx.tokens.size() && ctx.tokens[i].start < line.end; ++i) {
    const Token& t = ctx.tokens[i];
    if (t.kind == TokenKind::Word) {
      // Lower-case words only from data/byline_words.txt ("Nhóm phóng viên"), and
      // never first.
      if (!t.capitalised) {
        const std::size_t n = i == first ? 0 : match_phrase(ctx, ctx.tables.byline_words, i);
        if (n == 0) return false;
        i += n - 1;
        words += static_cast<int>(n);
        continue;
      }
      ++words;
    } else if (t.kind == TokenKind::Punct) {
      if (!(t.key == "-" || t.key == "\xE2\x80\x93" || t.key == "," || t.key == "/" ||
            t.key == "&" || t.key == "(" || t.key == ")"))
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
  // No dateline, no published date: the first date of the body is when something
  // happened, not when the article appeared, and a guessed year would then be passed
  // on to every year-less date ("Sáng 14-5") as if it were known.
  std::optional<Ymd> published = after ? after : before;
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
