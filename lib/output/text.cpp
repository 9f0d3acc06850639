// Text renderers for people: search hits with highlighted snippets, extracted entities,
// ingest summaries. Colour is the caller's decision (terminal and no NO_COLOR).
#include <fmt/format.h>

#include "tracuu/output.h"

namespace tracuu::output {
namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

std::string or_dash(const std::optional<std::string>& value) { return value ? *value : "-"; }

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

std::string highlighted(const SearchHit& hit, bool color) {
  if (!color) return hit.snippet;
  std::string out;
  std::size_t at = 0;
  for (const auto& [start, end] : hit.highlights) {
    out.append(hit.snippet, at, start - at);
    out += kBold;
    out.append(hit.snippet, start, end - start);
    out += kReset;
    at = end;
  }
  out.append(hit.snippet, at, std::string::npos);
  return out;
}

}  // namespace

std::string article_text(const Article& a) {
  std::string out = fmt::format("{}\n  title:      {}\n  published:  {}\n  author:     {}\n  source_url: {}\n",
                                a.path, a.title.empty() ? "-" : a.title, or_dash(a.published),
                                or_dash(a.author), or_dash(a.source_url));
  for (const auto& w : a.warnings) out += fmt::format("  warning:    {}\n", w);
  for (const auto& r : a.refs) {
    out += fmt::format("  ref:        {} ({}{}{}{}) ×{}\n", r.id ? *r.id : fmt::format("{} số {}", r.kind_label, or_dash(r.number)),
                       r.kind_label.empty() ? r.kind : r.kind_label,
                       r.issued ? ", ngày " + *r.issued : "", r.id_inferred ? ", id inferred" : "",
                       r.subject ? ", về “" + *r.subject + "”" : "", r.mentions.size());
  }
  for (const auto& d : a.dates)
    out += fmt::format("  date:       {}{} ×{}\n", d.value, d.year_inferred ? " (year inferred)" : "", d.mentions.size());
  for (const auto& p : a.periods) out += fmt::format("  period:     {}–{} ×{}\n", p.from, p.to, p.mentions.size());
  for (const auto& o : a.officials)
    out += fmt::format("  official:   {}{}{} ×{}\n", o.name, o.titles.empty() ? "" : ": ", join(o.titles, "; "),
                       o.mentions.size());
  return out;
}

std::string search_text(const SearchResult& result, bool color, const std::string& base) {
  auto shown = [&](const std::string& path) {
    if (!base.empty() && path.size() > base.size() + 1 && path.compare(0, base.size(), base) == 0 &&
        path[base.size()] == '/')
      return path.substr(base.size() + 1);
    return path;
  };
  // "11 matching articles" when every match was counted, "about 11" when estimated;
  // `about` is the word as it stands (capitalised at the start of a sentence).
  const auto total = [&](const char* about) {
    return fmt::format("{}{} matching article{}", result.total_exact ? "" : about, result.total_estimate,
                       result.total_estimate == 1 ? "" : "s");
  };
  std::string out;
  if (result.hits.empty() && result.total_estimate > 0) {
    // None shown: --limit 0 (counts and facets only), or --offset past the last.
    out = result.limit == 0 ? total("About ") + ".\n"
                            : fmt::format("{}; none from result {} on.\n", total("About "), result.offset + 1);
  } else if (result.hits.empty()) {
    out = fmt::format("No articles match {}.\n", result.query);
    if (result.suggestion) out += fmt::format("Did you mean: {}\n", *result.suggestion);
  }
  for (const auto& hit : result.hits) {
    const Article& a = hit.article;
    out += fmt::format("{}{}. {}{}\n", color ? kBold : "", hit.rank, a.title.empty() ? a.path : a.title,
                       color ? kReset : "");
    out += fmt::format("   {} · {}{}\n", or_dash(a.published), a.site.empty() ? "" : a.site + " · ", shown(a.path));
    if (!hit.snippet.empty()) out += fmt::format("   {}\n", highlighted(hit, color));
    std::vector<std::string> refs, officials;
    for (const auto& r : a.refs)
      if (r.id) refs.push_back(*r.id);
    for (const auto& o : a.officials) officials.push_back(o.name);
    if (!refs.empty()) out += fmt::format("   refs: {}\n", join(refs, ", "));
    if (!officials.empty()) out += fmt::format("   officials: {}\n", join(officials, ", "));
    if (hit.duplicates > 0) out += fmt::format("   (+{} near-identical copies)\n", hit.duplicates);
    out += "\n";
  }
  if (!result.hits.empty()) {
    out += fmt::format("Results {}–{} of {}.\n", result.offset + 1, result.offset + result.hits.size(),
                       total("about "));
    if (result.suggestion) out += fmt::format("Did you mean: {}\n", *result.suggestion);
  }
  if (!result.facets.empty() && result.facet_sample < 1)
    out += fmt::format("\nFacet counts are estimates from a sample of {:.1f}% of the matches "
                       "(--exact-facets counts them all).\n",
                       result.facet_sample * 100);
  for (const auto& [name, counts] : result.facets) {
    out += fmt::format("\n{}:\n", name);
    std::size_t shown = 0;
    for (const auto& c : counts) {
      if (++shown > 10) break;
      out += fmt::format("  {:>5}  {}\n", c.count, c.value);
    }
  }
  return out;
}

namespace {

// "0 bytes", "50 KB", "497.0 MB": a small folder does not read as "0.0 MB".
std::string byte_size(std::uint64_t bytes) {
  if (bytes < 1024) return fmt::format("{} byte{}", bytes, bytes == 1 ? "" : "s");
  if (bytes < 1048576) return fmt::format("{} KB", (bytes + 512) / 1024);
  return fmt::format("{:.1f} MB", bytes / 1048576.0);
}

}  // namespace

std::string ingest_text(const IngestStats& s) {
  return fmt::format(
      "{} added, {} updated, {} unchanged, {} removed, {} skipped, {} warnings in {:.2f} s ({} files seen, {} "
      "read, {} reader{}{}{})\n",
      s.added, s.updated, s.unchanged, s.removed, s.skipped, s.warnings, s.seconds, s.seen, byte_size(s.bytes), s.jobs,
      s.jobs == 1 ? "" : "s", s.shards > 1 ? fmt::format(", {} shards", s.shards) : "", s.compacted ? ", compacted" : "");
}

}  // namespace tracuu::output
