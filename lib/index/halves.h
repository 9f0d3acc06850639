// A search in two halves at once. Xapian scores every article an AND of common words
// matches, one after another on one core; a large local index is therefore matched as
// two halves of its docids, the lower on the calling thread and the upper on a second
// one with a database handle of its own, and the two results are merged. Weights use
// the statistics of the whole index in both halves, so the merged page is the one a
// single pass gives.
// Internal header of lib/index.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <utility>

namespace tracuu::index {

// `query` limited to one half of the docids of each database it runs on (part 0 the
// lower half, 1 the upper). The filter adds no weight.
Xapian::Query in_half(const Xapian::Query& query, int part);

class Halves {
 public:
  // `open` gives the second thread its own handle on the same index; it is called once,
  // on that thread, at the first run().
  explicit Halves(std::function<Xapian::Database()> open) : open_(std::move(open)) {}

  // Runs work(database, query in one half) for both halves at once and returns
  // {lower, upper}. Xapian objects are not shared between the threads: the upper half
  // gets its own copy of the query (through serialisation) and its own database handle.
  template <class Result>
  std::pair<Result, Result> run(const Xapian::Database& db, const Xapian::Query& query,
                                const std::function<Result(const Xapian::Database&, const Xapian::Query&)>& work) {
    std::future<Result> upper = std::async(std::launch::async, [this, serialised = query.serialise(), &work] {
      if (!second_) second_.emplace(open_());
      return work(*second_, in_half(Xapian::Query::unserialise(serialised), 1));
    });
    std::optional<Result> lower;
    try {
      lower.emplace(work(db, in_half(query, 0)));
    } catch (...) {
      upper.wait();  // the other half still uses `work`: let it finish first
      throw;
    }
    return {std::move(*lower), upper.get()};
  }

 private:
  std::function<Xapian::Database()> open_;
  std::optional<Xapian::Database> second_;
};

}  // namespace tracuu::index
