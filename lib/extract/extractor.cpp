// Extractor::run: cleans page furniture out of the text (clean.h), builds the shared
// Context once and runs the passes in the order
// their inputs need: refs (marks code spans), metadata (the article's date), then
// dates (year-less ones need that date), periods and officials. Never throws: a
// failure becomes a warning on the article.
#include "tracuu/extract.h"

#include <cstdint>
#include <exception>
#include <limits>

#include "data/resources_tables.h"
#include "extract/clean.h"
#include "extract/context.h"
#include "extract/dates.h"
#include "extract/metadata.h"
#include "extract/officials.h"
#include "extract/periods.h"
#include "extract/refs.h"

namespace tracuu {

void Extractor::run(Article& article) const {
  article.refs.clear();
  article.dates.clear();
  article.periods.clear();
  article.officials.clear();
  // Token offsets are 32-bit; a 4 GiB "article" is not one.
  if (article.text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    article.warnings.push_back("text too large for entity extraction; skipped");
    return;
  }
  try {
    article.text = extract::clean_text(article.text, resources_.tables());
    extract::Context ctx(article.text, resources_.tables());
    extract::extract_refs(ctx, article.refs);
    extract::extract_metadata(ctx, article);
    extract::extract_dates(ctx, article.dates);
    extract::extract_periods(ctx, article.periods);
    extract::extract_officials(ctx, article.officials);
  } catch (const std::exception& e) {
    article.warnings.push_back(std::string("entity extraction failed: ") + e.what());
  } catch (...) {
    article.warnings.push_back("entity extraction failed");
  }
}

}  // namespace tracuu
