// libFuzzer target for Extractor::run() on normalised text, as ingest feeds it: every
// mention lies inside the text and quotes it exactly, and all strings are valid UTF-8.
// The resources come once from the source tree's data/.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "tracuu/extract.h"
#include "tracuu/text.h"

namespace {

const tracuu::Resources& resources() {
  static const tracuu::Resources loaded = tracuu::Resources::load(TRACUU_SOURCE_DATA_DIR);
  return loaded;
}

void check_mentions(const tracuu::Article& article, const std::vector<tracuu::Mention>& mentions) {
  using tracuu::fuzz::require;
  for (const tracuu::Mention& m : mentions) {
    require(m.start <= m.end && m.end <= article.text.size(), "mention offsets are inside the text");
    require(article.text.compare(m.start, m.end - m.start, m.text) == 0,
            "text.substr(start, end - start) == mention.text");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tracuu::fuzz::is_valid_utf8;
  using tracuu::fuzz::require;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const tracuu::Extractor extractor(resources());
  tracuu::Article article;
  article.text = tracuu::text::normalize(tracuu::text::decode(bytes).text);
  extractor.run(article);
  for (const auto& r : article.refs) {
    check_mentions(article, r.mentions);
    require(!r.id || is_valid_utf8(*r.id), "ref id is valid UTF-8");
    require(!r.subject || is_valid_utf8(*r.subject), "ref subject is valid UTF-8");
  }
  for (const auto& d : article.dates) check_mentions(article, d.mentions);
  for (const auto& p : article.periods) check_mentions(article, p.mentions);
  for (const auto& o : article.officials) {
    check_mentions(article, o.mentions);
    require(is_valid_utf8(o.name), "official name is valid UTF-8");
    for (const auto& t : o.titles) require(is_valid_utf8(t), "official title is valid UTF-8");
  }
  require(is_valid_utf8(article.title), "title is valid UTF-8");
  require(!article.author || is_valid_utf8(*article.author), "author is valid UTF-8");
  return 0;
}
