// tracuu_eval: scores the extractor against the gold set. For every NN-slug.gold.json
// in the gold directory it reads the article beside it (NN-slug.txt/.html) with
// tracuu::read_article, compares (tests/eval/score.h) and prints P/R/F1 per kind.
// Gold schema: {title, published, author, source_url, refs[{id,kind}],
// partial_refs[{kind,number}], dates[], partial_dates[], periods[[from,to]],
// officials[{name,titles[]}]}. Exit: 0 ok, 1 a floor missed, 2 cannot run.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "score.h"
#include "tracuu/error.h"
#include "tracuu/extract.h"
#include "tracuu/ingest.h"
#include "tracuu/output.h"
#include "tracuu/resources.h"

namespace fs = std::filesystem;
using tracuu::eval::ArticleScore;
using tracuu::eval::Totals;

namespace {

struct Options {
  fs::path gold_dir = TRACUU_GOLD_DIR;
  bool verbose = false;
  bool json = false;
  bool dump = false;  // print each extracted article (DESIGN JSON) to stderr, for debugging
  std::string only;  // score only articles whose file name contains this
  std::map<std::string, double> floors;
};

constexpr const char* kUsage =
    "usage: tracuu_eval [--gold DIR] [--verbose] [--format text|json] [--only SUBSTR]\n"
    "                   [--floor kind=value,...] [--dump]\n"
    "  --dump prints each extracted article as JSON to stderr\n"
    "kinds: refs partial_refs dates partial_dates periods officials official_titles\n"
    "       (F1) and title published author source_url (accuracy)\n";

std::optional<Options> parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string(argv[++i]);
    };
    if (arg == "--verbose" || arg == "-v") {
      o.verbose = true;
    } else if (arg == "--dump") {
      o.dump = true;
    } else if (arg == "--gold" || arg == "--only" || arg == "--format" || arg == "--floor") {
      const auto v = value();
      if (!v) {
        std::cerr << "tracuu_eval: " << arg << " needs a value\n" << kUsage;
        return std::nullopt;
      }
      if (arg == "--gold") o.gold_dir = *v;
      if (arg == "--only") o.only = *v;
      if (arg == "--format") {
        if (*v != "text" && *v != "json") {
          std::cerr << "tracuu_eval: --format is text or json, not '" << *v << "'\n";
          return std::nullopt;
        }
        o.json = *v == "json";
      }
      if (arg == "--floor") {
        std::string bad;
        const auto floors = tracuu::eval::parse_floors(*v, &bad);
        if (!floors) {
          std::cerr << "tracuu_eval: bad floor '" << bad << "' (want kind=0..1)\n" << kUsage;
          return std::nullopt;
        }
        for (const auto& [k, f] : *floors) o.floors[k] = f;
      }
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      std::exit(0);
    } else {
      std::cerr << "tracuu_eval: unknown argument '" << arg << "'\n" << kUsage;
      return std::nullopt;
    }
  }
  return o;
}

struct Pair {
  fs::path gold;
  fs::path article;
  std::string name;  // NN-slug
};

// Every gold file with its article, sorted by name; gold files without an article are
// reported and left out (a writer may still be creating it).
std::vector<Pair> find_pairs(const Options& o) {
  std::vector<Pair> pairs;
  const std::string suffix = ".gold.json";
  for (const auto& entry : fs::directory_iterator(o.gold_dir)) {
    const std::string file = entry.path().filename().string();
    if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    const std::string stem = file.substr(0, file.size() - suffix.size());
    if (!o.only.empty() && stem.find(o.only) == std::string::npos) continue;
    std::optional<fs::path> article;
    for (const char* ext : {".txt", ".html", ".htm"})
      if (fs::exists(o.gold_dir / (stem + ext))) {
        article = o.gold_dir / (stem + ext);
        break;
      }
    if (!article) {
      std::cerr << "tracuu_eval: no article beside " << file << "; skipped\n";
      continue;
    }
    pairs.push_back({entry.path(), *article, stem});
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.name < b.name; });
  return pairs;
}

std::string show(const std::optional<std::string>& v) { return v ? "\"" + *v + "\"" : "null"; }

void print_article_diffs(const std::string& name, const ArticleScore& s) {
  bool header = false;
  auto head = [&] {
    if (!header) std::cout << "== " << name << "\n";
    header = true;
  };
  for (const std::string& kind : tracuu::eval::set_kinds()) {
    const auto& d = s.sets.at(kind);
    for (const auto& k : d.false_negatives) {
      head();
      std::cout << fmt::format("  FN {:<16} {}\n", kind, k);
    }
    for (const auto& k : d.false_positives) {
      head();
      std::cout << fmt::format("  FP {:<16} {}\n", kind, k);
    }
  }
  for (const std::string& field : tracuu::eval::field_kinds()) {
    const auto& f = s.fields.at(field);
    if (f.correct) continue;
    head();
    std::cout << fmt::format("  XX {:<16} gold {} | got {}\n", field, show(f.gold), show(f.found));
  }
}

void print_table(const Totals& t) {
  std::cout << fmt::format("{:<16} {:>5} {:>5} {:>5} {:>9} {:>9} {:>9}\n", "kind", "TP", "FP", "FN",
                           "precision", "recall", "F1");
  for (const std::string& kind : tracuu::eval::set_kinds()) {
    const auto& c = t.sets.at(kind);
    std::cout << fmt::format("{:<16} {:>5} {:>5} {:>5} {:>9.3f} {:>9.3f} {:>9.3f}\n", kind, c.tp, c.fp,
                             c.fn, c.precision(), c.recall(), c.f1());
  }
  std::cout << fmt::format("{:<16} {:>17} {:>9}\n", "field", "correct/total", "accuracy");
  for (const std::string& field : tracuu::eval::field_kinds()) {
    const auto& [correct, total] = t.fields.at(field);
    std::cout << fmt::format("{:<16} {:>17} {:>9.3f}\n", field, fmt::format("{}/{}", correct, total),
                             *t.figure(field));
  }
  std::cout << fmt::format("articles: {}\n", t.articles);
}

nlohmann::json diff_json(const ArticleScore& s) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [kind, d] : s.sets)
    if (!d.false_positives.empty() || !d.false_negatives.empty())
      out[kind] = {{"fp", d.false_positives}, {"fn", d.false_negatives}};
  for (const auto& [field, f] : s.fields)
    if (!f.correct) out[field] = {{"gold", f.gold ? nlohmann::json(*f.gold) : nlohmann::json()},
                                  {"found", f.found ? nlohmann::json(*f.found) : nlohmann::json()}};
  return out;
}

nlohmann::json totals_json(const Totals& t) {
  nlohmann::json out;
  out["articles"] = t.articles;
  for (const auto& [kind, c] : t.sets)
    out["kinds"][kind] = {{"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn}, {"precision", c.precision()},
                          {"recall", c.recall()}, {"f1", c.f1()}};
  for (const auto& [field, ct] : t.fields)
    out["fields"][field] = {{"correct", ct.first}, {"total", ct.second}, {"accuracy", *t.figure(field)}};
  return out;
}

int run(const Options& o) {
  if (!fs::is_directory(o.gold_dir)) {
    std::cerr << "tracuu_eval: no gold directory " << o.gold_dir.string() << " (use --gold DIR)\n";
    return 2;
  }
  const auto pairs = find_pairs(o);
  if (pairs.empty()) {
    std::cerr << "tracuu_eval: no NN-slug.gold.json with its article in " << o.gold_dir.string() << "\n";
    return 2;
  }
  const tracuu::Resources resources = tracuu::Resources::load(tracuu::Resources::find_data_dir());
  const tracuu::Extractor extractor(resources);
  const tracuu::IngestOptions defaults;

  Totals totals;
  nlohmann::json per_article = nlohmann::json::object();
  for (const Pair& p : pairs) {
    nlohmann::json gold;
    try {
      std::ifstream in(p.gold);
      gold = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
      std::cerr << "tracuu_eval: " << p.gold.filename().string() << ": not valid JSON (" << e.what()
                << "); skipped\n";
      continue;
    }
    tracuu::eval::Keys gold_keys;
    try {
      gold_keys = tracuu::eval::gold_keys(gold);
    } catch (const nlohmann::json::exception& e) {
      std::cerr << "tracuu_eval: " << p.gold.filename().string() << ": does not follow the schema ("
                << e.what() << "); skipped\n";
      continue;
    }
    const tracuu::ReadResult read = tracuu::read_article(p.article, extractor, defaults.max_size);
    if (!read.article) {
      std::cerr << "tracuu_eval: " << p.article.filename().string() << ": " << read.skip_reason
                << "; scored as finding nothing\n";
    }
    if (o.dump && read.article)
      std::cerr << tracuu::output::dump(tracuu::output::article_json(*read.article, true), 1) << "\n";
    const tracuu::eval::Keys found =
        read.article ? tracuu::eval::article_keys(*read.article) : tracuu::eval::Keys{};
    const ArticleScore score = tracuu::eval::score_article(gold_keys, found);
    totals.add(score);
    if (o.verbose && !o.json) print_article_diffs(p.name, score);
    if (o.verbose && o.json) per_article[p.name] = diff_json(score);
  }
  if (totals.articles == 0) {
    std::cerr << "tracuu_eval: no gold file could be read\n";
    return 2;
  }

  const auto misses = tracuu::eval::check_floors(totals, o.floors);
  if (o.json) {
    nlohmann::json out = totals_json(totals);
    out["floor_misses"] = nlohmann::json::array();
    for (const auto& m : misses)
      out["floor_misses"].push_back({{"kind", m.kind}, {"value", m.value}, {"floor", m.floor}});
    if (o.verbose) out["per_article"] = per_article;
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    if (o.verbose) std::cout << "\n";
    print_table(totals);
  }
  for (const auto& m : misses)
    std::cerr << fmt::format("tracuu_eval: {} is {:.3f}, below its floor {}\n", m.kind, m.value, m.floor);
  return misses.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = parse_args(argc, argv);
  if (!options) return 2;
  try {
    return run(*options);
  } catch (const tracuu::Error& e) {
    std::cerr << "tracuu_eval: " << e.what() << (e.hint().empty() ? "" : " (" + e.hint() + ")") << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "tracuu_eval: " << e.what() << "\n";
    return 2;
  }
}
