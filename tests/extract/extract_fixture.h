// Shared by the extractor tests: the real data/ loaded once, and a helper that runs the
// extractor on a sentence after the normaliser (the extractor's input contract).
#pragma once

#include <string_view>

#include "tracuu/extract.h"
#include "tracuu/resources.h"
#include "tracuu/text.h"

namespace extract_test {

inline const tracuu::Resources& resources() {
  static const tracuu::Resources r = tracuu::Resources::load(TRACUU_SOURCE_DATA_DIR);
  return r;
}

inline tracuu::Article run(std::string_view text) {
  tracuu::Article a;
  a.text = tracuu::text::normalize(text);
  tracuu::Extractor(resources()).run(a);
  return a;
}

}  // namespace extract_test
