// JSON Lines crawl dumps: each line one article. A bad line is skipped with its line
// number; the rest of the file is still indexed.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "extract/context.h"
#include "ingest/reader.h"
#include "tracuu/text.h"

namespace tracuu::ingest {
namespace {

std::string field(const nlohmann::json& j, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto it = j.find(name);
    if (it != j.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

// "2023-10-18", "2023-10-18T09:00:00+07:00", "18/10/2023 10:15" -> "2023-10-18".
std::optional<std::string> iso_date(std::string_view s) {
  auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > s.size()) return false;
    for (std::size_t i = at; i < at + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  auto number = [&](std::size_t at, std::size_t n) { return std::stoi(std::string(s.substr(at, n))); };
  // A day no calendar has is no date (the index's date terms and ranges take months
  // 01-12 and days that exist).
  if (digits(0, 4) && s.size() >= 10 && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2) &&
      extract::valid_date(number(0, 4), number(5, 2), number(8, 2)))
    return std::string(s.substr(0, 10));
  if (digits(0, 2) && s.size() >= 10 && s[2] == '/' && digits(3, 2) && s[5] == '/' && digits(6, 4) &&
      extract::valid_date(number(6, 4), number(3, 2), number(0, 2)))
    return fmt::format("{}-{}-{}", s.substr(6, 4), s.substr(3, 2), s.substr(0, 2));
  return std::nullopt;
}

std::string host_of(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  if (url.rfind("www.", 0) == 0) url.remove_prefix(4);
  return text::lower(url);
}

}  // namespace

bool is_jsonl_file(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".jsonl" || ext == ".ndjson";
}

void read_jsonl(std::string_view bytes, const std::string& display, const std::string& raw_path,
                const Extractor& extractor, FileRead& out) {
  std::size_t line_no = 0;
  while (!bytes.empty()) {
    ++line_no;
    const std::size_t nl = bytes.find('\n');
    const std::string_view line = bytes.substr(0, nl);
    bytes.remove_prefix(nl == std::string_view::npos ? bytes.size() : nl + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = fmt::format("{}:{}", display, line_no);
    nlohmann::json record;
    try {
      record = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception&) {
      out.skips.push_back({where, "not a JSON object"});
      continue;
    }
    if (!record.is_object()) {
      out.skips.push_back({where, "not a JSON object"});
      continue;
    }
    const std::string html = field(record, {"html"});
    const std::string body = html.empty() ? field(record, {"content", "text", "body"}) : html;
    if (body.empty()) {
      out.skips.push_back({where, "no content, text or html field"});
      continue;
    }
    Article article;
    article.path = where;
    article.format = html.empty() ? "text" : "html";
    const text::Decoded decoded = text::decode(body);  // JSON strings are UTF-8; this cleans stray U+FFFD
    article.warnings = decoded.warnings;
    const std::string title = text::normalize(field(record, {"title", "headline"}));
    if (html.empty()) {
      article.text = text::normalize(decoded.text);
    } else {
      text::HtmlText page = text::html_to_text(decoded.text);
      article.text = text::normalize(page.text);
      if (title.empty()) article.title = text::normalize(page.title);
    }
    if (!title.empty()) article.title = title;
    extractor.run(article);
    const std::string url = field(record, {"url", "link", "source_url"});
    if (!url.empty()) {
      article.source_url = url;
      article.site = host_of(url);
    }
    if (auto date = iso_date(field(record, {"date", "published", "published_at"}))) article.published = date;
    std::string source_id = raw_path;
    source_id += '\0';
    source_id += std::to_string(line_no);
    out.articles.push_back({std::move(source_id), std::move(article), {}});
  }
}

}  // namespace tracuu::ingest
