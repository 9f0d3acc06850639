// The index schema: every term prefix, value slot and metadata key tracuu writes, in
// one place (the omega values.h habit). These are a persistent format: never renumber
// or reuse a slot or prefix; add new ones and bump kSchemaVersion when the meaning of
// stored data changes.
#pragma once

#include <string_view>

#include <xapian.h>

namespace tracuu::index {

// Bumped when terms, values or document data change incompatibly.
inline constexpr int kSchemaVersion = 5;  // 2: document data compressed with zstd
                                          // 3: data in two frames, compact hit record
                                          // 4: sample bucket terms (kSample)
                                          // 5: kSlotFacetSample

// Term prefixes. Single capitals follow Xapian's conventions; X... are ours.
// Free text lives entirely in the "Z" space, in two forms per word: the folded form
// ("Zduong") for every word, with positions (matching, phrases, snippets), and, when the
// word has diacritics, its exact lower-cased form behind kExactMark ("Z^đường"), without
// positions (ranking boosts and --exact filters). An unaccented word is stored once.
inline constexpr std::string_view kFolded = "Z";         // folded word (Xapian's stem prefix)
inline constexpr std::string_view kExactMark = "^";      // after "Z" (and "S"): exact accented word
inline constexpr std::string_view kUnique = "Q";         // the article's absolute path (raw bytes)
inline constexpr std::string_view kTitle = "S";          // title words (plus "ZS" folded)
inline constexpr std::string_view kRef = "XREF";         // ref key: folded id, number without leading zeros
inline constexpr std::string_view kKind = "XKIND";       // kind slug of every reference: "chi-thi"
inline constexpr std::string_view kOfficial = "XOFF";    // folded official name: "to lam"
inline constexpr std::string_view kSite = "XSITE";       // site host: "baoangiang.com.vn"
inline constexpr std::string_view kYear = "Y";           // published year "2023"
inline constexpr std::string_view kMonth = "M";          // published month "202310"
inline constexpr std::string_view kDay = "D";            // published day "20231018"
inline constexpr std::string_view kFormat = "XFMT";      // "text" or "html"
inline constexpr std::string_view kSample = "XB";        // sample bucket "00".."ff" from a hash of the
                                                         // unique id: facets of a broad query are
                                                         // counted over a few buckets (facets.cpp)
// "XX" is left unused on purpose: a free subspace for later (Recoll's XX lesson).

// Xapian caps terms at 245 bytes; long paths are shortened with a hash suffix.
inline constexpr std::size_t kMaxTermBytes = 240;

// Value slots.
enum Slot : Xapian::valueno {
  kSlotPublished = 0,   // "YYYYMMDD" (lexically sortable; empty when unknown)
  kSlotCollapse = 1,    // near-duplicate signature (reserved)
  kSlotSignature = 2,   // file state "size:mtime_ns" for change detection
  kSlotSource = 3,      // the source file's raw path (several documents share it for .jsonl)
  kSlotContentHash = 4, // FNV-1a of the source file's bytes, hex (a touched file is not re-indexed)
  kSlotDateKey = 5,     // "YYYYMMDD" + source id: date order with a tie-break that does not depend
                        // on docids (which interleave across shards); a plain value, so remote
                        // shards can sort on it (they cannot run a KeyMaker)
  kSlotYear = 10,       // "2023": the published year, for the year facet
  kSlotSite = 11,       // "baoangiang.com.vn", for the site facet
  kSlotFacets = 12,     // every facet value of the article in one value, for a local search's
                        // one-read-per-match counting: entries "<code><value>" joined by
                        // kFacetSeparator, code one of kFacetKinds (the per-slot values below
                        // serve remote shards, whose servers know only Xapian's own spies)
  kSlotFacetSample = 13,  // kSlotFacets again, only for the articles of the first
                          // kFacetSampleSlotBuckets sample buckets: a broad query's facet
                          // sample reads this short stream, not every article's values
  // Multi-valued facets take one slot per value, so Xapian's own ValueCountMatchSpy
  // (which a remote shard server knows) can count them: the n-th distinct reference id
  // of an article goes in kSlotRefBase + n, the n-th official's name in kSlotOfficialBase + n.
  kSlotRefBase = 20,
  kSlotOfficialBase = 60,
};
inline constexpr unsigned kSampleBuckets = 256;
inline constexpr unsigned kFacetSampleSlotBuckets = 32;  // an eighth of the articles
inline constexpr unsigned kMaxFacetValues = 32;  // per article and kind; more are not counted
inline constexpr char kFacetSeparator = '\x1f';
// The facets, by their code in kSlotFacets and their name in search results.
inline constexpr char kFacetRef = 'r', kFacetOfficial = 'o', kFacetYear = 'y', kFacetSite = 's';
struct FacetKind {
  char code;
  std::string_view name;
};
inline constexpr FacetKind kFacetKinds[] = {
    {kFacetRef, "refs"}, {kFacetOfficial, "officials"}, {kFacetYear, "years"}, {kFacetSite, "sites"}};

// Document data (document.cpp): two zstd frames. First what a search hit shows, as a
// compact length-prefixed record, followed by the normalised text (index::read_hit;
// snippets, `show --text`); then the whole article record as JSON (index::read_record).

// Metadata keys.
inline constexpr const char* kMetaSchema = "tracuu:schema";
inline constexpr const char* kMetaNormalizer = "tracuu:normalizer";
// Files that could not be read: key prefix + FNV-1a of the raw path (hex), value
// "<signature>\t<reason>"; such a file is retried only when its signature changes.
inline constexpr const char* kMetaFailedPrefix = "tracuu:failed:";
// The largest number of ref / official facet slots any document uses (decimal), so a
// search counts only slots that exist.
inline constexpr const char* kMetaMaxRefs = "tracuu:max_refs";
inline constexpr const char* kMetaMaxOfficials = "tracuu:max_officials";
// The abbreviation table (the text of abbreviations.tsv) the index was last ingested
// with: a search expands abbreviations with it and needs no data folder. Each ingest
// stores the table it loaded.
inline constexpr const char* kMetaAbbreviations = "tracuu:abbreviations";
inline constexpr const char* kMetaAbbreviationsFolded = "tracuu:abbreviations:folded";  // text::fold() of it
// Bounds of common words (bounds.h): a mark (marks.h: "<articles> <last docid> <total
// length>", a line) saying the bounded terms, a line each; and per term (key prefix +
// term), as varints, its article and occurrence counts, then its blocks of 2^kBoundBlockShift
// docids: block number (the first) or distance from the one before, then the
// occurrences and length of the block's article where the term weighs most.
inline constexpr const char* kMetaBounds = "tracuu:bounds";
inline constexpr const char* kMetaBoundsPrefix = "tracuu:bounds:";
inline constexpr unsigned kBoundBlockShift = 7;
// Docids in path order (path_order.h): a mark (marks.h) saying the last docid through
// which source paths ascend with docids. Its key sorts beside the version keys every
// search reads, in the same block of the table.
inline constexpr const char* kMetaPathOrder = "tracuu:path_order";
// Compression dictionaries of the document data (dictionary.h): their ids (decimal, a
// space between), the one new articles are compressed with first; and per dictionary,
// key prefix + id, the dictionary as zstd writes it. Read by key (a key listing would
// read blocks of its own), the first time an article's data names a dictionary the
// process does not know (document.h read_hit()).
inline constexpr const char* kMetaDictionaries = "tracuu:zdicts";
inline constexpr const char* kMetaDictionaryPrefix = "tracuu:zdict:";

}  // namespace tracuu::index
