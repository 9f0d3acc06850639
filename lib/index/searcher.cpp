// search(): the query parser set up for Vietnamese (one normaliser with the index, every
// word matched in the folded "Z" space so diacritics, tone style and case do not matter),
// fields, date ranges, ranking, and plain-text snippets with highlight offsets.
#include <fmt/format.h>

#include <cstdlib>

#include "index/database.h"
#include "index/document.h"
#include "index/schema.h"
#include "index/terms.h"
#include "tracuu/error.h"
#include "tracuu/search.h"
#include "tracuu/text.h"

namespace tracuu {
namespace {

using index::kSlotPublished;

// A boolean field whose value is turned into a term by a key function shared with the
// writer, so `ref:9-ct/tw` finds what was stored for "09-CT/TW".
class KeyedField : public Xapian::FieldProcessor {
 public:
  using KeyFn = std::string (*)(std::string_view);
  KeyedField(std::string_view prefix, KeyFn key) : prefix_(prefix), key_(key) {}
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(prefix_ + key_(value));
  }

 private:
  std::string prefix_;
  KeyFn key_;
};

std::string lower_key(std::string_view value) { return text::lower(text::normalize(value)); }
std::string as_is(std::string_view value) { return std::string(value); }

Xapian::QueryParser make_parser(const Xapian::Database& db) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(index::folding_stemmer());
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.add_prefix("title", std::string(index::kTitle));
  qp.add_boolean_prefix("ref", (new KeyedField(index::kRef, index::ref_key))->release());
  qp.add_boolean_prefix("kind", (new KeyedField(index::kKind, index::kind_key))->release());
  qp.add_boolean_prefix("official", (new KeyedField(index::kOfficial, index::official_key))->release());
  qp.add_boolean_prefix("site", (new KeyedField(index::kSite, lower_key))->release());
  qp.add_boolean_prefix("year", (new KeyedField(index::kYear, as_is))->release());
  qp.add_rangeprocessor(
      (new Xapian::DateRangeProcessor(kSlotPublished, "date:", 0, 1930))->release());
  return qp;
}

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                 Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT;

// Xapian's snippet is HTML-escaped with our markers around matches; turn it into plain
// text plus byte ranges, and flatten line breaks so a snippet is one line.
void plain_snippet(const std::string& marked, SearchHit& hit) {
  std::string out;
  std::size_t open_at = 0;
  for (std::size_t i = 0; i < marked.size();) {
    char c = marked[i];
    if (c == '\x01') { open_at = out.size(); ++i; continue; }
    if (c == '\x02') { hit.highlights.emplace_back(open_at, out.size()); ++i; continue; }
    if (c == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool matched = false;
      for (const auto& [entity, ch] : kEntities) {
        if (marked.compare(i, entity.size(), entity) == 0) {
          out += ch;
          i += entity.size();
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    if (c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  hit.snippet = std::move(out);
}

}  // namespace

std::filesystem::path default_db_path() {
  if (const char* db = std::getenv("TRACUU_DB"); db && *db) return db;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "tracuu" / "index";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "tracuu" / "index";
}

SearchResult search(const std::filesystem::path& db, const std::string& query, const SearchOptions& options) {
  SearchResult result;
  result.query = query;
  result.offset = options.offset;
  result.limit = options.limit;
  const std::string normalized = text::normalize(query);
  if (normalized.empty()) {
    throw Error(ErrorKind::Usage, "the query is empty", "give some words to look for, e.g. tracuu search \"bo cong an\"");
  }

  Xapian::Database database = index::open_readable(db);
  index::with_index_errors(db, [&] {
    Xapian::QueryParser parser = make_parser(database);
    Xapian::Query parsed;
    try {
      parsed = parser.parse_query(normalized, kParseFlags);
    } catch (const Xapian::QueryParserError& e) {
      throw Error(ErrorKind::Query, fmt::format("cannot understand the query '{}': {}", query, e.get_msg()),
                  "check quotes, brackets and date ranges (date:YYYY-MM-DD..YYYY-MM-DD); write AND, OR, NOT in capitals");
    } catch (const Xapian::RangeError& e) {
      throw Error(ErrorKind::Query, fmt::format("bad date range in '{}': {}", query, e.get_msg()),
                  "write dates as date:YYYY-MM-DD..YYYY-MM-DD (either end may be left open)");
    }
    result.parsed = parsed.get_description();

    Xapian::Enquire enquire(database);
    enquire.set_query(parsed);
    if (options.sort == Sort::Newest) enquire.set_sort_by_value_then_relevance(kSlotPublished, true);
    if (options.sort == Sort::Oldest) enquire.set_sort_by_value_then_relevance(kSlotPublished, false);
    const Xapian::MSet mset = enquire.get_mset(options.offset, options.limit, options.offset + options.limit + 100);
    result.total_estimate = mset.get_matches_estimated();

    const Xapian::Stem stemmer = index::folding_stemmer();
    std::size_t rank = options.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const Xapian::Document doc = it.get_document();
      SearchHit hit;
      hit.rank = ++rank;
      hit.docid = *it;
      hit.score = it.get_weight();
      hit.percent = it.get_percent();
      hit.article = index::read_record(doc);
      const std::string marked =
          mset.snippet(index::read_text(doc), options.snippet_bytes, stemmer,
                       Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE, "\x01", "\x02", "…");
      plain_snippet(marked, hit);
      result.hits.push_back(std::move(hit));
    }
  });
  return result;
}

}  // namespace tracuu
