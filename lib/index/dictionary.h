// A compression dictionary for the document data (document.cpp). An article's data is
// two zstd frames of a few kilobytes; compressed alone, each frame carries its own
// entropy tables, and a hit rebuilds them before it decompresses anything. A dictionary
// trained on the articles of an index (4 KB, stored in the index) holds what they share:
// frames compressed with it are smaller and decompress faster (at 20,000 generated
// articles the document table 60 → 40 MB, a search's 10 hits about 280k instructions
// fewer; a 16 KB one gave 37 MB and no faster searches, its reading costing more
// blocks). An index holds the dictionaries its frames were compressed with, one per
// metadata key (schema.h kMetaDictionaryPrefix + id); a frame names its own.
// Internal header of lib/index.
#pragma once

#include <xapian.h>
#include <zstd.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tracuu::index {

// A dictionary trained on `samples`, with an id made from its content (the same samples
// give the same dictionary); empty when zstd cannot train one from them.
std::string train_dictionary(const std::vector<std::string>& samples);

// The ids of the dictionaries `db` holds, the one new articles are compressed with first;
// the list as stored (schema.h kMetaDictionaries) read and written.
std::vector<unsigned> dictionary_ids(const Xapian::Database& db);
std::vector<unsigned> parse_ids(std::string_view stored);
std::string join_ids(const std::vector<unsigned>& ids);

// The dictionary `db` compresses new articles with; empty if it holds none.
std::string stored_dictionary(const Xapian::Database& db);

// Stores `dictionary` in `db` (committed with the run's next commit) unless it is there.
void store_dictionary(Xapian::WritableDatabase& db, const std::string& dictionary);

// Makes the dictionaries `db` holds known to this process, for decompressing its
// articles' data: read_hit() and read_record() (document.h) call it with the database a
// document came from when its data names a dictionary not known yet, and open_shards()
// for each shard (a handle over several reads the first one's metadata only).
void register_dictionaries(const Xapian::Database& db);

// New document data of this process is compressed with `dictionary` (empty: with none),
// which becomes known for decompressing too. Set before the workers start.
void compress_with(const std::string& dictionary);

// For document.cpp: the dictionary new data is compressed with (nullptr: none), and the
// one a frame names (nullptr when this process knows no dictionary of that id).
const ZSTD_CDict* writing_dictionary();
const ZSTD_DDict* reading_dictionary(unsigned id);

}  // namespace tracuu::index
