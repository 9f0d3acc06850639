// Date parsing shared by the date extractor, the reference extractor (the "ngày …"
// after a code) and metadata (datelines). All parsers take a byte position in
// Context::text and return the parsed date with the end of what they consumed.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "extract/context.h"
#include "tracuu/article.h"

namespace tracuu::extract {

struct ParsedDate {
  Ymd date;
  std::size_t start = 0;  // where the date expression starts
  std::size_t end = 0;    // one past its last byte
};

// A full day-month-year date starting exactly at `pos`: "13/06/2024", "1-12-2011",
// "19.8.1945", "2025-08-19", "12 tháng 4 năm 2012". Validated (no 31/2).
std::optional<ParsedDate> parse_full_date(const Context& ctx, std::size_t pos);

// Every date and month in the text (see dates.cpp for the forms), merged into one
// entity per value and precision. Year-less day-months take ctx.published's year.
void extract_dates(const Context& ctx, std::vector<DateRef>& out);

}  // namespace tracuu::extract
