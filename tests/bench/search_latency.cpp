// tracuu_search_bench: in-process search latency. Runs tracuu::search() over a query set
// (kind<TAB>query per line, as scripts/gen-corpus --queries writes it) until at least
// --min-queries calls have been made, and prints the median and p99 time per call by kind
// and overall. One call = what `tracuu search` does minus process start-up and printing:
// open the index, parse, match, read the top hits' records, build snippets (and facets
// for kind "facets"). --by-query lists each query's median and maximum instead, slowest
// first; --halve-matches overrides SearchOptions::halve_matches. Used by scripts/bench; speed is measured here, never asserted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tracuu/error.h"
#include "tracuu/resources.h"
#include "tracuu/search.h"

namespace {

struct Query {
  std::string kind;
  std::string text;
};

struct Args {
  std::string db;
  std::string queries;
  std::size_t min_queries = 1000;
  std::size_t warmup = 50;
  bool by_query = false;
  std::optional<std::size_t> halve_matches;
};

std::vector<Query> load_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw tracuu::Error(tracuu::ErrorKind::Io, "cannot read query file: " + path);
  std::vector<Query> out;
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
    out.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  if (out.empty()) throw tracuu::Error(tracuu::ErrorKind::Usage, "no queries in " + path);
  return out;
}

// Nearest-rank percentile of an unsorted sample (copied, so the caller's order stays).
double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size()) + 0.999999);
  return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

Args parse_args(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw tracuu::Error(tracuu::ErrorKind::Usage, std::string(a) + " needs a value");
      return argv[++i];
    };
    if (a == "--db") args.db = value();
    else if (a == "--queries") args.queries = value();
    else if (a == "--min-queries") args.min_queries = std::stoul(value());
    else if (a == "--warmup") args.warmup = std::stoul(value());
    else if (a == "--by-query") args.by_query = true;
    else if (a == "--halve-matches") args.halve_matches = std::stoul(value());
    else throw tracuu::Error(tracuu::ErrorKind::Usage, "unknown argument: " + std::string(a));
  }
  if (args.db.empty() || args.queries.empty())
    throw tracuu::Error(tracuu::ErrorKind::Usage,
                        "usage: tracuu_search_bench --db DIR --queries FILE [--min-queries N] [--warmup N] [--by-query] [--halve-matches N]");
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Args args = parse_args(argc, argv);
    const std::vector<Query> queries = load_queries(args.queries);
    const tracuu::Resources resources = tracuu::Resources::load_for_search(tracuu::Resources::find_data_dir());

    std::map<std::string, std::vector<double>> ms_by_kind;
    std::vector<std::vector<double>> ms_by_query(queries.size());
    std::vector<double> all_ms;
    std::size_t hits = 0;
    const std::size_t total = args.warmup + std::max(args.min_queries, queries.size());
    for (std::size_t i = 0; i < total; ++i) {
      const Query& q = queries[i % queries.size()];
      tracuu::SearchOptions options;
      options.limit = 10;
      options.facets = q.kind == "facets";
      options.abbreviations_elsewhere = [&] { return resources; };
      if (args.halve_matches) options.halve_matches = *args.halve_matches;
      const auto start = std::chrono::steady_clock::now();
      const tracuu::SearchResult result = tracuu::search(args.db, q.text, options);
      const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
      if (i < args.warmup) continue;  // the first calls warm the page cache and allocator
      hits += result.hits.size();
      ms_by_kind[q.kind].push_back(took.count());
      all_ms.push_back(took.count());
      ms_by_query[i % queries.size()].push_back(took.count());
    }

    if (args.by_query) {  // the slowest queries first: kind, median ms, max ms, query
      std::vector<std::size_t> order(queries.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      auto median_of = [&](std::size_t i) { return ms_by_query[i].empty() ? 0.0 : percentile(ms_by_query[i], 50); };
      std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return median_of(a) > median_of(b); });
      for (const std::size_t i : order)
        std::printf("%s\t%.3f\t%.3f\t%s\n", queries[i].kind.c_str(), median_of(i),
                    ms_by_query[i].empty() ? 0.0 : percentile(ms_by_query[i], 100), queries[i].text.c_str());
      return 0;
    }

    // Tab-separated so scripts/bench can read it: kind, calls, median ms, p99 ms.
    std::printf("kind\tcalls\tmedian_ms\tp99_ms\n");
    for (const auto& [kind, ms] : ms_by_kind)
      std::printf("%s\t%zu\t%.3f\t%.3f\n", kind.c_str(), ms.size(), percentile(ms, 50), percentile(ms, 99));
    std::printf("all\t%zu\t%.3f\t%.3f\n", all_ms.size(), percentile(all_ms, 50), percentile(all_ms, 99));
    std::fprintf(stderr, "tracuu_search_bench: %zu calls, %zu hits returned\n", all_ms.size(), hits);
    return 0;
  } catch (const tracuu::Error& e) {
    std::fprintf(stderr, "tracuu_search_bench: %s\n", e.what());
    return e.kind() == tracuu::ErrorKind::Usage ? 1 : 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tracuu_search_bench: %s\n", e.what());
    return 2;
  }
}
