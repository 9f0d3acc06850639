// A search in two halves at once. Xapian scores every article an AND of common words
// matches, one after another on one core; a large local index is therefore matched as
// two halves of its docids, the lower on the calling thread and the upper on a second
// one with a database handle of its own, and the two results are merged. Weights use
// the statistics of the whole index in both halves, so the merged page is the one a
// single pass gives.
// Internal header of lib/index.
#pragma once

#include <xapian.h>

#include <exception>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <utility>

namespace tracuu::index {

// The docids of one half of `db` (part 0 the lower half, 1 the upper): first, last.
std::pair<Xapian::docid, Xapian::docid> half_range(const Xapian::Database& db, int part);

// `query` limited to one half of the docids of each database it runs on (half_range).
// The filter adds no weight.
Xapian::Query in_half(const Xapian::Query& query, int part);

// Runs one task on another core while the caller works: on the process's kept second
// thread when it is idle, else (another search is using it) on a thread of its own.
// A kept thread starts a task in about 0.04 ms (a new one costs the spawn, and can
// start late: see halves.cpp).
class Beside {
 public:
  explicit Beside(std::function<void()> task);
  Beside(const Beside&) = delete;
  Beside& operator=(const Beside&) = delete;
  ~Beside();  // waits for the task if wait() was not called
  // Waits for the task; rethrows what it threw.
  void wait();

 private:
  struct Kept;
  Kept* kept_ = nullptr;  // the kept thread, when the task runs there
  std::thread own_;
  std::exception_ptr failed_;
  bool waited_ = false;
};

class Halves {
 public:
  // `open` gives the second thread its own handle on the same index; it is called once,
  // on that thread, at the first run(). `db` is the caller's handle: should the second
  // one see another state of the index (a writer committed in between, or a shard came
  // or went), run() throws Xapian::DatabaseModifiedError, and the caller reopens.
  Halves(const Xapian::Database& db, std::function<Xapian::Database()> open)
      : open_(std::move(open)), state_(state_of(db)) {}

  // Runs work(database, part) for parts 0 and 1 at once, part 0 on the calling thread
  // with `db`, part 1 on the second thread (Beside) with its own handle. Should part 0
  // throw, part 1 is waited for first (it still uses `work`).
  void each(const Xapian::Database& db, const std::function<void(const Xapian::Database&, int)>& work);

  // each() for a work with a result: returns {part 0's, part 1's}.
  template <class Result>
  std::pair<Result, Result> split(const Xapian::Database& db,
                                  const std::function<Result(const Xapian::Database&, int)>& work) {
    std::optional<Result> parts[2];
    each(db, [&](const Xapian::Database& on, int part) { parts[part].emplace(work(on, part)); });
    return {std::move(*parts[0]), std::move(*parts[1])};
  }

  // Runs work(database, query in one half) for both halves at once and returns
  // {lower, upper}. Xapian objects are not shared between the threads: the upper half
  // gets its own copy of the query (through serialisation) and its own database handle.
  template <class Result>
  std::pair<Result, Result> run(const Xapian::Database& db, const Xapian::Query& query,
                                const std::function<Result(const Xapian::Database&, const Xapian::Query&)>& work) {
    const std::string serialised = query.serialise();
    return split<Result>(db, [&](const Xapian::Database& on, int part) {
      return work(on, in_half(part == 0 ? query : Xapian::Query::unserialise(serialised), part));
    });
  }

 private:
  struct State {
    Xapian::doccount articles;
    Xapian::docid last;
    Xapian::totallength length;
    bool operator==(const State&) const = default;
  };
  static State state_of(const Xapian::Database& db) {
    return {db.get_doccount(), db.get_lastdocid(), db.get_total_length()};
  }
  const Xapian::Database& second();

  std::function<Xapian::Database()> open_;
  State state_;
  std::optional<Xapian::Database> second_;
};

}  // namespace tracuu::index
