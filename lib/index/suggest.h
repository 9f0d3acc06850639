// "Did you mean": spelling suggestions from the index's own vocabulary. Edit distance is
// measured between folded words (so a tone mark is never an edit), and the suggestion is
// written with the accents most articles use for that word.
#pragma once

#include <optional>
#include <cstddef>
#include <string>
#include <string_view>

#include <xapian.h>

namespace tracuu::index {

// Edit distance between two byte strings, a swap of neighbours counting as one edit;
// any value above `limit` is reported as limit + 1 (and computed no further).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// A corrected version of `normalized_query`, or nothing when every word is known (or no
// close word exists). Only plain words are corrected; fields, phrases and operators are
// kept as written.
std::optional<std::string> suggest(const Xapian::Database& db, const std::string& normalized_query);

}  // namespace tracuu::index
