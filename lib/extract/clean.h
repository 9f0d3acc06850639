// Page furniture out of the article text before anything reads it: boilerplate lines
// (data/boilerplate.txt: menus, visit counters, "Liên kết website"), a photo caption
// printed twice in a row, and image-file slugs ("trao-bang-khen-02") left by saved pages.
#pragma once

#include <string>
#include <string_view>

#include "data/resources_tables.h"

namespace tracuu::extract {

// The text without those lines, still normalised (no new blank-line runs).
std::string clean_text(std::string_view text, const ResourceTables& tables);

}  // namespace tracuu::extract
