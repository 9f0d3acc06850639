// Facet counting. Xapian calls a match spy on every article a query matches; a broad
// query at 100,000 articles matches most of them, and enumerating them all costs tens of
// milliseconds whatever the spy does. So facets are counted in a pass of their own, apart
// from the ranked one: over every match when there are few, else over the articles of a
// few sample buckets (each article is in one of 256, by a hash of its unique id, so the
// sample does not depend on the order of ingest or on the index's layout), scaled up.
#include "index/facets.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "data/resources_tables.h"
#include "index/dated.h"
#include "index/document.h"
#include "index/schema.h"
#include "index/terms.h"

namespace tracuu::index {
namespace {

// Counts each entry of one article's packed facet value.
void count_entries(PackedCounts& counts, std::string_view packed) {
  for_each_packed_entry(packed, [&](std::string_view entry) { counts.add(entry); });
}

// Counting facets where every shard is local: one read of a packed slot (kSlotFacets, or
// kSlotFacetSample for a sample within its buckets) per match, each entry counted in one
// table. Clones (if Xapian makes any) count into the same table.
class PackedFacetSpy : public Xapian::MatchSpy {
 public:
  explicit PackedFacetSpy(Xapian::valueno slot) : slot_(slot), counts_(std::make_shared<PackedCounts>()) {}
  PackedFacetSpy(Xapian::valueno slot, std::shared_ptr<PackedCounts> counts) : slot_(slot), counts_(std::move(counts)) {}
  void operator()(const Xapian::Document& doc, double) override { count_entries(*counts_, doc.get_value(slot_)); }
  Xapian::MatchSpy* clone() const override { return new PackedFacetSpy(slot_, counts_); }
  std::string name() const override { return "tracuu::PackedFacetSpy"; }
  PackedCounts take() { return std::move(*counts_); }

 private:
  Xapian::valueno slot_;
  std::shared_ptr<PackedCounts> counts_;
};

std::size_t metadata_count(const Xapian::Database& db, const char* key) {
  const std::string stored = db.get_metadata(key);
  // Remote shards serve no metadata: then count every slot there may be.
  return stored.empty() ? kMaxFacetValues : std::min<std::size_t>(std::stoul(stored), kMaxFacetValues);
}

// Counting facets across remote shards, whose servers know only Xapian's own spies:
// multi-valued facets are spread over several slots (schema.h), each with a
// ValueCountMatchSpy, and the counts are summed per value.
struct SlotFacetSpies {
  std::vector<std::pair<char, std::vector<Xapian::ValueCountMatchSpy*>>> groups;  // by facet code

  SlotFacetSpies(Xapian::Enquire& enquire, const Xapian::Database& db) {
    auto add = [&](char code, Xapian::valueno first, std::size_t count) {
      std::vector<Xapian::ValueCountMatchSpy*> spies;
      for (std::size_t i = 0; i < count; ++i) {
        auto* spy = new Xapian::ValueCountMatchSpy(first + static_cast<Xapian::valueno>(i));
        enquire.add_matchspy(spy->release());
        spies.push_back(spy);
      }
      groups.emplace_back(code, std::move(spies));
    };
    add(kFacetRef, kSlotRefBase, metadata_count(db, kMetaMaxRefs));
    add(kFacetOfficial, kSlotOfficialBase, metadata_count(db, kMetaMaxOfficials));
    add(kFacetYear, kSlotYear, 1);
    add(kFacetSite, kSlotSite, 1);
  }

  void collect(PackedCounts& counts) const {
    for (const auto& [code, spies] : groups)
      for (const auto* spy : spies)
        for (auto v = spy->values_begin(); v != spy->values_end(); ++v) counts.add(code + *v, v.get_termfreq());
  }
};

// A counted value as sorted: with its first eight bytes as one number (big-endian,
// zero-padded), which orders most pairs of values without comparing strings; a broad
// query's sample holds some 2,000 officials, most of them tied on small counts.
struct Counted {
  std::size_t count;
  std::uint64_t head;
  std::string_view value;

  Counted(std::string_view v, std::size_t n) : count(n), head(0), value(v) {
    for (std::size_t i = 0; i < 8; ++i)
      head = head << 8 | (i < v.size() ? static_cast<unsigned char>(v[i]) : 0u);
  }
  friend bool value_less(const Counted& a, const Counted& b) {
    return a.head != b.head ? a.head < b.head : a.value < b.value;
  }
};

// The facet lists as printed: years newest first, the others most frequent first (ties
// in value order). Counts from a sample are multiplied by `scale` (rounded). Sorted as
// views into `counts`, then copied out once.
std::map<std::string, std::vector<FacetCount>> facet_lists(const PackedCounts& counts, double scale) {
  std::map<char, std::vector<Counted>> by_code;
  counts.for_each([&](std::string_view entry, std::size_t n) {
    by_code[entry[0]].emplace_back(entry.substr(1), static_cast<std::size_t>(std::llround(static_cast<double>(n) * scale)));
  });
  std::map<std::string, std::vector<FacetCount>> out;
  for (const FacetKind& kind : kFacetKinds) {
    auto& list = by_code[kind.code];
    const bool years = kind.code == kFacetYear;
    std::sort(list.begin(), list.end(), [&](const Counted& a, const Counted& b) {
      if (years) return value_less(b, a);
      return a.count != b.count ? a.count > b.count : value_less(a, b);
    });
    std::vector<FacetCount>& printed = out[std::string(kind.name)];
    printed.reserve(list.size());
    for (const Counted& c : list) printed.push_back({std::string(c.value), c.count});
  }
  return out;
}

// The terms of a query that matches exactly the articles holding all of them (one term,
// or an AND or FILTER of terms, weighted or not), or nothing for any other query.
std::optional<std::vector<std::string>> all_of_terms(const Xapian::Query& query) {
  const Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::LEAF_TERM) return std::vector<std::string>{*query.get_terms_begin()};
  if (op != Xapian::Query::OP_AND && op != Xapian::Query::OP_FILTER && op != Xapian::Query::OP_SCALE_WEIGHT)
    return std::nullopt;
  std::vector<std::string> terms;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    auto sub = all_of_terms(query.get_subquery(i));
    if (!sub) return std::nullopt;
    terms.insert(terms.end(), sub->begin(), sub->end());
  }
  if (terms.empty()) return std::nullopt;
  return terms;
}

// The articles numbered first..last of the first `buckets` sample buckets (of all the
// buckets: those of the rarest term) that hold every one of `terms`, in docid order: the
// postings walked side by side, where Xapian's matcher spends some 1,700 instructions
// on each match of a counting pass.
std::vector<Xapian::docid> matching_terms(const Xapian::Database& db, const std::vector<std::string>& terms,
                                          unsigned buckets, Xapian::docid first, Xapian::docid last) {
  std::vector<Xapian::docid> ids;
  const auto add_postings = [&](const std::string& term) {
    Xapian::PostingIterator p = db.postlist_begin(term);
    for (p.skip_to(first); p != db.postlist_end(term) && *p <= last; ++p) ids.push_back(*p);
  };
  if (buckets < kSampleBuckets) {
    for (unsigned b = 0; b < buckets; ++b) add_postings(sample_term(b));
    std::sort(ids.begin(), ids.end());
  } else {
    add_postings(*std::min_element(terms.begin(), terms.end(), [&](const std::string& a, const std::string& b) {
      return db.get_termfreq(a) < db.get_termfreq(b);
    }));
  }
  for (const std::string& term : terms) {
    Xapian::PostingIterator p = db.postlist_begin(term);
    const Xapian::PostingIterator end = db.postlist_end(term);
    std::size_t kept = 0;
    for (const Xapian::docid id : ids) {
      p.skip_to(id);
      if (p == end) break;
      if (*p == id) ids[kept++] = id;
    }
    ids.resize(kept);
  }
  return ids;
}

// Counts the packed facet entries of the articles `ids` (in docid order), read from
// the slot's value stream, which decodes each of its chunks once.
PackedCounts count_packed(const Xapian::Database& db, Xapian::valueno slot, const std::vector<Xapian::docid>& ids) {
  PackedCounts counts;
  Xapian::ValueIterator value = db.valuestream_begin(slot);
  const Xapian::ValueIterator end = db.valuestream_end(slot);
  for (const Xapian::docid id : ids) {
    value.skip_to(id);
    if (value == end) break;
    if (value.get_docid() == id) count_entries(counts, *value);
  }
  return counts;
}

void add_counts(PackedCounts& into, PackedCounts&& from) {
  if (into.size() < from.size()) std::swap(into, from);
  into.add(from);
}

// A pass over the matches of `query` that only tells which articles match.
Xapian::Enquire counting(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire;
}

}  // namespace

PackedCounts::Slot& PackedCounts::find(std::string_view entry, std::size_t hash) {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.length == 0 ||
        (slot.hash == hash && slot.length == entry.size() && arena_.compare(slot.offset, slot.length, entry) == 0))
      return slot;
  }
}

void PackedCounts::add(std::string_view entry, std::size_t n) {
  if (2 * (used_ + 1) > slots_.size()) grow();  // at most half full: short probes
  const std::size_t hash = std::hash<std::string_view>{}(entry);
  Slot& slot = find(entry, hash);
  if (slot.length == 0) {
    slot = {hash, static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(entry.size()), 0};
    arena_ += entry;
    ++used_;
  }
  slot.count += static_cast<std::uint32_t>(n);
}

void PackedCounts::add(const PackedCounts& other) {
  other.for_each([&](std::string_view entry, std::size_t n) { add(entry, n); });
}

void PackedCounts::grow() {
  std::vector<Slot> old(std::max<std::size_t>(1024, 2 * slots_.size()));
  old.swap(slots_);
  for (const Slot& slot : old)
    if (slot.length != 0) find(std::string_view(arena_).substr(slot.offset, slot.length), slot.hash) = slot;
}

FacetTally tally_facets(const Xapian::Database& db, bool remote, const Xapian::Query& query,
                        Xapian::doccount expected, bool exact, Halves* halves) {
  unsigned buckets = kSampleBuckets;
  const Xapian::Query counted = exact ? query : sampled(query, expected, kFacetSampleTarget, buckets);
  // A sample of the first buckets only has its values in the short sample slot.
  const Xapian::valueno slot = buckets <= kFacetSampleSlotBuckets ? kSlotFacetSample : kSlotFacets;
  FacetTally out;
  out.sample = static_cast<double>(buckets) / kSampleBuckets;
  const auto take = [&](std::pair<PackedCounts, PackedCounts>&& halved) {
    out.parts.push_back(std::move(halved.first));
    out.parts.push_back(std::move(halved.second));
  };
  if (const auto terms = remote ? std::nullopt : all_of_terms(query)) {
    // A query of terms alone (one word, a field): its matches among the counted articles
    // found without the matcher, in each half of the docids where there are halves.
    const auto tally = [&](const Xapian::Database& on, Xapian::docid first, Xapian::docid last) {
      return count_packed(on, slot, matching_terms(on, *terms, buckets, first, last));
    };
    if (halves) {
      take(halves->split<PackedCounts>(db, [&](const Xapian::Database& on, int part) {
        const auto [first, last] = half_range(on, part);
        return tally(on, first, last);
      }));
    } else {
      out.parts.push_back(tally(db, 1, db.get_lastdocid()));
    }
  } else if (remote) {
    Xapian::Enquire enquire = counting(db, counted);
    SlotFacetSpies spies(enquire, db);
    enquire.get_mset(0, 0, db.get_doccount());
    spies.collect(out.parts.emplace_back());
  } else {
    auto tally = [slot](const Xapian::Database& on, const Xapian::Query& q) {
      PackedFacetSpy spy(slot);
      Xapian::Enquire enquire = counting(on, dates_as_terms(q, on));
      enquire.add_matchspy(&spy);
      enquire.get_mset(0, 0, on.get_doccount());
      return spy.take();
    };
    if (halves) {
      take(halves->run<PackedCounts>(db, counted, tally));
    } else {
      out.parts.push_back(tally(db, counted));
    }
  }
  return out;
}

Facets list_facets(FacetTally tally) {
  PackedCounts counts;
  for (PackedCounts& part : tally.parts) add_counts(counts, std::move(part));
  Facets out;
  out.sample = tally.sample;
  out.lists = facet_lists(counts, 1.0 / out.sample);
  return out;
}

Facets count_facets(const Xapian::Database& db, bool remote, const Xapian::Query& query,
                    Xapian::doccount expected, bool exact, Halves* halves) {
  return list_facets(tally_facets(db, remote, query, expected, exact, halves));
}

}  // namespace tracuu::index
