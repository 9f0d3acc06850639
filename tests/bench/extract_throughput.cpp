// tracuu_extract_bench: extraction speed on one core. Reads the .txt articles under a
// folder into memory, normalises them, then times Extractor::run() alone (boilerplate
// removal, metadata, references, dates, periods, officials) and, separately, the whole
// per-file path of ingest (read_article_bytes: decode, normalise, extract). Prints MB/s
// of text for each. Used by scripts/bench; speed is measured here, never asserted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tracuu/error.h"
#include "tracuu/extract.h"
#include "tracuu/ingest.h"
#include "tracuu/resources.h"
#include "tracuu/text.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> load(const fs::path& dir, std::size_t max_files) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  if (paths.size() > max_files) paths.resize(max_files);
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    out.push_back(bytes.str());
  }
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc < 2) throw tracuu::Error(tracuu::ErrorKind::Usage, "usage: tracuu_extract_bench DIR [MAX_FILES]");
    const std::size_t max_files = argc > 2 ? std::stoul(argv[2]) : 5000;
    const std::vector<std::string> files = load(argv[1], max_files);
    if (files.empty()) throw tracuu::Error(tracuu::ErrorKind::Usage, std::string("no .txt files under ") + argv[1]);
    const tracuu::Resources resources = tracuu::Resources::load(tracuu::Resources::find_data_dir());
    const tracuu::Extractor extractor(resources);

    std::vector<std::string> texts;
    std::size_t text_bytes = 0, file_bytes = 0, entities = 0;
    for (const auto& f : files) {
      texts.push_back(tracuu::text::normalize(tracuu::text::decode(f).text));
      text_bytes += texts.back().size();
      file_bytes += f.size();
    }
    auto start = std::chrono::steady_clock::now();
    for (const auto& t : texts) {
      tracuu::Article a;
      a.text = t;
      extractor.run(a);
      entities += a.refs.size() + a.dates.size() + a.periods.size() + a.officials.size();
    }
    const double extract_s = seconds_since(start);
    start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < files.size(); ++i)
      entities += tracuu::read_article_bytes(files[i], "bench", false, extractor).refs.size();
    const double whole_s = seconds_since(start);
    std::printf("what\tfiles\tMB\tseconds\tMB_per_s\n");
    std::printf("extract\t%zu\t%.2f\t%.3f\t%.1f\n", texts.size(), text_bytes / 1e6, extract_s, text_bytes / 1e6 / extract_s);
    std::printf("read+extract\t%zu\t%.2f\t%.3f\t%.1f\n", files.size(), file_bytes / 1e6, whole_s, file_bytes / 1e6 / whole_s);
    std::fprintf(stderr, "tracuu_extract_bench: %zu entities found\n", entities);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tracuu_extract_bench: %s\n", e.what());
    return 1;
  }
}
