// Officials: people introduced by a rank, a title or an honorific, with every title
// the article gives them ("Đại tướng Tô Lâm, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công
// an"; "Trưởng Ban Dân vận Trung ương Bùi Thị Minh Hoài"; "các đồng chí: A, …; B, …").
#pragma once

#include <vector>

#include "extract/context.h"
#include "tracuu/article.h"

namespace tracuu::extract {

// One entity per personal name; mentions are the name spans.
void extract_officials(const Context& ctx, std::vector<Official>& out);

}  // namespace tracuu::extract
