// Keys for the boolean entity terms, shared by the writer (what it stores) and the query
// parser (what a `ref:`, `official:` or `kind:` field looks up), so both sides agree.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace tracuu::index {

// "09-CT/TW", "9-ct/tw", "09 – CT/TW" -> "9-ct/tw": folded, no spaces, dashes unified,
// leading zeros of the first number dropped.
std::string ref_key(std::string_view code);

// "Tô Lâm", "TÔ LÂM", "to lam" -> "to lam".
std::string official_key(std::string_view name);

// "chi-thi", "Chỉ thị", "chi thi" -> "chi-thi".
std::string kind_key(std::string_view kind);

// The unique-id term for an article path (raw bytes); hashed past Xapian's term limit.
std::string unique_term(std::string_view path_bytes);

// A Xapian::Stem that folds words (text::fold): the "Z" term space.
Xapian::Stem folding_stemmer();

}  // namespace tracuu::index
