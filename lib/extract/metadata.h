// Article metadata from the text itself: headline, the article's own dateline (not a
// page header's "today"), byline, source URL and site.
#pragma once

#include "extract/context.h"
#include "tracuu/article.h"

namespace tracuu::extract {

// Fills title (unless already set), published, author, source_url and site, and
// sets ctx.published for year-less dates. Needs ctx.codes (run after the refs pass).
void extract_metadata(Context& ctx, Article& article);

}  // namespace tracuu::extract
