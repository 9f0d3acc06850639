// Writer: replace_document by unique term, so re-running ingest never doubles articles.
#include "index/writer.h"

#include <algorithm>

#include "index/database.h"
#include "index/document.h"
#include "index/schema.h"
#include "index/terms.h"

namespace tracuu::index {

Writer::Writer(const std::filesystem::path& db) : path_(db), db_(open_writable(db)) {}

std::string Writer::stored_signature(std::string_view path_bytes) {
  std::string signature;
  with_index_errors(path_, [&] {
    const std::string term = unique_term(path_bytes);
    auto posting = db_.postlist_begin(term);
    if (posting != db_.postlist_end(term)) signature = db_.get_document(*posting).get_value(kSlotSignature);
  });
  return signature;
}

bool Writer::put(const Article& article, std::string_view path_bytes, const std::string& signature) {
  bool replaced = false;
  with_index_errors(path_, [&] {
    const std::string term = unique_term(path_bytes);
    replaced = db_.term_exists(term);
    db_.replace_document(term, make_document(article, path_bytes, signature));
  });
  max_refs_ = std::max(max_refs_, std::min<std::size_t>(distinct_ref_ids(article).size(), kMaxFacetValues));
  max_officials_ =
      std::max(max_officials_, std::min<std::size_t>(distinct_official_names(article).size(), kMaxFacetValues));
  return replaced;
}

void Writer::raise_metadata_count(const char* key, std::size_t count) {
  const std::string stored = db_.get_metadata(key);
  if (stored.empty() || std::stoul(stored) < count) db_.set_metadata(key, std::to_string(count));
}

void Writer::commit() {
  with_index_errors(path_, [&] {
    raise_metadata_count(kMetaMaxRefs, max_refs_);
    raise_metadata_count(kMetaMaxOfficials, max_officials_);
    db_.commit();
  });
}

}  // namespace tracuu::index
