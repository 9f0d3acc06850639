// show / stats / refs / officials: reading the index as a whole. Listings make one pass
// over the stored records (never the source files) and aggregate by the same keys the
// entity terms use, so "09-CT/TW" and "9-ct/tw" are counted as one document.
#include "tracuu/listings.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <system_error>

#include "index/database.h"
#include "index/document.h"
#include "index/schema.h"
#include "index/terms.h"
#include "tracuu/error.h"

namespace tracuu {
namespace {

using namespace index;

void widen(std::optional<std::string>& first, std::optional<std::string>& last, const std::optional<std::string>& date) {
  if (!date) return;
  if (!first || *date < *first) first = date;
  if (!last || *date > *last) last = date;
}

// Calls `fn(article)` for every stored record, retrying from a fresh snapshot if a writer
// commits meanwhile.
template <typename Fn>
void for_each_record(const std::filesystem::path& db, Fn&& fn) {
  Xapian::Database database = open_readable(db);
  with_index_errors(db, [&] {
    for (int attempt = 0;; ++attempt) {
      try {
        for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it)
          fn(read_record(database.get_document(*it, Xapian::DOC_ASSUME_VALID), false, &database));
        return;
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt >= 3) throw;
        database.reopen();
      }
    }
  });
}

std::uintmax_t disk_size(const std::filesystem::path& db) {
  std::error_code ec;
  if (!std::filesystem::is_directory(db, ec)) return 0;
  std::uintmax_t total = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(db, ec))
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  return total;
}

std::vector<FacetCount> term_counts(const Xapian::Database& db, std::string_view prefix) {
  std::vector<FacetCount> out;
  const std::string p(prefix);
  for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t)
    out.push_back({(*t).substr(p.size()), t.get_termfreq()});
  return out;
}

std::string iso(const std::string& compact) {
  if (compact.size() != 8) return compact;
  return compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2);
}

}  // namespace

Article show_article(const std::filesystem::path& db, const std::string& which, bool with_text) {
  Xapian::Database database = open_readable(db);
  Article article;
  bool found = false;
  with_index_errors(db, [&] {
    unsigned docid = 0;
    const auto [end, ec] = std::from_chars(which.data(), which.data() + which.size(), docid);
    if (ec == std::errc() && end == which.data() + which.size() && docid > 0) {
      try {
        article = read_record(database.get_document(docid), with_text, &database);
        found = true;
      } catch (const Xapian::DocNotFoundError&) {
      }
      return;
    }
    std::error_code fs_ec;
    const std::string path = std::filesystem::absolute(which, fs_ec).lexically_normal().native();
    const std::string term = unique_term(path);
    auto posting = database.postlist_begin(term);
    if (posting != database.postlist_end(term)) {
      article = read_record(database.get_document(*posting), with_text, &database);
      found = true;
    }
  });
  if (!found) {
    throw Error(ErrorKind::Usage, fmt::format("no article {} in the index {}", which, db.string()),
                "give a docid from `tracuu search` or the path of an ingested file");
  }
  return article;
}

IndexStats index_stats(const std::filesystem::path& db) {
  Xapian::Database database = open_readable(db);
  IndexStats s;
  s.path = db.string();
  with_index_errors(db, [&] {
    s.documents = database.get_doccount();
    for (auto t = database.allterms_begin(); t != database.allterms_end(); ++t) ++s.terms;
    const std::string low = database.get_value_lower_bound(kSlotPublished);
    const std::string high = database.get_value_upper_bound(kSlotPublished);
    // An empty value is no value in Xapian, so undated articles do not affect the bounds.
    if (!low.empty()) s.first = iso(low);
    if (!high.empty()) s.last = iso(high);
    s.years = term_counts(database, kYear);
    std::size_t dated = 0;
    for (const auto& y : s.years) dated += y.count;
    s.undated = s.documents - std::min(dated, s.documents);
    s.sites = term_counts(database, kSite);
    std::stable_sort(s.sites.begin(), s.sites.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
    s.refs = term_counts(database, kRef).size();
    s.officials = term_counts(database, kOfficial).size();
  });
  s.bytes = disk_size(db);
  return s;
}

std::vector<CitedRef> list_refs(const std::filesystem::path& db) {
  std::map<std::string, CitedRef> by_key;
  for_each_record(db, [&](const Article& a) {
    for (const auto& r : a.refs) {
      if (!r.id) continue;
      CitedRef& c = by_key[ref_key(*r.id)];
      if (c.id.empty()) {
        c.id = *r.id;
        c.kind = r.kind;
        c.kind_label = r.kind_label;
      }
      if (!c.issuer) c.issuer = r.issuer;
      if (!c.issued) c.issued = r.issued;
      if (!c.subject) c.subject = r.subject;
      ++c.articles;
      c.mentions += r.mentions.size();
      widen(c.first_cited, c.last_cited, a.published);
    }
  });
  std::vector<CitedRef> out;
  for (auto& [key, c] : by_key) out.push_back(std::move(c));
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.articles > b.articles; });
  return out;
}

std::vector<NamedOfficial> list_officials(const std::filesystem::path& db) {
  std::map<std::string, NamedOfficial> by_key;
  std::map<std::string, std::map<std::string, std::size_t>> title_index;  // official key -> title -> slot
  for_each_record(db, [&](const Article& a) {
    for (const auto& o : a.officials) {
      const std::string key = official_key(o.name);
      NamedOfficial& n = by_key[key];
      if (n.name.empty()) n.name = o.name;
      ++n.articles;
      widen(n.first_seen, n.last_seen, a.published);
      for (const auto& title : o.titles) {
        auto [slot, added] = title_index[key].try_emplace(title, n.titles.size());
        if (added) {
          OfficialTitle fresh;
          fresh.title = title;
          n.titles.push_back(std::move(fresh));
        }
        OfficialTitle& t = n.titles[slot->second];
        ++t.articles;
        widen(t.first_seen, t.last_seen, a.published);
      }
    }
  });
  std::vector<NamedOfficial> out;
  for (auto& [key, n] : by_key) out.push_back(std::move(n));
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.articles > b.articles; });
  return out;
}

}  // namespace tracuu
