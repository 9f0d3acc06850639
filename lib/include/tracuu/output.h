// Renderers shared by every subcommand: the JSON contracts of DESIGN.md and the text
// forms for people. The only code that knows output formats.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "tracuu/article.h"
#include "tracuu/ingest.h"
#include "tracuu/listings.h"
#include "tracuu/search.h"

namespace tracuu::output {

// DESIGN.md `extract --format jsonl` object (also the stored record, with `with_text`
// adding the normalised text).
nlohmann::json article_json(const Article& article, bool with_text = false);

// The inverse of article_json, for records read back from the index.
Article article_from_json(const nlohmann::json& record);

nlohmann::json search_json(const SearchResult& result);
nlohmann::json hit_json(const SearchHit& hit);
nlohmann::json ingest_json(const IngestStats& stats);

// One line per field and entity, for people.
std::string article_text(const Article& article);
// Ranked hits with snippets; `color` bolds highlights with ANSI escapes; paths under
// `base` (the working directory) are shown relative to it.
std::string search_text(const SearchResult& result, bool color, const std::string& base = {});
std::string ingest_text(const IngestStats& stats);

// Listings (lib/output/listings.cpp).
nlohmann::json stats_json(const IndexStats& stats);
nlohmann::json cited_ref_json(const CitedRef& ref);
nlohmann::json official_json(const NamedOfficial& official);
std::string stats_text(const IndexStats& stats);
std::string refs_text(const std::vector<CitedRef>& refs);
std::string officials_text(const std::vector<NamedOfficial>& officials);

// Serialises compactly; invalid UTF-8 is replaced rather than thrown on.
std::string dump(const nlohmann::json& value, int indent = -1);

}  // namespace tracuu::output
