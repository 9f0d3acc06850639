// Reference extraction. Codes are found by a hand-written scanner anchored on '/'
// (every code has one): the left side decides Party (NUM-KIND/…) or State (NUM/…),
// the right side must be issuer groups. Kind words before a code ("Chương trình
// phối hợp số") decide the kind over the abbreviation, as Party "Quy định" is
// sometimes coded QĐ. Look-alikes (2/3, 136/19A, 12/2023, URLs) fail the shape.
#include "extract/refs.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "extract/dates.h"
#include "tracuu/text.h"

namespace tracuu::extract {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// Byte length of a code letter at `pos`: ASCII letter, or Đ/đ (and Ð, which the
// normaliser maps to Đ but hand-made input may still hold). 0 when not a letter.
std::size_t code_letter_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return 0;
  if (is_ascii_letter(s[pos])) return 1;
  if (pos + 1 < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    const auto b1 = static_cast<unsigned char>(s[pos + 1]);
    if ((b0 == 0xC4 && (b1 == 0x90 || b1 == 0x91)) || (b0 == 0xC3 && b1 == 0x90)) return 2;
  }
  return 0;
}

std::size_t code_letter_before(std::string_view s, std::size_t pos) {
  if (pos >= 1 && is_ascii_letter(s[pos - 1])) return 1;
  if (pos >= 2 && code_letter_at(s, pos - 2) == 2) return 2;
  return 0;
}

// A dash inside a code: '-', en dash, em dash, minus sign. Returns its byte length.
std::size_t dash_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return 0;
  if (s[pos] == '-') return 1;
  if (s.compare(pos, 3, "\xE2\x80\x93") == 0 || s.compare(pos, 3, "\xE2\x80\x94") == 0 ||
      s.compare(pos, 3, "\xE2\x88\x92") == 0)
    return 3;
  return 0;
}

std::size_t dash_before(std::string_view s, std::size_t pos) {
  if (pos >= 1 && s[pos - 1] == '-') return 1;
  if (pos >= 3 && dash_at(s, pos - 3) == 3) return 3;
  return 0;
}

std::string tidy_letters(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (out.compare(i, 2, "\xC3\x90") == 0) out.replace(i, 2, "\xC4\x90");  // Ð -> Đ
  return out;
}

const KindAbbreviation* find_kind(const ResourceTables& tables, std::string_view letters) {
  const std::string tidy = tidy_letters(letters);
  if (auto it = tables.kind_by_abbreviation.find(text::lower(tidy));
      it != tables.kind_by_abbreviation.end())
    return &it->second;
  if (auto it = tables.kind_by_folded_abbreviation.find(text::fold(tidy));
      it != tables.kind_by_folded_abbreviation.end())
    return &it->second;
  return nullptr;
}

bool upper_initial(std::string_view s, std::size_t pos) {
  if (s[pos] >= 'A' && s[pos] <= 'Z') return true;
  return code_letter_at(s, pos) == 2 && static_cast<unsigned char>(s[pos + 1]) == 0x90;
}

struct Group {
  std::size_t start = 0, end = 0;
  bool all_upper = true;  // no lower-case ASCII letter and no 'đ'
  int letters = 0;
};

// Issuer groups joined by '-' (or an en dash) from `pos`: "BDVTW-BCA", "QH14",
// "ĐUCA-V28". Each group starts with a letter and holds letters and digits.
std::vector<Group> read_groups(std::string_view s, std::size_t pos, std::size_t* end) {
  std::vector<Group> groups;
  std::size_t p = pos;
  while (true) {
    Group g;
    g.start = p;
    if (code_letter_at(s, p) == 0) break;
    while (p < s.size()) {
      if (const std::size_t l = code_letter_at(s, p)) {
        if ((l == 1 && s[p] >= 'a' && s[p] <= 'z') ||
            (l == 2 && static_cast<unsigned char>(s[p + 1]) == 0x91))
          g.all_upper = false;
        ++g.letters;
        p += l;
      } else if (is_digit(s[p])) {
        ++p;
      } else {
        break;
      }
    }
    g.end = p;
    if (g.end - g.start > 16) return {};
    groups.push_back(g);
    const std::size_t d = dash_at(s, p);
    if (d == 0 || code_letter_at(s, p + d) == 0) break;
    p += d;
  }
  // A code ends at a word boundary: "TW" in "TWx" or "TW5" is not an issuer.
  if (!groups.empty() && is_alnum_at(s, groups.back().end)) return {};
  *end = groups.empty() ? pos : groups.back().end;
  return groups;
}

std::string join_groups(std::string_view s, const std::vector<Group>& groups, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < groups.size(); ++i) {
    if (!out.empty()) out += '-';
    out += tidy_letters(s.substr(groups[i].start, groups[i].end - groups[i].start));
  }
  return out;
}

std::string pad_number(std::string_view digits) {
  std::string out;
  if (digits.size() == 1) out += '0';
  out.append(digits);
  return out;
}

// The characters that may stand right before a code's number.
bool number_boundary_ok(std::string_view s, std::size_t digits_start) {
  if (digits_start == 0) return true;
  if (is_alnum_before(s, digits_start)) return false;
  const char c = s[digits_start - 1];
  return c != '/' && c != '.' && c != '-' && c != ',' && c != ':' && dash_before(s, digits_start) == 0;
}

struct Code {
  std::size_t start = 0, end = 0;
  std::string id;
  std::string number;
  const KindAbbreviation* kind = nullptr;  // from the abbreviation in the code
  std::string issuer;
};

// Tries to read a code around the '/' at `slash`.
std::optional<Code> read_code(const ResourceTables& tables, std::string_view s,
                              std::size_t slash, bool lenient_case) {
  Code code;
  // Party shape: NUM [ ] DASH [ ] KIND / ISSUER(-ISSUER)*
  std::size_t p = slash;
  while (const std::size_t l = code_letter_before(s, p)) p -= l;
  if (p < slash) {
    const std::string_view kind_letters = s.substr(p, slash - p);
    std::size_t q = p;
    while (q > 0 && s[q - 1] == ' ') --q;
    const std::size_t d = dash_before(s, q);
    if (d == 0) return std::nullopt;
    q -= d;
    while (q > 0 && s[q - 1] == ' ') --q;
    std::size_t digits_end = q;
    while (q > 0 && is_digit(s[q - 1])) --q;
    if (q == digits_end || digits_end - q > 5) return std::nullopt;
    if (!number_boundary_ok(s, q) && !(q > 0 && s[q - 1] == ':')) return std::nullopt;
    // No spaces inside a code unless a dash is also there ("22- Ctr", "69 – HD").
    code.kind = find_kind(tables, kind_letters);
    if (!code.kind) return std::nullopt;
    std::size_t end = slash + 1;
    const auto groups = read_groups(s, slash + 1, &end);
    if (groups.empty()) return std::nullopt;
    // The issuer starts with a capital ("TW", "BDVTW"); "09-ct/abc" is prose.
    if (!lenient_case && !upper_initial(s, groups.front().start)) return std::nullopt;
    code.start = q;
    code.end = end;
    code.number = pad_number(s.substr(q, digits_end - q));
    code.issuer = join_groups(s, groups, 0);
    code.id = code.number + "-" + code.kind->canonical + "/" + code.issuer;
    return code;
  }
  // State shape: NUM / [YEAR /] [KIND -] ISSUER(-UNIT)*
  std::size_t q = slash;
  while (q > 0 && is_digit(s[q - 1])) --q;
  if (q == slash || slash - q > 5 || !number_boundary_ok(s, q)) return std::nullopt;
  code.start = q;
  code.number = pad_number(s.substr(q, slash - q));
  std::size_t r = slash + 1;
  std::string year;
  if (r + 5 <= s.size() && is_digit(s[r]) && is_digit(s[r + 1]) && is_digit(s[r + 2]) &&
      is_digit(s[r + 3]) && s[r + 4] == '/' && (s.compare(r, 2, "19") == 0 || s.compare(r, 2, "20") == 0)) {
    year = std::string(s.substr(r, 4));
    r += 5;
  }
  std::size_t end = r;
  const auto groups = read_groups(s, r, &end);
  if (groups.empty()) return std::nullopt;
  const Group& first = groups.front();
  const KindAbbreviation* kind = find_kind(tables, s.substr(first.start, first.end - first.start));
  std::string prefix = code.number + "/" + (year.empty() ? "" : year + "/");
  if (kind && groups.size() >= 2) {
    code.kind = kind;
    code.issuer = join_groups(s, groups, 1);
    code.id = prefix + kind->canonical + "-" + code.issuer;
  } else {
    // Issuer only ("09/CP", "24/2018/QH14", "915/CTK-CSCL"): capitals only, so that
    // "5/Tổng" or "lớp 5/a" stay prose.
    for (const Group& g : groups)
      if (!lenient_case && !g.all_upper) return std::nullopt;
    if (first.letters < 2 || kind) return std::nullopt;
    code.issuer = join_groups(s, groups, 0);
    code.id = prefix + code.issuer;
  }
  code.end = end;
  return code;
}

bool is_open_quote(std::string_view s, std::size_t pos, std::size_t* len) {
  for (std::string_view q : {"\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB", "\"", "'"})
    if (s.compare(pos, q.size(), q) == 0) {
      *len = q.size();
      return true;
    }
  return false;
}

// The quoted title starting with the opening quote at `open`; nested quotes of the
// same kind are balanced (a straight quote opens after a space, closes before one).
std::optional<std::string> read_quoted(std::string_view s, std::size_t open) {
  std::size_t len = 0;
  if (!is_open_quote(s, open, &len)) return std::nullopt;
  const std::string_view opener = s.substr(open, len);
  const bool curly_double = opener == "\xE2\x80\x9C";
  const bool curly_single = opener == "\xE2\x80\x98";
  const bool guillemet = opener == "\xC2\xAB";
  const char straight = opener.size() == 1 ? opener[0] : 0;
  const std::size_t body = open + len;
  int depth = 1;
  std::size_t p = body;
  const std::size_t limit = std::min(s.size(), body + 600);
  while (p < limit && s[p] != '\n') {
    std::size_t close_len = 0;
    if (curly_double || curly_single || guillemet) {
      const char* o = curly_double ? "\xE2\x80\x9C" : curly_single ? "\xE2\x80\x98" : "\xC2\xAB";
      const char* c = curly_double ? "\xE2\x80\x9D" : curly_single ? "\xE2\x80\x99" : "\xC2\xBB";
      if (s.compare(p, std::strlen(o), o) == 0) {
        ++depth;
        p += std::strlen(o);
        continue;
      }
      if (s.compare(p, std::strlen(c), c) == 0)
        close_len = std::strlen(c);
      else if (curly_double && s[p] == '"')
        close_len = 1;  // “…" happens in real pages
    } else if (s[p] == straight) {
      const bool letter_after = is_alnum_at(s, p + 1);
      const bool space_before = p == body || s[p - 1] == ' ' || s[p - 1] == '(';
      if (space_before && letter_after) {
        ++depth;
        ++p;
        continue;
      }
      close_len = 1;
    }
    if (close_len) {
      if (--depth == 0) {
        std::string_view inner = s.substr(body, p - body);
        while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
        while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
        if (inner.empty()) return std::nullopt;
        return std::string(inner);
      }
      p += close_len;
      continue;
    }
    std::size_t l = 0;
    decode_utf8(s, p, l);
    p += l;
  }
  return std::nullopt;
}

// The subject: a quoted title after the first "về" that follows the reference in
// the same clause ("… của Bộ Chính trị về “Tăng cường …”").
std::optional<std::string> find_subject(const Context& ctx, std::size_t from, std::size_t stop) {
  const std::string_view s = ctx.text;
  const std::size_t limit = std::min({s.size(), stop, from + 400});
  for (std::size_t p = from; p < limit; ++p) {
    const char c = s[p];
    if (c == '\n' || c == ';' || c == '.') return std::nullopt;
    if (c == ' ' && ctx.word_at(p + 1, "về") && !is_alnum_before(s, p + 1)) {
      std::size_t q = p + 1 + std::strlen("về");
      while (q < s.size() && s[q] == ' ') ++q;
      return read_quoted(s, q);
    }
    std::size_t quote_len = 0;
    if (is_open_quote(s, p, &quote_len))
      return std::nullopt;  // a quote before any "về" belongs to something else
  }
  return std::nullopt;
}

// The kind label ending right before `pos` ("Chỉ thị số ", "Chương trình phối hợp "):
// its start and kind, if any.
struct Label {
  std::size_t start = kNpos;
  std::size_t kind = 0;
};

Label label_before(const Context& ctx, std::size_t pos, bool need_so) {
  std::size_t end = pos;
  while (end > 0 && ctx.lowered[end - 1] == ' ') --end;
  if (end > 0 && ctx.lowered[end - 1] == ':') --end;
  const std::string_view so = "số";
  bool has_so = false;
  if (end >= so.size() && ctx.lowered.compare(end - so.size(), so.size(), so) == 0 &&
      !is_alnum_before(ctx.text, end - so.size())) {
    end -= so.size();
    has_so = true;
    while (end > 0 && ctx.lowered[end - 1] == ' ') --end;
  }
  if (need_so && !has_so) return {};
  for (const KindLabel& label : ctx.tables.kind_labels) {  // longest first
    if (label.key.size() > end) continue;
    const std::size_t start = end - label.key.size();
    if (ctx.lowered.compare(start, label.key.size(), label.key) == 0 &&
        !is_alnum_before(ctx.text, start))
      return {start, label.kind};
  }
  return {};
}

std::optional<std::string> issued_after(const Context& ctx, std::size_t pos, std::size_t* end) {
  std::size_t p = pos;
  while (p < ctx.text.size() && (ctx.text[p] == ' ' || ctx.text[p] == ',')) ++p;
  if (!ctx.word_at(p, "ngày")) return std::nullopt;
  p += std::strlen("ngày");
  while (p < ctx.text.size() && ctx.text[p] == ' ') ++p;
  const auto date = parse_full_date(ctx, p);
  if (!date) return std::nullopt;
  *end = date->end;
  return format_ymd(date->date);
}

void set_kind(Ref& ref, const ResourceTables& tables, std::size_t kind) {
  ref.kind = tables.doc_kinds[kind].slug;
  ref.kind_label = tables.doc_kinds[kind].label;
}

}  // namespace

void extract_refs(Context& ctx, std::vector<Ref>& out) {
  const std::string_view s = ctx.text;
  const ResourceTables& tables = ctx.tables;

  // Pass 1: every code, left to right.
  std::vector<Code> codes;
  for (std::size_t pos = 0; pos < s.size();) {
    const void* hit = std::memchr(s.data() + pos, '/', s.size() - pos);
    if (!hit) break;
    const std::size_t slash = static_cast<const char*>(hit) - s.data();
    pos = slash + 1;
    if (ctx.in_url(slash)) continue;
    if (!codes.empty() && slash < codes.back().end) continue;
    if (auto code = read_code(tables, s, slash, false)) {
      pos = code->end;
      codes.push_back(std::move(*code));
    }
  }
  for (const Code& code : codes) ctx.codes.push_back({code.start, code.end});

  // Pass 2: one entity per id, with label, issue date and subject.
  std::map<std::string, std::size_t> by_id;
  std::vector<bool> kind_from_label;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const Code& code = codes[i];
    const Label label = label_before(ctx, code.start, false);
    auto [it, inserted] = by_id.emplace(code.id, out.size());
    if (inserted) {
      Ref ref;
      ref.id = code.id;
      ref.number = code.number;
      ref.issuer = code.issuer;
      if (code.kind) set_kind(ref, tables, code.kind->kind);
      out.push_back(std::move(ref));
      kind_from_label.push_back(false);
    }
    Ref& ref = out[it->second];
    if (label.start != kNpos && !kind_from_label[it->second]) {
      set_kind(ref, tables, label.kind);
      kind_from_label[it->second] = true;
    }
    std::size_t after = code.end;
    if (auto issued = issued_after(ctx, code.end, &after); issued && !ref.issued) ref.issued = issued;
    const std::size_t stop = i + 1 < codes.size() ? codes[i + 1].start : s.size();
    if (!ref.subject) ref.subject = find_subject(ctx, after, stop);
    ref.mentions.push_back(make_mention(ctx, label.start != kNpos ? label.start : code.start, code.end));
  }

  // Pass 3: kind + "số" + number without a code ("Chỉ thị số 46"). When the article
  // also gives exactly one full code of that kind and number, the short form is a
  // mention of that entity (one document, one entity; DESIGN lists entities once),
  // so its id is the written code and id_inferred stays false. Only when no full
  // code matches does the reference stand alone with id null.
  const std::size_t full_refs = out.size();
  std::map<std::pair<std::string, std::string>, std::size_t> partial_by_key;
  const std::string_view so = "số";
  for (std::size_t pos = ctx.lowered.find(so); pos != kNpos; pos = ctx.lowered.find(so, pos + 1)) {
    if (is_alnum_before(s, pos) || ctx.in_url(pos)) continue;
    std::size_t p = pos + so.size();
    if (p >= s.size() || s[p] != ' ') continue;
    while (p < s.size() && s[p] == ' ') ++p;
    const std::size_t digits = p;
    while (p < s.size() && is_digit(s[p])) ++p;
    if (p == digits || p - digits > 5) continue;
    // The number must end the reference: not "số 09/CTr…", "số 09-CT…", "số 1.234".
    if (is_alnum_at(s, p) || (p < s.size() && (s[p] == '/' || dash_at(s, p))) ||
        (p + 1 < s.size() && (s[p] == '.' || s[p] == ',') && is_digit(s[p + 1])))
      continue;
    if (ctx.in_code(digits)) continue;
    const Label label = label_before(ctx, digits, true);
    if (label.start == kNpos) continue;
    const std::string number = pad_number(s.substr(digits, p - digits));
    const std::string& slug = tables.doc_kinds[label.kind].slug;
    std::size_t target = kNpos;
    int matches = 0;
    for (std::size_t r = 0; r < full_refs; ++r)
      if (out[r].kind == slug && out[r].number &&
          std::stoul(*out[r].number) == std::stoul(number)) {
        target = r;
        ++matches;
      }
    if (matches != 1) {
      auto [it, inserted] = partial_by_key.emplace(std::make_pair(slug, number), out.size());
      if (inserted) {
        Ref ref;
        set_kind(ref, tables, label.kind);
        ref.number = number;
        out.push_back(std::move(ref));
      }
      target = it->second;
    }
    Ref& ref = out[target];
    std::size_t after = p;
    if (auto issued = issued_after(ctx, p, &after); issued && !ref.issued) ref.issued = issued;
    if (!ref.subject) {
      const auto next_code = std::lower_bound(
          ctx.codes.begin(), ctx.codes.end(), p,
          [](const Span& span, std::size_t at) { return span.start < at; });
      ref.subject = find_subject(ctx, after, next_code == ctx.codes.end() ? s.size() : next_code->start);
    }
    ref.mentions.push_back(make_mention(ctx, label.start, p));
  }

  for (Ref& ref : out) tidy_mentions(ref.mentions);
  std::stable_sort(out.begin(), out.end(), [](const Ref& a, const Ref& b) {
    return a.mentions.front().start < b.mentions.front().start;
  });
}

std::optional<std::string> canonical_ref_id(std::string_view code, const ResourceTables& tables) {
  const std::string tidy = text::normalize(code);
  const std::string_view s = tidy;
  const auto slash = s.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto found = read_code(tables, s, slash, true);
  if (!found || found->start != 0 || found->end != s.size()) return std::nullopt;
  // Upper-case the issuer when it was typed in one case ("tw" -> "TW"); keep mixed
  // case as typed ("TTg").
  std::string issuer = found->issuer;
  const bool all_lower = std::none_of(issuer.begin(), issuer.end(),
                                      [](char c) { return c >= 'A' && c <= 'Z'; });
  if (all_lower) {
    std::string upper;
    for (char c : issuer) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    for (std::size_t i = 0; i + 1 < upper.size(); ++i)
      if (upper.compare(i, 2, "\xC4\x91") == 0) upper.replace(i, 2, "\xC4\x90");  // đ -> Đ
    const std::size_t at = found->id.rfind(found->issuer);
    found->id.replace(at, found->issuer.size(), upper);
  }
  return found->id;
}

}  // namespace tracuu::extract
