// JSON renderers for the contracts in DESIGN.md ("JSON contracts"). Invariants kept
// here: every key always present (unknown = null, lists = [] when empty); keys are
// snake_case; offsets are UTF-8 byte offsets into the normalised text, half-open;
// mentions are sorted by start. Adding keys is fine; renaming or retyping breaks scripts.
#include "tracuu/output.h"

namespace tracuu::output {
namespace {

using nlohmann::json;

json optional_json(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

std::optional<std::string> optional_string(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  return std::nullopt;
}

// "Đỗ Hùng – Sao Mai" is two people: a byline split at dashes, commas and "và".
json authors_json(const std::optional<std::string>& author) {
  json out = json::array();
  if (!author) return out;
  std::string rest = *author;
  for (const char* sep : {" – ", " — ", " - ", ", ", " và "}) {
    std::string joined;
    for (std::size_t at; (at = rest.find(sep)) != std::string::npos;) {
      joined += rest.substr(0, at) + "\n";
      rest.erase(0, at + std::string_view(sep).size());
    }
    rest = joined + rest;
  }
  for (std::size_t start = 0; start <= rest.size();) {
    std::size_t end = rest.find('\n', start);
    if (end == std::string::npos) end = rest.size();
    if (end > start) out.push_back(rest.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

json mentions_json(const std::vector<Mention>& mentions) {
  json out = json::array();
  for (const auto& m : mentions) out.push_back({{"text", m.text}, {"start", m.start}, {"end", m.end}});
  return out;
}

std::vector<Mention> mentions_from(const json& list) {
  std::vector<Mention> out;
  if (!list.is_array()) return out;
  for (const auto& m : list)
    out.push_back({m.value("text", ""), m.value("start", std::size_t{0}), m.value("end", std::size_t{0})});
  return out;
}

}  // namespace

json article_json(const Article& a, bool with_text) {
  json refs = json::array();
  for (const auto& r : a.refs) {
    refs.push_back({{"id", optional_json(r.id)},
                    {"id_inferred", r.id_inferred},
                    {"kind", r.kind},
                    {"kind_label", r.kind_label},
                    {"number", optional_json(r.number)},
                    {"issuer", optional_json(r.issuer)},
                    {"issued", optional_json(r.issued)},
                    {"subject", optional_json(r.subject)},
                    {"mentions", mentions_json(r.mentions)}});
  }
  json dates = json::array();
  for (const auto& d : a.dates) {
    dates.push_back({{"value", d.value},
                     {"precision", d.precision},
                     {"year_inferred", d.year_inferred},
                     {"mentions", mentions_json(d.mentions)}});
  }
  json periods = json::array();
  for (const auto& p : a.periods)
    periods.push_back({{"from", p.from}, {"to", p.to}, {"mentions", mentions_json(p.mentions)}});
  json officials = json::array();
  for (const auto& o : a.officials)
    officials.push_back({{"name", o.name}, {"titles", o.titles}, {"mentions", mentions_json(o.mentions)}});

  json out = {{"path", a.path}};
  if (a.path_bytes) out["path_bytes"] = *a.path_bytes;
  out["format"] = a.format;
  out["title"] = a.title;
  out["published"] = optional_json(a.published);
  out["author"] = optional_json(a.author);
  out["authors"] = authors_json(a.author);
  out["source_url"] = optional_json(a.source_url);
  out["site"] = a.site.empty() ? json(nullptr) : json(a.site);
  out["warnings"] = a.warnings;
  out["refs"] = std::move(refs);
  out["dates"] = std::move(dates);
  out["periods"] = std::move(periods);
  out["officials"] = std::move(officials);
  if (with_text) out["text"] = a.text;
  return out;
}

Article article_from_json(const json& j) {
  Article a;
  a.path = j.value("path", "");
  a.path_bytes = optional_string(j.value("path_bytes", json(nullptr)));
  a.format = j.value("format", "text");
  a.title = j.value("title", "");
  a.published = optional_string(j.value("published", json(nullptr)));
  a.author = optional_string(j.value("author", json(nullptr)));
  a.source_url = optional_string(j.value("source_url", json(nullptr)));
  if (auto site = optional_string(j.value("site", json(nullptr)))) a.site = *site;
  if (j.contains("warnings")) a.warnings = j["warnings"].get<std::vector<std::string>>();
  for (const auto& r : j.value("refs", json::array())) {
    Ref ref;
    ref.id = optional_string(r.value("id", json(nullptr)));
    ref.id_inferred = r.value("id_inferred", false);
    ref.kind = r.value("kind", "");
    ref.kind_label = r.value("kind_label", "");
    ref.number = optional_string(r.value("number", json(nullptr)));
    ref.issuer = optional_string(r.value("issuer", json(nullptr)));
    ref.issued = optional_string(r.value("issued", json(nullptr)));
    ref.subject = optional_string(r.value("subject", json(nullptr)));
    ref.mentions = mentions_from(r.value("mentions", json::array()));
    a.refs.push_back(std::move(ref));
  }
  for (const auto& d : j.value("dates", json::array())) {
    a.dates.push_back({d.value("value", ""), d.value("precision", "day"), d.value("year_inferred", false),
                       mentions_from(d.value("mentions", json::array()))});
  }
  for (const auto& p : j.value("periods", json::array()))
    a.periods.push_back({p.value("from", 0), p.value("to", 0), mentions_from(p.value("mentions", json::array()))});
  for (const auto& o : j.value("officials", json::array())) {
    a.officials.push_back({o.value("name", ""), o.value("titles", std::vector<std::string>{}),
                           mentions_from(o.value("mentions", json::array()))});
  }
  a.text = j.value("text", "");
  return a;
}

json hit_json(const SearchHit& hit) {
  const Article& a = hit.article;
  json refs = json::array();
  for (const auto& r : a.refs)
    if (r.id) refs.push_back(*r.id);
  json officials = json::array();
  for (const auto& o : a.officials) officials.push_back(o.name);
  json highlights = json::array();
  for (const auto& [start, end] : hit.highlights) highlights.push_back({start, end});
  json out = {{"rank", hit.rank},       {"docid", hit.docid},   {"score", hit.score},
              {"percent", hit.percent}, {"path", a.path}};
  if (a.path_bytes) out["path_bytes"] = *a.path_bytes;  // DESIGN.md: exact bytes of a non-UTF-8 name
  out["title"] = a.title;
  out["published"] = optional_json(a.published);
  out["site"] = a.site.empty() ? json(nullptr) : json(a.site);
  out["snippet"] = hit.snippet;
  out["highlights"] = std::move(highlights);
  out["refs"] = std::move(refs);
  out["officials"] = std::move(officials);
  out["duplicates"] = hit.duplicates;
  return out;
}

json search_json(const SearchResult& result) {
  json results = json::array();
  for (const auto& hit : result.hits) results.push_back(hit_json(hit));
  json out = {{"query", result.query},
          {"parsed", result.parsed},
          {"total_estimate", result.total_estimate},
          {"offset", result.offset},
          {"limit", result.limit},
          {"suggestion", optional_json(result.suggestion)},
          {"warnings", result.warnings},
          {"results", std::move(results)}};
  if (!result.facets.empty()) {
    json facets = json::object();
    for (const auto& [name, counts] : result.facets) {
      json list = json::array();
      for (const auto& c : counts) list.push_back({{"value", c.value}, {"count", c.count}});
      facets[name] = std::move(list);
    }
    out["facets"] = std::move(facets);
    out["facet_sample"] = result.facet_sample;
  }
  return out;
}

json ingest_json(const IngestStats& s) {
  json skips = json::array();
  for (const auto& skip : s.skips) skips.push_back({{"path", skip.path}, {"reason", skip.reason}});
  return {{"seen", s.seen},       {"added", s.added},     {"updated", s.updated},   {"unchanged", s.unchanged},
          {"removed", s.removed}, {"skipped", s.skipped}, {"warnings", s.warnings}, {"bytes", s.bytes},
          {"jobs", s.jobs},       {"shards", s.shards},   {"compacted", s.compacted},
          {"seconds", s.seconds}, {"skips", std::move(skips)}};
}

std::string dump(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace tracuu::output
