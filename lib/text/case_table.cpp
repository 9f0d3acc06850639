// The lower/fold lookup tables, computed at build time: gen_case_tables runs the ICU
// case maps (case_map.cpp) over the table's range and writes case_table_data.inc, so
// the tables are constant data in the binary and the first fold() or lower() of a
// process costs nothing (building them with ICU at first use took milliseconds, a
// third of a whole `tracuu search`).
#include "text/case_table.h"

namespace tracuu::text::detail {
namespace {

// constexpr: initialised at compile time, with no dynamic initialiser to run or order.
constexpr CaseTables kTables = {
#include "case_table_data.inc"
};

}  // namespace

const CaseTables& case_tables() {
  return kTables;
}

}  // namespace tracuu::text::detail
