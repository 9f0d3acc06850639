// Reading one input into an Article: bytes -> decoded UTF-8 -> (HTML text) -> the one
// normaliser -> extraction. A bad file gives a skip reason, never an exception.
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

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

ReadResult read_article(const std::filesystem::path& path, const Extractor& extractor, std::uintmax_t max_size) {
  namespace fs = std::filesystem;
  ReadResult result;
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    result.skip_reason = "cannot read: " + ec.message();
    return result;
  }
  if (size == 0) {
    result.skip_reason = "empty file";
    return result;
  }
  if (size > max_size) {
    result.skip_reason = fmt::format("larger than the size limit ({:.1f} MB > {:.1f} MB; see --max-size)",
                                     size / 1048576.0, max_size / 1048576.0);
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.skip_reason = fmt::format("cannot read: {}", std::strerror(errno));
    return result;
  }
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes.empty()) {
    result.skip_reason = "empty file";
    return result;
  }
  if (text::looks_binary(bytes)) {
    result.skip_reason = "not text (NUL bytes): a binary file?";
    return result;
  }
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

}  // namespace tracuu
