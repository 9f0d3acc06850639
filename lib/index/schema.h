// The index schema: every term prefix, value slot and metadata key tracuu writes, in
// one place (the omega values.h habit). These are a persistent format: never renumber
// or reuse a slot or prefix; add new ones and bump kSchemaVersion when the meaning of
// stored data changes.
#pragma once

#include <string_view>

#include <xapian.h>

namespace tracuu::index {

// Bumped when terms, values or document data change incompatibly.
inline constexpr int kSchemaVersion = 1;

// Term prefixes. Single capitals follow Xapian's conventions; X... are ours.
// Free text is indexed twice with positions: the folded form of every word under
// kFolded ("Zduong"), and the lower-cased accented form without prefix ("đường") only
// when it differs from the folded form, so plain ASCII words are not stored twice.
inline constexpr std::string_view kFolded = "Z";         // folded word (Xapian's stem prefix)
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
// "XX" is left unused on purpose: a free subspace for later (Recoll's XX lesson).

// Xapian caps terms at 245 bytes; long paths are shortened with a hash suffix.
inline constexpr std::size_t kMaxTermBytes = 240;

// Value slots.
enum Slot : Xapian::valueno {
  kSlotPublished = 0,   // "YYYYMMDD" (lexically sortable; empty when unknown)
  kSlotCollapse = 1,    // near-duplicate signature (reserved)
  kSlotSignature = 2,   // file state "size:mtime_ns" for change detection
};

// Document data: the article record as compact JSON (no raw newlines), then '\n',
// then the normalised text (for snippets and `show --text`), so listings can parse the
// record without touching the text.

// Metadata keys.
inline constexpr const char* kMetaSchema = "tracuu:schema";
inline constexpr const char* kMetaNormalizer = "tracuu:normalizer";

}  // namespace tracuu::index
