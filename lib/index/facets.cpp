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
#include "index/document.h"
#include "index/schema.h"
#include "index/terms.h"

namespace tracuu::index {
namespace {

// Facet counts by entry: "<code><value>", code one of kFacetKinds (schema.h). The table
// lives for one search, so its hash need not be the project's stable one (data/hash.h):
// the standard library's takes eight bytes a step where FNV-1a takes one, and a broad
// query's sample counts some 30,000 entries.
struct EntryHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view entry) const { return std::hash<std::string_view>{}(entry); }
};
using PackedCounts = std::unordered_map<std::string, std::size_t, EntryHash, std::equal_to<>>;

// Counting facets where every shard is local: one read of a packed slot (kSlotFacets, or
// kSlotFacetSample for a sample within its buckets) per match, each entry counted in one
// table. Clones (if Xapian makes any) count into the same table.
class PackedFacetSpy : public Xapian::MatchSpy {
 public:
  explicit PackedFacetSpy(Xapian::valueno slot) : slot_(slot), counts_(std::make_shared<PackedCounts>()) {}
  PackedFacetSpy(Xapian::valueno slot, std::shared_ptr<PackedCounts> counts) : slot_(slot), counts_(std::move(counts)) {}
  void operator()(const Xapian::Document& doc, double) override {
    PackedCounts& counts = *counts_;
    for_each_packed_entry(doc.get_value(slot_), [&](std::string_view entry) {
      auto it = counts.find(entry);  // by string_view: a value already seen allocates nothing
      if (it == counts.end()) it = counts.emplace(std::string(entry), 0).first;
      ++it->second;
    });
  }
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
        for (auto v = spy->values_begin(); v != spy->values_end(); ++v) counts[code + *v] += v.get_termfreq();
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
  for (const auto& [entry, n] : counts)
    by_code[entry[0]].emplace_back(std::string_view(entry).substr(1),
                                   static_cast<std::size_t>(std::llround(static_cast<double>(n) * scale)));
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

// A pass over the matches of `query` that only tells which articles match.
Xapian::Enquire counting(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire;
}

}  // namespace

Facets count_facets(const Xapian::Database& db, bool remote, const Xapian::Query& query,
                    Xapian::doccount expected, bool exact, Halves* halves) {
  unsigned buckets = kSampleBuckets;
  const Xapian::Query counted = exact ? query : sampled(query, expected, kFacetSampleTarget, buckets);
  PackedCounts counts;
  if (remote) {
    Xapian::Enquire enquire = counting(db, counted);
    SlotFacetSpies spies(enquire, db);
    enquire.get_mset(0, 0, db.get_doccount());
    spies.collect(counts);
  } else {
    // A sample of the first buckets only has its values in the short sample slot.
    const Xapian::valueno slot = buckets <= kFacetSampleSlotBuckets ? kSlotFacetSample : kSlotFacets;
    auto tally = [slot](const Xapian::Database& on, const Xapian::Query& q) {
      PackedFacetSpy spy(slot);
      Xapian::Enquire enquire = counting(on, q);
      enquire.add_matchspy(&spy);
      enquire.get_mset(0, 0, on.get_doccount());
      return spy.take();
    };
    if (halves) {
      auto [lower, upper] = halves->run<PackedCounts>(db, counted, tally);
      counts = std::move(lower);
      for (auto& [entry, n] : upper) counts[entry] += n;
    } else {
      counts = tally(db, counted);
    }
  }
  Facets out;
  out.sample = static_cast<double>(buckets) / kSampleBuckets;
  out.lists = facet_lists(counts, 1.0 / out.sample);
  return out;
}

}  // namespace tracuu::index
