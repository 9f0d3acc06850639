// Resources: the gazetteers and rules in data/ (ranks, titles, family names, document
// kinds, boilerplate lines, abbreviations), loaded once and shared read-only by every
// extractor and the searcher. Thread-safe after construction.
#pragma once

#include <filesystem>
#include <memory>

namespace tracuu {

struct ResourceTables;  // defined in lib/data/resources_tables.h

class Resources {
 public:
  // Loads every file of `data_dir`. Throws tracuu::Error (ErrorKind::Data) naming
  // file:line when a file is missing or a line is malformed.
  static Resources load(const std::filesystem::path& data_dir);

  // Loads only what a search needs (the abbreviations, for synonyms): a search process
  // starts in a fraction of the time. The other tables stay empty.
  static Resources load_for_search(const std::filesystem::path& data_dir);

  // The data directory: $TRACUU_DATA if set, else <exe>/../share/tracuu when installed,
  // else the source tree's data/ (a build-tree binary). Throws tracuu::Error if none exists.
  static std::filesystem::path find_data_dir();

  const ResourceTables& tables() const { return *tables_; }

 private:
  std::shared_ptr<const ResourceTables> tables_;
};

}  // namespace tracuu
