// Turning an Article into a Xapian document (terms, values, data) and back.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "tracuu/article.h"

namespace tracuu::index {

// Builds the document for `article`; `path_bytes` is the raw path (the unique id) and
// `signature` the file state stored for change detection.
Xapian::Document make_document(const Article& article, std::string_view path_bytes, const std::string& signature);

// The stored record of a document (its text left out unless `with_text`).
Article read_record(const Xapian::Document& doc, bool with_text = false);

// Just the stored text of a document.
std::string read_text(const Xapian::Document& doc);

}  // namespace tracuu::index
