// Folder walking. An unchanged re-run of a large corpus is mostly this walk: one open and
// two reads of each directory and one stat() of each article file. So the walk lists a
// directory once, stat()s each file by its name within the open directory (the kernel
// then looks up one name, not every component of the path), keeps no
// std::filesystem::path per entry, and may walk on several threads. Sorting makes runs
// reproducible whatever order the filesystem or the threads return.
#include "ingest/walk.h"

#include <dirent.h>  // getdents64(), struct dirent64 (glibc, Linux)
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>
#include <tuple>

#include "tracuu/text.h"

namespace tracuu::ingest {
namespace {

std::string shown(std::string_view raw) { return text::display_path(raw); }

FileStat stat_of(const struct ::stat& st) {
  return {static_cast<std::uintmax_t>(st.st_size),
          static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
}

// The lower-cased extension of a file name ("a.HTML" -> ".html"); none for a name whose
// only dot leads it (".txt"), as std::filesystem reads names.
std::string extension_of(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string ext(name.substr(dot));
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

bool is_html_extension(const std::string& ext) { return ext == ".html" || ext == ".htm"; }

// What the threads share: directories still to list (absolute raw paths), and how many
// threads are listing one (none listing and none left: the walk is over).
class DirectoryQueue {
 public:
  void push(std::vector<std::string>&& dirs) {
    if (dirs.empty()) return;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      for (auto& d : dirs) pending_.push_back(std::move(d));
    }
    more_.notify_all();
  }
  // The next directory to list, or none when the walk is over.
  std::optional<std::string> take() {
    std::unique_lock<std::mutex> lock(mutex_);
    more_.wait(lock, [&] { return !pending_.empty() || busy_ == 0; });
    if (pending_.empty()) return std::nullopt;
    std::string dir = std::move(pending_.back());  // last in, first out: depth first
    pending_.pop_back();
    ++busy_;
    return dir;
  }
  void done() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      --busy_;
    }
    more_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable more_;
  std::vector<std::string> pending_;
  unsigned busy_ = 0;
};

// What one thread, or the walk of one root, found.
struct Found {
  std::vector<WalkedFile> files;
  std::vector<SkipReason> skips;
  std::vector<std::string> unlisted;  // folders that could not be listed

  void take(Found&& other) {
    const auto append = [](auto& to, auto& from) {
      to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
    };
    append(files, other.files);
    append(skips, other.skips);
    append(unlisted, other.unlisted);
  }
};

// Lists the directory `dir` (raw absolute path): its article files into `found` (each
// stat()ed, links followed), its subdirectories (not links to them) into `subdirs`. Read
// with getdents64() on a plain descriptor: opendir() would add an fstat() (fdopendir()
// an fcntl() too) per directory, a tenth of an unchanged re-run's system calls.
void list_directory(const std::string& dir, Found& found, std::vector<std::string>& subdirs) {
  const auto cannot_read = [&](int error) {
    found.skips.push_back({shown(dir), "cannot read directory: " + std::generic_category().message(error)});
    found.unlisted.push_back(dir);
  };
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return cannot_read(errno);
  const auto path_of = [&](std::string_view name) {
    std::string path;
    path.reserve(dir.size() + 1 + name.size());
    path.append(dir);
    if (path.back() != '/') path.push_back('/');
    path.append(name);
    return path;
  };
  alignas(struct ::dirent64) char buffer[32768];
  for (;;) {
    const ::ssize_t got = ::getdents64(fd, buffer, sizeof buffer);
    if (got < 0) cannot_read(errno);
    if (got <= 0) break;
    for (::ssize_t at = 0; at < got;) {
      const auto* entry = reinterpret_cast<const struct ::dirent64*>(buffer + at);
      at += entry->d_reclen;
      const std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      unsigned char type = entry->d_type;
      struct ::stat st {};
      bool have_stat = false;
      if (type == DT_UNKNOWN) {  // some filesystems do not say: ask, without following links
        if (::fstatat(fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;  // gone meanwhile
        type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : S_ISLNK(st.st_mode) ? DT_LNK : DT_UNKNOWN;
        have_stat = type == DT_REG;
      }
      if (type == DT_DIR) {
        subdirs.push_back(path_of(name));
        continue;
      }
      if ((type != DT_REG && type != DT_LNK) || !is_article_name(name)) continue;
      if (!have_stat && ::fstatat(fd, entry->d_name, &st, 0) != 0) {  // follows a link to its file
        if (type == DT_LNK) {
          found.skips.push_back({shown(path_of(name)), "dangling symbolic link"});
        } else {
          found.files.push_back({path_of(name), std::nullopt});  // vanished since it was listed
        }
        continue;
      }
      if (S_ISREG(st.st_mode)) found.files.push_back({path_of(name), stat_of(st)});
    }
  }
  ::close(fd);
}

// Every article file under the directory `root`, listed by `threads` threads.
Found walk_directory(const std::string& root, unsigned threads) {
  DirectoryQueue queue;
  queue.push({root});
  std::vector<Found> found(std::max(1u, threads));
  const auto work = [&](Found& into) {
    std::vector<std::string> subdirs;
    while (const auto dir = queue.take()) {
      list_directory(*dir, into, subdirs);
      queue.push(std::move(subdirs));
      subdirs.clear();
      queue.done();
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t i = 1; i < found.size(); ++i) helpers.emplace_back(work, std::ref(found[i]));
  work(found[0]);
  for (auto& t : helpers) t.join();
  for (std::size_t i = 1; i < found.size(); ++i) found[0].take(std::move(found[i]));
  return std::move(found[0]);
}

}  // namespace

bool WalkResult::listed(std::string_view path) const {
  const auto it = std::lower_bound(files.begin(), files.end(), path,
                                   [](const WalkedFile& f, std::string_view p) { return f.path < p; });
  return it != files.end() && it->path == path;
}

bool is_under(std::string_view p, std::string_view r) {
  if (p.size() < r.size() || p.compare(0, r.size(), r) != 0) return false;
  return p.size() == r.size() || p[r.size()] == '/' || (!r.empty() && r.back() == '/');
}

bool is_html_file(const std::filesystem::path& path) { return is_html_extension(extension_of(path.filename().native())); }

bool is_article_name(std::string_view name) {
  const std::string ext = extension_of(name);
  return is_html_extension(ext) || ext == ".txt" || ext == ".jsonl" || ext == ".ndjson";
}

WalkResult walk(const std::vector<std::filesystem::path>& roots, unsigned threads) {
  namespace fs = std::filesystem;
  WalkResult out;
  Found all;
  for (const auto& root : roots) {
    std::error_code ec;
    const fs::path abs = fs::absolute(root, ec).lexically_normal();
    struct ::stat st {};
    if (::stat(abs.c_str(), &st) != 0) {
      struct ::stat link {};
      const bool dangling = ::lstat(abs.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
      all.skips.push_back({shown(root.native()), dangling ? "dangling symbolic link" : "no such file or directory"});
      continue;
    }
    ++out.roots_found;
    if (!S_ISDIR(st.st_mode)) {
      all.files.push_back({abs.native(), stat_of(st)});
      continue;
    }
    // Under a normalised root, so every path found is already normal.
    Found found = walk_directory(abs.native(), threads);
    if (!found.files.empty()) out.prunable_roots.push_back(abs);
    all.take(std::move(found));
  }
  out.files = std::move(all.files);
  out.skips = std::move(all.skips);
  out.unlisted = std::move(all.unlisted);
  // Byte order of the whole path: as reproducible as path order, and much cheaper than
  // std::filesystem's component-wise comparison over hundreds of thousands of files.
  const auto by_path = [](const WalkedFile& a, const WalkedFile& b) { return a.path < b.path; };
  std::sort(out.files.begin(), out.files.end(), by_path);
  out.files.erase(std::unique(out.files.begin(), out.files.end(),
                              [](const WalkedFile& a, const WalkedFile& b) { return a.path == b.path; }),
                  out.files.end());
  // Skips by path, each once (a folder given twice is walked twice).
  const auto skip_key = [](const SkipReason& s) { return std::tie(s.path, s.reason); };
  std::sort(out.skips.begin(), out.skips.end(),
            [&](const SkipReason& a, const SkipReason& b) { return skip_key(a) < skip_key(b); });
  out.skips.erase(std::unique(out.skips.begin(), out.skips.end(),
                              [&](const SkipReason& a, const SkipReason& b) { return skip_key(a) == skip_key(b); }),
                  out.skips.end());
  return out;
}

}  // namespace tracuu::ingest
