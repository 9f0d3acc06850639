// Resources: finds data/ and loads every gazetteer in it with one loader. Each file is
// UTF-8 text, one entry a line, '#' comments, tab-separated columns named by the last
// comment line before the first entry. A bad line stops the run with "file:line: what"
// because a silently skipped rank or title would quietly degrade every extraction.
#include "tracuu/resources.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <system_error>

#include "data/resources_tables.h"
#include "extract/tokens.h"
#include "tracuu/error.h"
#include "tracuu/text.h"

namespace tracuu {

namespace fs = std::filesystem;

namespace {

struct Row {
  std::size_t line = 0;
  std::vector<std::string> fields;  // normalised; size == number of header columns
};

struct Table {
  std::string name;                 // file name, for messages
  std::vector<std::string> columns;
  std::vector<Row> rows;
};

[[noreturn]] void fail(const std::string& file, std::size_t line, const std::string& what) {
  throw Error(ErrorKind::Data, file + ":" + std::to_string(line) + ": " + what,
              "fix the line, or point TRACUU_DATA at an intact copy of tracuu's data/");
}

std::vector<std::string> split_tabs(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto tab = s.find('\t', start);
    out.emplace_back(s.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    const char32_t cp = extract::decode_utf8(s, i, len);
    if (cp == 0xFFFD && !(len == 3 && s.compare(i, 3, "\xEF\xBF\xBD") == 0)) return false;
    i += len;
  }
  return true;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

// One data file, whole. Read with stdio: a stream and its locale cost more to set up
// than these small files take to read, and `search` reads one at every start.
std::string read_file(const fs::path& dir, const std::string& name) {
  const fs::path path = dir / name;
  std::string all;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (in) {
    char buffer[1 << 14];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, in.get())) > 0) all.append(buffer, n);
  }
  if (!in || std::ferror(in.get()))
    throw Error(ErrorKind::Data, "cannot read data file " + path.string(),
                "reinstall tracuu or set TRACUU_DATA to a directory holding its data files");
  return all;
}

// Parses the text of data file `name`. The first `required` columns must be present
// and non-empty.
Table parse_table(const std::string& all, const std::string& name, std::size_t required) {
  Table table;
  table.name = name;
  std::string raw;
  std::string last_comment;
  std::size_t number = 0;
  for (std::size_t at = 0; at < all.size();) {
    const std::size_t end = std::min(all.find('\n', at), all.size());
    raw.assign(all, at, end - at);
    at = end + 1;
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (!valid_utf8(raw)) fail(name, number, "not valid UTF-8");
    const std::string line = trim(raw);
    if (line.empty()) continue;
    if (line.front() == '#') {
      if (table.rows.empty()) last_comment = trim(std::string_view(line).substr(1));
      continue;
    }
    if (table.columns.empty()) {
      if (last_comment.empty())
        fail(name, number, "no header comment naming the columns before the first entry");
      for (const auto& column : split_tabs(last_comment)) table.columns.push_back(trim(column));
      if (table.columns.size() < required)
        fail(name, number,
             "the header comment names " + std::to_string(table.columns.size()) +
                 " column(s); this file needs " + std::to_string(required));
    }
    auto fields = split_tabs(raw);
    // Trailing empty optional columns may be left off or written as tabs.
    while (fields.size() > table.columns.size() && trim(fields.back()).empty()) fields.pop_back();
    if (fields.size() > table.columns.size())
      fail(name, number,
           std::to_string(fields.size()) + " tab-separated columns, but the header names " +
               std::to_string(table.columns.size()));
    fields.resize(table.columns.size());
    for (std::size_t i = 0; i < fields.size(); ++i) {
      fields[i] = text::normalize(trim(fields[i]));
      if (i < required && fields[i].empty())
        fail(name, number, "empty column '" + table.columns[i] + "'");
    }
    table.rows.push_back({number, std::move(fields)});
  }
  if (table.rows.empty()) fail(name, number, "no entries");
  return table;
}

Table read_table(const fs::path& dir, const std::string& name, std::size_t required) {
  return parse_table(read_file(dir, name), name, required);
}

std::vector<std::string> split_list(std::string_view field) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at <= field.size();) {
    const std::size_t end = std::min(field.find(';', at), field.size());
    std::string item = trim(field.substr(at, end - at));
    if (!item.empty()) out.push_back(std::move(item));
    at = end + 1;
  }
  return out;
}

void add_phrase(PhraseSet& set, const Table& table, const Row& row, const std::string& phrase,
                int payload) {
  const std::string key = extract::phrase_key(phrase);
  if (key.empty()) fail(table.name, row.line, "entry has no words");
  set.add(key, payload);
}

void load_doc_kinds(ResourceTables& t, const fs::path& dir) {
  const Table table = read_table(dir, "doc_kinds.tsv", 2);
  if (table.columns.size() < 4)
    fail(table.name, 1, "header must name slug, label, abbreviations, other_labels");
  for (const Row& row : table.rows) {
    DocKind kind;
    kind.slug = row.fields[0];
    kind.label = row.fields[1];
    kind.abbreviations = split_list(row.fields[2]);
    kind.labels.push_back(kind.label);
    for (auto& label : split_list(row.fields[3])) kind.labels.push_back(label);
    for (char c : kind.slug)
      if (!((c >= 'a' && c <= 'z') || c == '-'))
        fail(table.name, row.line, "slug '" + kind.slug + "' must be lower-case ASCII and '-'");
    const std::size_t index = t.doc_kinds.size();
    for (const auto& abbreviation : kind.abbreviations) {
      const KindAbbreviation entry{index, abbreviation};
      if (!t.kind_by_abbreviation.emplace(text::lower(abbreviation), entry).second)
        fail(table.name, row.line, "abbreviation '" + abbreviation + "' is listed twice");
      // Folded keys let "ND-CP" find "NĐ"; a folded collision (QĐ/QD…) keeps the first.
      t.kind_by_folded_abbreviation.emplace(text::fold(abbreviation), entry);
    }
    for (const auto& label : kind.labels) t.kind_labels.push_back({text::lower(label), index});
    t.doc_kinds.push_back(std::move(kind));
  }
  std::stable_sort(t.kind_labels.begin(), t.kind_labels.end(),
                   [](const KindLabel& a, const KindLabel& b) { return a.key.size() > b.key.size(); });
}

void load_ranks(ResourceTables& t, const fs::path& dir) {
  const Table table = read_table(dir, "ranks.tsv", 2);
  for (const Row& row : table.rows) {
    const std::string& kind = row.fields[1];
    if (kind != "military" && kind != "police" && kind != "both")
      fail(table.name, row.line, "kind must be military, police or both, not '" + kind + "'");
    const int index = static_cast<int>(t.ranks.size());
    t.ranks.push_back({row.fields[0], kind});
    add_phrase(t.rank_phrases, table, row, row.fields[0], index);
    if (row.fields.size() > 2)
      for (const auto& alias : split_list(row.fields[2]))
        add_phrase(t.rank_phrases, table, row, alias, index);
  }
}

void load_titles(ResourceTables& t, const fs::path& dir) {
  const Table table = read_table(dir, "titles.tsv", 2);
  for (const Row& row : table.rows) {
    const std::string& type = row.fields[1];
    TitleRole role;
    if (type == "head")
      role = TitleRole::Head;
    else if (type == "modifier")
      role = TitleRole::Modifier;
    else if (type == "continuation")
      role = TitleRole::Continuation;
    else
      fail(table.name, row.line, "type must be head, modifier or continuation, not '" + type + "'");
    add_phrase(t.titles, table, row, row.fields[0], static_cast<int>(role));
  }
}

void load_list(PhraseSet& set, const fs::path& dir, const std::string& name) {
  const Table table = read_table(dir, name, 1);
  for (const Row& row : table.rows) add_phrase(set, table, row, row.fields[0], 0);
}

void load_family_names(ResourceTables& t, const fs::path& dir) {
  const Table table = read_table(dir, "family_names.txt", 1);
  for (const Row& row : table.rows) {
    const std::string key = extract::phrase_key(row.fields[0]);
    if (key.empty() || key.find(' ') != std::string::npos)
      fail(table.name, row.line, "a family name is one syllable");
    t.family_names.insert(key);
  }
}

void load_date_words(ResourceTables& t, const fs::path& dir) {
  static const std::pair<const char*, DateWordRole> kRoles[] = {
      {"part_of_day", DateWordRole::PartOfDay}, {"day_word", DateWordRole::DayWord},
      {"weekday", DateWordRole::Weekday},       {"month_word", DateWordRole::MonthWord},
      {"year_word", DateWordRole::YearWord},    {"range_from", DateWordRole::RangeFrom},
      {"range_to", DateWordRole::RangeTo}};
  const Table table = read_table(dir, "date_words.tsv", 2);
  for (const Row& row : table.rows) {
    const auto it = std::find_if(std::begin(kRoles), std::end(kRoles),
                                 [&](const auto& r) { return row.fields[1] == r.first; });
    if (it == std::end(kRoles)) fail(table.name, row.line, "unknown role '" + row.fields[1] + "'");
    add_phrase(t.date_words, table, row, row.fields[0], static_cast<int>(it->second));
    t.date_words_by_role[static_cast<std::size_t>(it->second)].push_back(
        text::lower(row.fields[0]));
  }
  for (auto& words : t.date_words_by_role)
    std::stable_sort(words.begin(), words.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

void load_boilerplate(ResourceTables& t, const fs::path& dir) {
  const Table table = read_table(dir, "boilerplate.txt", 1);
  for (const Row& row : table.rows) t.boilerplate.push_back(text::fold(row.fields[0]));
}

constexpr const char* kAbbreviationsFile = "abbreviations.tsv";

void build_word_flags(ResourceTables& t) {
  PhraseSet* sets[] = {&t.rank_phrases, &t.titles,        &t.honorifics, &t.title_stops,
                       &t.places,       &t.organisations, &t.date_words, &t.place_units,
                       &t.byline_words};
  std::uint16_t bit = 1;
  for (PhraseSet* set : sets) {
    set->flag = bit;
    for (const std::string& word : set->first_words) t.word_flags[word] |= bit;
    bit = static_cast<std::uint16_t>(bit << 1);
  }
  for (const std::string& name : t.family_names) t.word_flags[name] |= ResourceTables::kFamilyName;
}

}  // namespace

std::string_view AbbreviationTable::folded() const {
  std::call_once(folded_once_, [this] {
    if (folded_.empty()) folded_ = text::fold(text_);
  });
  return folded_;
}

const std::vector<Abbreviation>& AbbreviationTable::entries() const {
  std::call_once(parsed_, [this] {
    const Table table = parse_table(text_, name_, 2);
    std::vector<Abbreviation> entries;
    for (const Row& row : table.rows) {
      auto expansions = split_list(row.fields[1]);
      if (expansions.empty()) fail(table.name, row.line, "no expansion");
      entries.push_back({row.fields[0], std::move(expansions)});
    }
    entries_ = std::move(entries);
  });
  return entries_;
}

Resources Resources::load(const fs::path& data_dir) {
  auto tables = std::make_shared<ResourceTables>();
  load_doc_kinds(*tables, data_dir);
  load_ranks(*tables, data_dir);
  load_titles(*tables, data_dir);
  load_list(tables->honorifics, data_dir, "honorifics.txt");
  load_list(tables->title_stops, data_dir, "title_stops.txt");
  load_family_names(*tables, data_dir);
  load_list(tables->places, data_dir, "places.txt");
  load_list(tables->organisations, data_dir, "organisations.txt");
  load_list(tables->place_units, data_dir, "place_units.txt");
  load_list(tables->byline_words, data_dir, "byline_words.txt");
  load_date_words(*tables, data_dir);
  load_boilerplate(*tables, data_dir);
  tables->abbreviations.emplace(read_file(data_dir, kAbbreviationsFile), kAbbreviationsFile);
  tables->abbreviations->entries();  // an ingest checks every file at start
  build_word_flags(*tables);
  Resources resources;
  resources.tables_ = std::move(tables);
  return resources;
}

Resources Resources::load_for_search(const fs::path& data_dir) {
  auto tables = std::make_shared<ResourceTables>();
  tables->abbreviations.emplace(read_file(data_dir, kAbbreviationsFile), kAbbreviationsFile);
  Resources resources;
  resources.tables_ = std::move(tables);
  return resources;
}

fs::path Resources::find_data_dir() {
  std::error_code ec;
  const char* env = std::getenv("TRACUU_DATA");
  if (env != nullptr && *env == '\0') env = nullptr;
  if (env != nullptr && fs::is_directory(env, ec)) return fs::path(env);
  fs::path installed;
  if (const fs::path exe = fs::read_symlink("/proc/self/exe", ec); !ec) {
    installed = exe.parent_path() / ".." / TRACUU_INSTALL_DATADIR;
    if (fs::is_directory(installed, ec)) return installed.lexically_normal();
  }
  const fs::path source = TRACUU_SOURCE_DATA_DIR;
  if (fs::is_directory(source, ec)) return source;
  // The places looked in are spelled out for the message only (a build-tree binary, which
  // finds the source tree's data, would otherwise pay for it on every start).
  std::string looked;
  if (env != nullptr) looked += std::string(env) + " ($TRACUU_DATA), ";
  if (!installed.empty()) looked += installed.lexically_normal().string() + ", ";
  looked += source.string();
  throw Error(ErrorKind::Data, "no tracuu data directory found (looked in " + looked + ")",
              "set TRACUU_DATA to the directory holding tracuu's data files (ranks.tsv, …)");
}

}  // namespace tracuu
