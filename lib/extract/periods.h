// Periods of years: "2013 – 2023", "giai đoạn 2022 – 2026", "(2013-2023)",
// "từ 2001 đến 2011". One entity per (from, to).
#pragma once

#include <vector>

#include "extract/context.h"
#include "tracuu/article.h"

namespace tracuu::extract {

void extract_periods(const Context& ctx, std::vector<Period>& out);

}  // namespace tracuu::extract
