// Reading one input into an Article: bytes -> decoded UTF-8 -> (HTML text) -> the one
// normaliser -> extraction. A bad file gives a skip reason, never an exception.
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include "index/terms.h"
#include "ingest/reader.h"
#include "ingest/walk.h"
#include "tracuu/ingest.h"
#include "tracuu/text.h"

namespace tracuu {

Article read_article_bytes(std::string_view bytes, const std::string& display, bool html,
                           const Extractor& extractor) {
  Article article;
  article.path = display;
  article.format = html ? "html" : "text";
  text::Decoded decoded = text::decode(bytes);
  article.warnings = std::move(decoded.warnings);
  if (html) {
    text::HtmlText page = text::html_to_text(decoded.text);
    for (auto& w : page.warnings) article.warnings.push_back(std::move(w));
    article.title = text::normalize(page.title);
    article.text = text::normalize(page.text);
  } else {
    article.text = text::normalize(decoded.text);
  }
  extractor.run(article);
  return article;
}

namespace {

// Reads a whole file, or says why it cannot be used. `bytes` is filled on success.
std::string load(const std::filesystem::path& path, std::uintmax_t max_size, std::string& bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return "cannot read: " + ec.message();
  if (size == 0) return "empty file";
  if (size > max_size) {
    return fmt::format("larger than the size limit ({:.1f} MB > {:.1f} MB; see --max-size)", size / 1048576.0,
                       max_size / 1048576.0);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fmt::format("cannot read: {}", std::strerror(errno));
  bytes.assign(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes.empty()) return "empty file";
  if (text::looks_binary(bytes)) return "not text (NUL bytes): a binary file?";
  return {};
}

}  // namespace

ReadResult read_article(const std::filesystem::path& path, const Extractor& extractor, std::uintmax_t max_size) {
  ReadResult result;
  std::string bytes;
  result.skip_reason = load(path, max_size, bytes);
  if (!result.skip_reason.empty()) return result;
  bool exact = true;
  const std::string display = text::display_path(path.native(), &exact);
  Article article = read_article_bytes(bytes, display, ingest::is_html_file(path), extractor);
  if (!exact) article.path_bytes = text::base64(path.native());
  if (article.text.empty() && article.title.empty()) {
    result.skip_reason = "no text in it";
    return result;
  }
  result.article = std::move(article);
  return result;
}

namespace ingest {

FileRead read_file(const std::filesystem::path& path, const Extractor& extractor, std::uintmax_t max_size) {
  FileRead out;
  std::string bytes;
  out.skip_reason = load(path, max_size, bytes);
  if (!out.skip_reason.empty()) return out;
  out.bytes = bytes.size();
  out.content_hash = fmt::format("{:016x}", fnv1a(bytes));
  bool exact = true;
  const std::string display = text::display_path(path.native(), &exact);
  if (is_jsonl_file(path)) {
    read_jsonl(bytes, display, path.native(), extractor, out);
    if (out.articles.empty() && out.skips.empty()) out.skip_reason = "no articles in it";
  } else {
    Article article = read_article_bytes(bytes, display, is_html_file(path), extractor);
    if (article.text.empty() && article.title.empty()) {
      out.skip_reason = "no text in it";
      return out;
    }
    out.articles.push_back({path.native(), std::move(article), {}});
  }
  if (!exact)
    for (auto& a : out.articles) a.article.path_bytes = text::base64(path.native());
  return out;
}

}  // namespace ingest
}  // namespace tracuu
