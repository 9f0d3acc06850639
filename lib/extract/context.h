// What every extractor of one article shares: the text, its lower-cased twin (same
// byte offsets), the tokens, the spans other extractors must leave alone (URLs,
// document codes) and the article's own date for year-less dates. Built once per
// Extractor::run; extractors read it and add entities.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/resources_tables.h"
#include "tracuu/article.h"
#include "extract/tokens.h"

namespace tracuu::extract {

struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
};

struct Ymd {
  int year = 0;
  int month = 0;  // 0 when only the year is known
  int day = 0;    // 0 when only year and month are known
};

struct Context {
  Context(std::string_view text_in, const ResourceTables& tables_in);

  std::string_view text;
  std::string lowered;         // lower_aligned(text): offsets are offsets into text
  std::vector<Token> tokens;
  const ResourceTables& tables;
  std::vector<Span> urls;      // http(s)://… and www.… spans, sorted
  std::vector<Span> codes;     // document codes found by the refs pass, sorted
  std::optional<Ymd> published;  // the article's date (metadata), for year-less dates

  bool in_url(std::size_t pos) const { return inside(urls, pos); }
  bool in_code(std::size_t pos) const { return inside(codes, pos); }
  // Index of the first token starting at or after byte `pos`.
  std::size_t token_at_or_after(std::size_t pos) const;
  // True when lowered text at `pos` starts with `word` and no letter/digit follows.
  bool word_at(std::size_t pos, std::string_view word) const;
  // The longest of `words` (lower-cased) that ends right before `pos` (ignoring
  // spaces) with a word boundary before it; returns its start, or npos.
  std::size_t word_before(std::size_t pos, const std::vector<std::string>& words) const;

 private:
  static bool inside(const std::vector<Span>& spans, std::size_t pos);
};

// Longest phrase of `set` starting at token `i`: number of tokens matched (0 if none);
// `payload` receives the phrase's payload. Newlines never match.
std::size_t match_phrase(const Context& ctx, const PhraseSet& set, std::size_t i,
                         int* payload = nullptr);

std::string format_ymd(const Ymd& date);  // "2012-04-12", "2024-09" or "2024"
bool valid_date(int year, int month, int day);
int days_from_civil(int year, int month, int day);  // for comparing dates

Mention make_mention(const Context& ctx, std::size_t start, std::size_t end);
// Sorts mentions by start and drops exact duplicates.
void tidy_mentions(std::vector<Mention>& mentions);

}  // namespace tracuu::extract
