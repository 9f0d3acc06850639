// The article record: what `tracuu extract` prints, what the index stores per
// document and what search results carry. Field names match DESIGN.md's JSON keys.
// Offsets are UTF-8 byte offsets into Article::text (the normalised text), half-open.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace tracuu {

struct Mention {
  std::string text;        // the span exactly as it appears in Article::text
  std::size_t start = 0;   // byte offset, inclusive
  std::size_t end = 0;     // byte offset, exclusive
};

// A reference to a Party or State document ("Chỉ thị số 09-CT/TW").
struct Ref {
  std::optional<std::string> id;        // canonical code "09-CT/TW"; null for "Chỉ thị số 46"
  bool id_inferred = false;             // id filled in from elsewhere in the article
  std::string kind;                     // slug: "chi-thi", "nghi-quyet", "chuong-trinh", ...
  std::string kind_label;               // "Chỉ thị"
  std::optional<std::string> number;    // "09"
  std::optional<std::string> issuer;    // "TW", "BCA-MTTW", "CP"
  std::optional<std::string> issued;    // "2011-12-01"
  std::optional<std::string> subject;   // quoted title after "về"
  std::vector<Mention> mentions;        // sorted by start
};

struct DateRef {
  std::string value;                    // "2012-04-12", "2024-09" or "2024"
  std::string precision;                // "day", "month", "year"
  bool year_inferred = false;           // the year came from the article, not the mention
  std::vector<Mention> mentions;
};

struct Period {
  int from = 0;
  int to = 0;
  std::vector<Mention> mentions;
};

struct Official {
  std::string name;                     // personal name only: "Tô Lâm"
  std::vector<std::string> titles;      // ranks and positions, in order first seen
  std::vector<Mention> mentions;
};

struct Article {
  std::string path;                          // valid UTF-8 (U+FFFD for bad bytes)
  std::optional<std::string> path_bytes;     // base64 of the raw path when not valid UTF-8
  std::string format;                        // "text" or "html"
  std::string title;
  std::optional<std::string> published;      // "2023-10-18"
  std::optional<std::string> author;
  std::optional<std::string> source_url;
  std::string site;                          // host of source_url, else empty
  std::string text;                          // normalised text; offsets point here
  std::vector<std::string> warnings;
  std::vector<Ref> refs;
  std::vector<DateRef> dates;
  std::vector<Period> periods;
  std::vector<Official> officials;
};

}  // namespace tracuu
