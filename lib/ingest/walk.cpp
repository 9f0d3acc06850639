// Folder walking. Sorting makes runs reproducible whatever order the filesystem returns.
#include "ingest/walk.h"

#include <algorithm>
#include <system_error>

#include "tracuu/text.h"

namespace tracuu::ingest {
namespace {

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string shown(const std::filesystem::path& p) { return text::display_path(p.native()); }

}  // namespace

bool is_under(const std::filesystem::path& path, const std::filesystem::path& root) {
  const std::string& p = path.native();
  const std::string& r = root.native();
  if (p.size() < r.size() || p.compare(0, r.size(), r) != 0) return false;
  return p.size() == r.size() || p[r.size()] == '/' || (!r.empty() && r.back() == '/');
}

bool is_html_file(const std::filesystem::path& path) {
  const std::string ext = lower_ascii(path.extension().string());
  return ext == ".html" || ext == ".htm";
}

bool is_article_file(const std::filesystem::path& path) {
  const std::string ext = lower_ascii(path.extension().string());
  return is_html_file(path) || ext == ".txt" || ext == ".jsonl" || ext == ".ndjson";
}

WalkResult walk(const std::vector<std::filesystem::path>& roots) {
  namespace fs = std::filesystem;
  WalkResult out;
  for (const auto& root : roots) {
    std::error_code ec;
    const fs::path abs = fs::absolute(root, ec).lexically_normal();
    const fs::file_status status = fs::status(abs, ec);
    if (ec || !fs::exists(status)) {
      out.skips.push_back({shown(root), fs::is_symlink(fs::symlink_status(abs, ec)) ? "dangling symbolic link"
                                                                                      : "no such file or directory"});
      continue;
    }
    ++out.roots_found;
    if (!fs::is_directory(status)) {
      out.files.push_back(abs.native());
      continue;
    }
    const std::size_t before = out.files.size();
    fs::recursive_directory_iterator it(abs, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out.skips.push_back({shown(abs), "cannot read directory: " + ec.message()});
      continue;
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        out.skips.push_back({shown(it->path()), "cannot read directory: " + ec.message()});
        ec.clear();
        continue;
      }
      const fs::path& p = it->path();
      if (!is_article_file(p)) continue;
      std::error_code sec;
      if (it->is_regular_file(sec)) {
        out.files.push_back(p.native());  // under a normalised root, so already normal
      } else if (it->is_symlink(sec) && !fs::exists(p, sec)) {
        out.skips.push_back({shown(p), "dangling symbolic link"});
      }
    }
    if (out.files.size() > before) out.prunable_roots.push_back(abs);
  }
  // Byte order of the whole path: as reproducible as path order, and much cheaper than
  // std::filesystem's component-wise comparison over hundreds of thousands of files.
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  return out;
}

}  // namespace tracuu::ingest
