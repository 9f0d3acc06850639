// Halves: one search on two threads (halves.h).
#include "index/halves.h"

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <tuple>
#include <utility>

namespace tracuu::index {
namespace {

// Starts `body` on a new thread, on another core than the caller's. Left to itself, a new
// thread often started on its creator's core and ran only once the creator blocked: with
// a thread per half, 1 to 10 second halves in 100 started over 1 ms late. So the
// thread may use every core but the caller's until it runs, and then allows itself all
// the process's cores again.
std::thread start_elsewhere(std::function<void()> body) {
  cpu_set_t all;
  CPU_ZERO(&all);
  const bool known = sched_getaffinity(0, sizeof all, &all) == 0;
  std::thread thread([known, all, body = std::move(body)] {
    if (known) pthread_setaffinity_np(pthread_self(), sizeof all, &all);
    body();
  });
  if (known) {
    cpu_set_t others = all;
    if (const int here = sched_getcpu(); here >= 0 && here < CPU_SETSIZE) CPU_CLR(here, &others);
    if (CPU_COUNT(&others) > 0) pthread_setaffinity_np(thread.native_handle(), sizeof others, &others);
  }
  return thread;
}

// Every docid in one half of [1, last docid] of the database it is given: the matcher
// skips the other query parts to it, and skips it along their matches. Docids of
// deleted articles are in the range too, which is harmless under a filter: no other
// part of the query matches them. In a search over several shards Xapian gives each
// shard a clone, so each shard is halved by its own docids.
class DocidHalf : public Xapian::PostingSource {
 public:
  explicit DocidHalf(int part) : part_(part) {}

  void init(const Xapian::Database& db) override {
    std::tie(first_, last_) = half_range(db, part_);
    const Xapian::docid last = db.get_lastdocid();
    const Xapian::doccount span = last_ >= first_ ? last_ - first_ + 1 : 0;
    // The bound is the whole index, not the half: with the half's span as its bound,
    // Xapian rounded the estimate of a half it had counted in full (257 matches read 250).
    articles_ = db.get_doccount();
    est_ = last == 0 ? 0 : static_cast<Xapian::doccount>(static_cast<double>(span) * articles_ / last);
    at_ = 0;
  }
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return est_; }
  Xapian::doccount get_termfreq_max() const override { return articles_; }
  void next(double) override { at_ = at_ == 0 ? first_ : at_ + 1; }
  void skip_to(Xapian::docid did, double) override { at_ = std::max({at_, did, first_}); }
  bool check(Xapian::docid did, double min_weight) override {
    skip_to(did, min_weight);
    return true;
  }
  bool at_end() const override { return at_ > last_; }
  Xapian::docid get_docid() const override { return at_; }
  PostingSource* clone() const override { return new DocidHalf(part_); }
  std::string name() const override { return "tracuu::DocidHalf"; }
  std::string get_description() const override { return "DocidHalf(" + std::to_string(part_) + ")"; }

 private:
  int part_;
  Xapian::docid first_ = 1, last_ = 0, at_ = 0;
  Xapian::doccount est_ = 0, articles_ = 0;
};

}  // namespace

// The process's kept second thread. Between tasks it sleeps, and a sleeping thread wakes
// on the core it last ran on when that core is idle: the other one than the caller's.
// Made at the first search in halves, never destroyed (it may be asleep when the process
// ends).
struct Beside::Kept {
  std::mutex mutex;
  std::condition_variable wake, finished;
  std::function<void()> task;  // set while a task waits to run
  std::exception_ptr failed;
  bool done = false;
  bool taken = false;  // a Beside is using the thread

  // The kept thread, now taken, or nullptr if another Beside is using it.
  static Kept* take() {
    static std::mutex making;
    static Kept* current = nullptr;  // the thread of this process
    static std::once_flag fork_reset;
    // A child made by fork() has no copy of the thread: its first search makes its own
    // (the parent's Kept is left to the parent). `making` is held across the fork, so
    // the child's copy of it is not left locked.
    std::call_once(fork_reset, [] {
      pthread_atfork([] { making.lock(); }, [] { making.unlock(); },
                     [] {
                       current = nullptr;
                       making.unlock();
                     });
    });
    Kept* kept = nullptr;
    {
      std::lock_guard lock(making);
      if (!current) {
        current = new Kept;
        start_elsewhere([k = current] { k->serve(); }).detach();
      }
      kept = current;
    }
    std::lock_guard lock(kept->mutex);
    if (kept->taken) return nullptr;
    kept->taken = true;
    return kept;
  }

  [[noreturn]] void serve() {
    for (;;) {
      std::function<void()> next;
      {
        std::unique_lock lock(mutex);
        wake.wait(lock, [&] { return static_cast<bool>(task); });
        next = std::move(task);
        task = nullptr;
      }
      std::exception_ptr error;
      try {
        next();
      } catch (...) {
        error = std::current_exception();
      }
      next = nullptr;  // what the task holds goes before the caller hears it is done
      {
        std::lock_guard lock(mutex);
        failed = error;
        done = true;
      }
      finished.notify_one();
    }
  }
};

Beside::Beside(std::function<void()> task) {
  kept_ = Kept::take();
  if (kept_) {
    {
      std::lock_guard lock(kept_->mutex);
      kept_->task = std::move(task);
      kept_->done = false;
    }
    kept_->wake.notify_one();
    return;
  }
  own_ = start_elsewhere([this, task = std::move(task)] {
    try {
      task();
    } catch (...) {
      failed_ = std::current_exception();
    }
  });
}

void Beside::wait() {
  if (waited_) return;
  waited_ = true;
  if (kept_) {
    std::unique_lock lock(kept_->mutex);
    kept_->finished.wait(lock, [&] { return kept_->done; });
    failed_ = std::exchange(kept_->failed, nullptr);
    kept_->taken = false;
  } else {
    own_.join();
  }
  if (failed_) std::rethrow_exception(failed_);
}

Beside::~Beside() {
  try {
    wait();
  } catch (...) {  // the caller is unwinding from an error of its own part already
  }
}

std::pair<Xapian::docid, Xapian::docid> half_range(const Xapian::Database& db, int part) {
  const Xapian::docid last = db.get_lastdocid();
  const Xapian::docid middle = last / 2;
  if (part == 0) return {1, middle};
  return {middle + 1, last};
}

void Halves::each(const Xapian::Database& db, const std::function<void(const Xapian::Database&, int)>& work) {
  Beside beside([&] { work(second(), 1); });
  work(db, 0);
  beside.wait();
}

const Xapian::Database& Halves::second() {
  if (!second_) {
    Xapian::Database opened = open_();
    if (state_of(opened) != state_) throw Xapian::DatabaseModifiedError("the index changed while it was being searched");
    second_.emplace(std::move(opened));
  }
  return *second_;
}

Xapian::Query in_half(const Xapian::Query& query, int part) {
  if (query.empty()) return query;  // matches nothing, in either half
  return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query((new DocidHalf(part))->release()));
}

}  // namespace tracuu::index
