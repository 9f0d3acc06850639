// Entity and metadata extraction from normalised article text: document references,
// dates, periods, officials, and the title/published/author/source_url of the article.
#pragma once

#include "tracuu/article.h"
#include "tracuu/resources.h"

namespace tracuu {

class Extractor {
 public:
  explicit Extractor(const Resources& resources) : resources_(resources) {}
  const Resources& resources() const { return resources_; }

  // Fills title (unless already set, e.g. from HTML), published, author, source_url,
  // site, refs, dates, periods and officials of `article` from article.text, which must
  // already be normalised (text::normalize). Appends to article.warnings for odd input.
  // Never throws on any input. Thread-safe (const).
  void run(Article& article) const;

 private:
  const Resources& resources_;
};

}  // namespace tracuu
