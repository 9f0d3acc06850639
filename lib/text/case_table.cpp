// The lower/fold lookup tables, computed at build time: gen_case_tables runs the ICU
// case maps (case_map.cpp) over the table's range and writes case_table_data.inc, so
// the tables are constant data in the binary and the first fold() or lower() of a
// process costs nothing (building them with ICU at first use took milliseconds, a
// third of a whole `tracuu search`).
#include "text/case_table.h"

#include <cstdint>

namespace tracuu::text::detail {
namespace {

// constexpr: initialised at compile time, with no dynamic initialiser to run or order.
constexpr CaseTables kTables = {
#include "case_table_data.inc"
};

static_assert(kTableEnd % 64 == 0, "the table ends at a block of 64 code points");

constexpr FoldBlocks make_fold_blocks() {
  FoldBlocks blocks{};
  for (UChar32 c = 0; c < kTableEnd; ++c) {
    std::uint64_t* bits = blocks.ascii[c >> 6];
    if (kTables.flags[c] & (kFoldTooLong | kLowerContext)) {
      bits[0] = bits[1] = ~std::uint64_t{0};
      continue;
    }
    const TableEntry& e = kTables.fold[c];
    for (int k = 0; k < e.len; ++k) {
      const auto b = static_cast<unsigned char>(e.bytes[k]);
      if (b < 0x80) bits[b / 64] |= std::uint64_t{1} << (b % 64);
    }
  }
  return blocks;
}

constexpr FoldBlocks kFoldBlocks = make_fold_blocks();

}  // namespace

const CaseTables& case_tables() {
  return kTables;
}

const FoldBlocks& fold_blocks() {
  return kFoldBlocks;
}

}  // namespace tracuu::text::detail
