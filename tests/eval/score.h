// Scoring extraction against hand-annotated gold files (tests/gold/NN-slug.gold.json):
// turns a gold record and an extracted Article into sets of comparable keys per entity
// kind, compares them (TP/FP/FN, micro-averaged by summing) and checks F1 floors.
// Header-only and pure, so both tracuu_eval and the unit-test binary can use it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "tracuu/article.h"

namespace tracuu::eval {

// The set-valued kinds, in the order the table prints them.
inline const std::vector<std::string>& set_kinds() {
  static const std::vector<std::string> kinds = {"refs",    "partial_refs", "dates", "partial_dates",
                                                 "periods", "officials",    "official_titles"};
  return kinds;
}

// The single-valued metadata fields, scored as accuracy.
inline const std::vector<std::string>& field_kinds() {
  static const std::vector<std::string> kinds = {"title", "published", "author", "source_url"};
  return kinds;
}

struct Counts {
  std::size_t tp = 0, fp = 0, fn = 0;

  // An empty denominator means nothing was claimed (precision) or nothing was there
  // to find (recall): neither is an error, so both count as perfect.
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / double(tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / double(tp + fn); }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  Counts& operator+=(const Counts& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    return *this;
  }
};

// The outcome of comparing one kind in one article.
struct Diff {
  Counts counts;
  std::vector<std::string> false_positives;  // extracted, not in gold (sorted)
  std::vector<std::string> false_negatives;  // in gold, not extracted (sorted)
};

// Compares two key lists as sets (duplicates count once).
inline Diff compare_keys(const std::vector<std::string>& gold, const std::vector<std::string>& found) {
  const std::set<std::string> g(gold.begin(), gold.end()), f(found.begin(), found.end());
  Diff d;
  for (const std::string& k : f) {
    if (g.contains(k))
      ++d.counts.tp;
    else
      d.false_positives.push_back(k);
  }
  for (const std::string& k : g)
    if (!f.contains(k)) d.false_negatives.push_back(k);
  d.counts.fp = d.false_positives.size();
  d.counts.fn = d.false_negatives.size();
  return d;
}

// A document number without leading zeros ("09" and "9" are one number), so gold
// writers need not match the extractor's padding.
inline std::string number_key(std::string_view number) {
  std::size_t i = 0;
  while (i + 1 < number.size() && number[i] == '0') ++i;
  return std::string(number.substr(i));
}

inline std::string partial_ref_key(std::string_view kind, std::string_view number) {
  return std::string(kind) + "#" + number_key(number);
}

inline std::string period_key(int from, int to) { return std::to_string(from) + "-" + std::to_string(to); }

inline std::string title_key(std::string_view name, std::string_view title) {
  return std::string(name) + "|" + std::string(title);
}

// Keys per set kind, and values per field (nullopt = null).
struct Keys {
  std::map<std::string, std::vector<std::string>> sets;
  std::map<std::string, std::optional<std::string>> fields;
};

namespace detail {

inline std::optional<std::string> opt_string(const nlohmann::json& record, const char* key) {
  const auto it = record.find(key);
  if (it == record.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

inline const nlohmann::json& array_at(const nlohmann::json& record, const char* key) {
  static const nlohmann::json empty = nlohmann::json::array();
  const auto it = record.find(key);
  return it != record.end() && it->is_array() ? *it : empty;
}

inline std::string number_text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  return {};
}

}  // namespace detail

// Keys of a gold record (the schema is described at the top of eval_main.cpp).
// Throws nlohmann::json::exception when a present field has the wrong type.
inline Keys gold_keys(const nlohmann::json& gold) {
  Keys k;
  for (const std::string& kind : set_kinds()) k.sets[kind];
  for (const nlohmann::json& r : detail::array_at(gold, "refs"))
    k.sets["refs"].push_back(r.at("id").get<std::string>());
  for (const nlohmann::json& r : detail::array_at(gold, "partial_refs"))
    k.sets["partial_refs"].push_back(
        partial_ref_key(r.at("kind").get<std::string>(), detail::number_text(r.at("number"))));
  for (const nlohmann::json& d : detail::array_at(gold, "dates"))
    k.sets["dates"].push_back(d.get<std::string>());
  for (const nlohmann::json& d : detail::array_at(gold, "partial_dates"))
    k.sets["partial_dates"].push_back(d.get<std::string>());
  for (const nlohmann::json& p : detail::array_at(gold, "periods"))
    k.sets["periods"].push_back(period_key(p.at(0).get<int>(), p.at(1).get<int>()));
  for (const nlohmann::json& o : detail::array_at(gold, "officials")) {
    const std::string name = o.at("name").get<std::string>();
    k.sets["officials"].push_back(name);
    for (const nlohmann::json& t : detail::array_at(o, "titles"))
      k.sets["official_titles"].push_back(title_key(name, t.get<std::string>()));
  }
  for (const std::string& field : field_kinds()) k.fields[field] = detail::opt_string(gold, field.c_str());
  return k;
}

// Keys of what the extractor produced, under the gold file's rules: a ref with an id is
// a "refs" key, one without is a "partial_refs" key; a day date with a written year is a
// "dates" key, a day date with an inferred year or a month is a "partial_dates" key.
inline Keys article_keys(const Article& a) {
  Keys k;
  for (const std::string& kind : set_kinds()) k.sets[kind];
  for (const Ref& r : a.refs) {
    if (r.id)
      k.sets["refs"].push_back(*r.id);
    else
      k.sets["partial_refs"].push_back(partial_ref_key(r.kind, r.number.value_or("")));
  }
  for (const DateRef& d : a.dates) {
    if (d.precision == "day" && !d.year_inferred)
      k.sets["dates"].push_back(d.value);
    else if (d.precision == "day" || d.precision == "month")
      k.sets["partial_dates"].push_back(d.value);
  }
  for (const Period& p : a.periods) k.sets["periods"].push_back(period_key(p.from, p.to));
  for (const Official& o : a.officials) {
    k.sets["officials"].push_back(o.name);
    for (const std::string& t : o.titles) k.sets["official_titles"].push_back(title_key(o.name, t));
  }
  k.fields["title"] = a.title.empty() ? std::nullopt : std::optional<std::string>(a.title);
  k.fields["published"] = a.published;
  k.fields["author"] = a.author;
  k.fields["source_url"] = a.source_url;
  return k;
}

// Per-article result: a diff per set kind, and per field whether it matched.
struct ArticleScore {
  std::map<std::string, Diff> sets;
  struct Field {
    bool correct = false;
    std::optional<std::string> gold, found;
  };
  std::map<std::string, Field> fields;
};

inline ArticleScore score_article(const Keys& gold, const Keys& found) {
  ArticleScore s;
  static const std::vector<std::string> none;
  for (const std::string& kind : set_kinds()) {
    const auto g = gold.sets.find(kind);
    const auto f = found.sets.find(kind);
    s.sets[kind] = compare_keys(g == gold.sets.end() ? none : g->second,
                                f == found.sets.end() ? none : f->second);
  }
  for (const std::string& field : field_kinds()) {
    ArticleScore::Field out;
    if (auto g = gold.fields.find(field); g != gold.fields.end()) out.gold = g->second;
    if (auto f = found.fields.find(field); f != found.fields.end()) out.found = f->second;
    out.correct = out.gold == out.found;
    s.fields[field] = out;
  }
  return s;
}

// Micro-averaged totals over articles.
struct Totals {
  std::map<std::string, Counts> sets;
  std::map<std::string, std::pair<std::size_t, std::size_t>> fields;  // correct, total
  std::size_t articles = 0;

  void add(const ArticleScore& s) {
    ++articles;
    for (const auto& [kind, diff] : s.sets) sets[kind] += diff.counts;
    for (const auto& [field, f] : s.fields) {
      auto& [correct, total] = fields[field];
      correct += f.correct ? 1 : 0;
      ++total;
    }
  }
  // F1 for a set kind, accuracy for a field; nullopt for an unknown kind.
  std::optional<double> figure(const std::string& kind) const {
    if (auto it = sets.find(kind); it != sets.end()) return it->second.f1();
    if (auto it = fields.find(kind); it != fields.end())
      return it->second.second == 0 ? 1.0 : double(it->second.first) / double(it->second.second);
    return std::nullopt;
  }
};

// "refs=0.97,dates=0.95" -> {refs: 0.97, dates: 0.95}. Returns nullopt (and the bad
// item in `error`) when an item is not kind=number or names no known kind.
inline std::optional<std::map<std::string, double>> parse_floors(std::string_view spec, std::string* error) {
  std::map<std::string, double> floors;
  auto known = [](std::string_view kind) {
    const auto& s = set_kinds();
    const auto& f = field_kinds();
    return std::find(s.begin(), s.end(), kind) != s.end() || std::find(f.begin(), f.end(), kind) != f.end();
  };
  while (!spec.empty()) {
    const std::size_t comma = spec.find(',');
    std::string_view item = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.empty()) continue;
    const std::size_t eq = item.find('=');
    double value = 0;
    const std::string_view kind = item.substr(0, eq);
    if (eq == std::string_view::npos || !known(kind)) {
      if (error) *error = std::string(item);
      return std::nullopt;
    }
    const std::string number(item.substr(eq + 1));
    std::size_t used = 0;
    try {
      value = std::stod(number, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != number.size() || value < 0 || value > 1) {
      if (error) *error = std::string(item);
      return std::nullopt;
    }
    floors[std::string(kind)] = value;
  }
  return floors;
}

struct FloorMiss {
  std::string kind;
  double value = 0, floor = 0;
};

// Every kind whose figure falls below its floor.
inline std::vector<FloorMiss> check_floors(const Totals& totals,
                                           const std::map<std::string, double>& floors) {
  std::vector<FloorMiss> misses;
  for (const auto& [kind, floor] : floors) {
    const double value = totals.figure(kind).value_or(0.0);
    // A tiny tolerance: a figure printed as 0.97 must not fail a 0.97 floor by rounding.
    if (value + 1e-9 < floor) misses.push_back({kind, value, floor});
  }
  return misses;
}

}  // namespace tracuu::eval
