// Docids in path order. A search ranks by weight and breaks ties by source path (the
// same articles come back in the same order whatever the index's layout). An ingest
// writes files in path order, so in an index built by one ingest, or grown only by files
// whose paths sort after those before them, docid order is path order: ties then need
// no path read, and Xapian's own order (weight, then docid) is the one wanted. Without
// it, a search read the path of every hit that tied and, where a tie ran past the page,
// matched again sorting by path ("trợ" at 20,000 articles: 132 block reads, 59 with it).
// Internal header of lib/index.
#pragma once

#include <xapian.h>

namespace tracuu::index {

// After a run of writes (committed): a mark saying up to which docid the articles' source
// paths ascend with their docids, for this state of the index (a mark, marks.h).
void write_path_order(Xapian::WritableDatabase& db);

// Before the first change of a run of writes.
void clear_path_order(Xapian::WritableDatabase& db);

// The last docid through which docid order is path order (ties by docid), as the mark
// says for this state of `db`; 0 without a mark that holds, or across several shards.
Xapian::docid path_ordered_through(const Xapian::Database& db);

}  // namespace tracuu::index
