// Renderers for `stats`, `refs` and `officials`: JSON objects (one per listed item for
// jsonl) and aligned text with a small per-year bar chart.
#include <fmt/format.h>

#include <algorithm>

#include "tracuu/output.h"

namespace tracuu::output {
namespace {

using nlohmann::json;

json opt(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
std::string dash(const std::optional<std::string>& v) { return v ? *v : "-"; }

std::string human_bytes(std::uintmax_t bytes) {
  if (bytes >= (1u << 30)) return fmt::format("{:.1f} GB", bytes / 1073741824.0);
  if (bytes >= (1u << 20)) return fmt::format("{:.1f} MB", bytes / 1048576.0);
  return fmt::format("{:.1f} KB", bytes / 1024.0);
}

}  // namespace

json stats_json(const IndexStats& s) {
  json sites = json::array(), years = json::array();
  for (const auto& c : s.sites) sites.push_back({{"value", c.value}, {"count", c.count}});
  for (const auto& c : s.years) years.push_back({{"value", c.value}, {"count", c.count}});
  return {{"path", s.path},       {"documents", s.documents}, {"terms", s.terms},   {"bytes", s.bytes},
          {"first", opt(s.first)}, {"last", opt(s.last)},      {"undated", s.undated}, {"refs", s.refs},
          {"officials", s.officials}, {"sites", sites},       {"years", years}};
}

json cited_ref_json(const CitedRef& r) {
  return {{"id", r.id},           {"kind", r.kind},         {"kind_label", r.kind_label},
          {"issuer", opt(r.issuer)}, {"issued", opt(r.issued)}, {"subject", opt(r.subject)},
          {"articles", r.articles}, {"mentions", r.mentions}, {"first_cited", opt(r.first_cited)},
          {"last_cited", opt(r.last_cited)}};
}

json official_json(const NamedOfficial& o) {
  json titles = json::array();
  for (const auto& t : o.titles) {
    titles.push_back({{"title", t.title},
                      {"articles", t.articles},
                      {"first_seen", opt(t.first_seen)},
                      {"last_seen", opt(t.last_seen)}});
  }
  return {{"name", o.name},
          {"titles", titles},
          {"articles", o.articles},
          {"first_seen", opt(o.first_seen)},
          {"last_seen", opt(o.last_seen)}};
}

std::string stats_text(const IndexStats& s) {
  std::string out = fmt::format(
      "index:      {}\ndocuments:  {}\nterms:      {}\nsize:       {}\npublished:  {} .. {}{}\n"
      "cited:      {} documents, {} officials\n",
      s.path, s.documents, s.terms, human_bytes(s.bytes), dash(s.first), dash(s.last),
      s.undated ? fmt::format(" ({} undated)", s.undated) : "", s.refs, s.officials);
  if (!s.sites.empty()) {
    out += "top sources:\n";
    for (std::size_t i = 0; i < s.sites.size() && i < 10; ++i)
      out += fmt::format("  {:>6}  {}\n", s.sites[i].count, s.sites[i].value);
  }
  if (!s.years.empty()) {
    std::size_t most = 0;
    for (const auto& y : s.years) most = std::max(most, y.count);
    out += "articles per year:\n";
    for (const auto& y : s.years) {
      const std::size_t width = most ? (y.count * 40 + most - 1) / most : 0;
      std::string bar;
      for (std::size_t i = 0; i < width; ++i) bar += "█";
      out += fmt::format("  {}  {:<40} {}\n", y.value, bar, y.count);
    }
  }
  return out;
}

std::string refs_text(const std::vector<CitedRef>& refs) {
  std::string out;
  for (const auto& r : refs) {
    out += fmt::format("{:<24} {:<16} {:>4} {:<8}  {} .. {}\n", r.id, r.kind_label.empty() ? r.kind : r.kind_label,
                       r.articles, r.articles == 1 ? "article" : "articles", dash(r.first_cited), dash(r.last_cited));
    if (r.subject) out += fmt::format("    về “{}”\n", *r.subject);
  }
  if (refs.empty()) out = "No document references in the index.\n";
  return out;
}

std::string officials_text(const std::vector<NamedOfficial>& officials) {
  std::string out;
  for (const auto& o : officials) {
    out += fmt::format("{}  ({} {}, {} .. {})\n", o.name, o.articles, o.articles == 1 ? "article" : "articles",
                       dash(o.first_seen), dash(o.last_seen));
    for (const auto& t : o.titles)
      out += fmt::format("    {}  [{} .. {}]\n", t.title, dash(t.first_seen), dash(t.last_seen));
  }
  if (officials.empty()) out = "No officials in the index.\n";
  return out;
}

}  // namespace tracuu::output
