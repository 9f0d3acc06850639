// A hit's snippet: Xapian cuts it from the article's body around the query's words, and
// it comes back as plain text with byte ranges to highlight. Internal header of lib/index.
#pragma once

#include <xapian.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "tracuu/search.h"
#include "tracuu/text.h"

namespace tracuu::index {

// Finds the first run of non-blank text that holds one of `words` (folded) as a whole
// word. Made once for a query's words, used on each hit's text.
class WordFinder {
 public:
  explicit WordFinder(std::vector<std::string> words);
  // The start of that run in `text`, or npos.
  std::size_t first_in(std::string_view text) const;
  const std::array<bool, 256>& first_bytes() const { return first_; }

 private:
  std::vector<std::string> words_;
  std::array<bool, 256> first_{};  // the first bytes of words_
  text::FoldStarts starts_;        // where a character folding to one of them may start
};

// Cuts snippets of `bytes` around the words of `terms` (the query's terms: only its folded
// "Z" words can be highlighted), weighed by `weights`, an MSet of the query. One thread at
// a time: Xapian counts references to the stemmer without atomics.
class Snippets {
 public:
  Snippets(const std::vector<std::string>& terms, std::size_t bytes);

  // Sets hit.snippet and hit.highlights from `body`, or from its opening when no word of
  // the query occurs in it.
  void cut(const Xapian::MSet& weights, const std::string& body, SearchHit& hit) const;

 private:
  WordFinder words_;  // folded words, as in the "Z" terms
  std::size_t bytes_;
  Xapian::Stem stemmer_;
};

// WordFinder(words).first_in(text).
std::size_t first_match(std::string_view text, const std::vector<std::string>& words);

// Sets hit.snippet and hit.highlights from Xapian's `marked` snippet (HTML-escaped, each
// match between \x01 and \x02), or from the opening of `body` when it is empty.
void set_snippet(const std::string& marked, const std::string& body, std::size_t bytes, SearchHit& hit);

// The text a snippet is cut from: without the headline, which is shown above it.
std::string without_headline(std::string text, const std::string& title);

}  // namespace tracuu::index
