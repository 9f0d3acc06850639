// Official extraction over tokens. A person is anchored by
//   honorific [rank] NAME (, TITLE)*     "đồng chí Đỗ Văn Chiến, Bí thư …"
//   rank NAME (, TITLE)*                 "Trung tướng Lê Quốc Hùng - Thứ trưởng …"
//   TITLE NAME (, TITLE)*                "Thứ trưởng Lê Quốc Hùng", "Trưởng Ban … Bùi Thị Minh Hoài"
//   TITLE, rank NAME                     "Bộ trưởng Bộ Công an, Đại tướng Tô Lâm"
//   NAME, TITLE (, TITLE)*               list items after "các đồng chí:" and ';'
// Without a rank or honorific a name must start with a family name from data/. Titles
// run to ',', ';', '.', ')', a newline or a stop word (data/title_stops.txt); places and
// organisations inside a title are skipped whole so "Lâm Đồng" is never a name.
#include "extract/officials.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "tracuu/text.h"

namespace tracuu::extract {

namespace {

constexpr std::size_t kMaxNameTokens = 5;
constexpr std::size_t kMaxTitleTokens = 30;

class Finder {
 public:
  Finder(const Context& ctx, std::vector<Official>& out) : ctx_(ctx), t_(ctx.tokens), out_(out) {}

  void run() {
    std::size_t i = 0;
    while (i < t_.size()) i = step(i);
  }

 private:
  bool word(std::size_t i) const { return i < t_.size() && t_[i].kind == TokenKind::Word; }
  bool punct(std::size_t i, std::string_view p) const {
    return i < t_.size() && t_[i].kind == TokenKind::Punct && t_[i].key == p;
  }
  bool is_dash(std::size_t i) const {
    return punct(i, "-") || punct(i, "\xE2\x80\x93") || punct(i, "\xE2\x80\x94");
  }
  bool separator(std::size_t i) const { return punct(i, ",") || is_dash(i); }

  std::size_t rank_at(std::size_t i) const { return match_phrase(ctx_, ctx_.tables.rank_phrases, i); }
  std::size_t honorific_at(std::size_t i) const { return match_phrase(ctx_, ctx_.tables.honorifics, i); }
  std::size_t place_at(std::size_t i) const { return match_phrase(ctx_, ctx_.tables.places, i); }
  std::size_t org_at(std::size_t i) const { return match_phrase(ctx_, ctx_.tables.organisations, i); }
  std::size_t stop_at(std::size_t i) const { return match_phrase(ctx_, ctx_.tables.title_stops, i); }
  // A fixed phrase that goes on inside a title ("và phòng, chống"): its token count.
  std::size_t continuation_at(std::size_t i) const {
    int role = 0;
    const std::size_t n = match_phrase(ctx_, ctx_.tables.titles, i, &role);
    return role == static_cast<int>(TitleRole::Continuation) ? n : 0;
  }
  // A lower-case unit word ("huyện", "thôn") at `i`: its token count.
  std::size_t unit_at(std::size_t i) const {
    return word(i) && !t_[i].capitalised ? match_phrase(ctx_, ctx_.tables.place_units, i) : 0;
  }
  // Capitalised, not all-caps words from `i` that are no rank, title or honorific.
  std::size_t capitalised_run(std::size_t i) const {
    std::size_t j = i;
    while (j < t_.size() && j - i <= kMaxNameTokens + 2 && word(j) && t_[j].capitalised &&
           !t_[j].all_caps && !anchor_at(j))
      ++j;
    return j - i;
  }
  bool family_at(std::size_t i) const {
    return word(i) && t_[i].capitalised && !t_[i].all_caps &&
           (t_[i].flags & ResourceTables::kFamilyName) != 0;
  }

  // A title start: [modifier] head, the head capitalised ("nguyên Bộ trưởng",
  // "Phó bí thư"). Returns its token count.
  std::size_t title_at(std::size_t i) const {
    int role = 0;
    std::size_t n = match_phrase(ctx_, ctx_.tables.titles, i, &role);
    if (n == 0 || role == static_cast<int>(TitleRole::Continuation)) return 0;
    if (role == static_cast<int>(TitleRole::Modifier)) {
      int head_role = 0;
      const std::size_t h = match_phrase(ctx_, ctx_.tables.titles, i + n, &head_role);
      if (h == 0 || head_role != static_cast<int>(TitleRole::Head) || !t_[i + n].capitalised)
        return 0;
      return n + h;
    }
    return t_[i].capitalised ? n : 0;
  }

  bool anchor_at(std::size_t i) const {
    return rank_at(i) || title_at(i) || honorific_at(i);
  }

  // A personal name at `i`: 2–5 capitalised syllables; with `need_family` the first
  // is a family name. Never a place, an organisation, a rank or a title.
  std::size_t name_at(std::size_t i, bool need_family) const {
    if (!word(i) || !t_[i].capitalised || t_[i].all_caps) return 0;
    if (need_family && !family_at(i)) return 0;
    if (place_at(i) || org_at(i) || anchor_at(i)) return 0;
    std::size_t j = i + 1;
    while (j < t_.size() && j - i < kMaxNameTokens + 1 && word(j) && t_[j].capitalised &&
           !t_[j].all_caps && !anchor_at(j))
      ++j;
    const std::size_t n = j - i;
    if (n < 2 || n > kMaxNameTokens) return 0;
    return n;
  }

  bool stops_title(std::size_t j) const {
    const Token& t = t_[j];
    if (t.kind == TokenKind::Newline) return true;
    if (t.kind == TokenKind::Punct) {
      static constexpr std::string_view kEnd[] = {",", ";", ".", ":", "(", ")", "!", "?",
                                                  "\xE2\x80\xA6", "-", "\xE2\x80\x93",
                                                  "\xE2\x80\x94"};
      for (std::string_view e : kEnd)
        if (t.key == e) return true;
      return false;
    }
    if (t.key == "và") {
      // "Ban Tuyên giáo và Dân vận" goes on; "… và đồng chí …", "… và Trưởng Ban …" end it.
      return !(word(j + 1) && t_[j + 1].capitalised && !anchor_at(j + 1) &&
               !name_at(j + 1, true));
    }
    // Stop words end a title only in lower case: "Ủy ban Kiểm tra" is a name,
    // "… kiểm tra tàu" is the sentence going on.
    return !t.capitalised && stop_at(j) > 0;
  }

  struct TitleSpan {
    std::size_t end = 0;        // token after the title
    bool name_follows = false;  // stopped at a personal name
  };

  // Reads a title starting at `i` (a rank or a title head there). `after_name`: the
  // title follows a person's name ("Trung tá A - Đồn trưởng Đồn Biên phòng Sơn Trà cho
  // biết"), so a two-word name that nothing follows is a place ending the title, not a
  // second person; without a name before, "Thứ trưởng Tô Lâm" names Tô Lâm.
  std::optional<TitleSpan> read_title(std::size_t i, bool after_name = false) const {
    std::size_t n = title_at(i);
    if (n == 0) n = rank_at(i);
    if (n == 0) return std::nullopt;
    std::size_t j = i + n;
    while (j < t_.size() && j - i < kMaxTitleTokens) {
      if (const std::size_t c = continuation_at(j)) {
        j += c;
        continue;
      }
      if (stops_title(j)) break;
      if (const std::size_t p = place_at(j)) {
        j += p;
        continue;
      }
      if (const std::size_t o = org_at(j); o > 1) {
        j += o;
        continue;
      }
      // "huyện Trần Đề", "thôn Đồng Sơn": the unit's name. Place names are mostly two
      // syllables and personal names mostly three, so a run of three after the unit
      // word is a name (the place left out), and a run of four or more is a place of
      // two then a name ("thôn Đồng Sơn Lê Quang Toản").
      if (const std::size_t u = unit_at(j)) {
        const std::size_t at = j + u;
        std::size_t place = place_at(at);
        if (place == 0) {
          const std::size_t run = capitalised_run(at);
          place = run == 3 ? 0 : std::min<std::size_t>(run, 2);
        }
        j = at + place;
        continue;
      }
      if (family_at(j)) {
        if (const std::size_t name = name_at(j, true)) {
          if (after_name && name == 2 && !name_has_titles(j + name)) {
            j += name;
            continue;
          }
          return TitleSpan{j, true};
        }
      }
      ++j;
    }
    return TitleSpan{j, false};
  }

  // True when titles follow a name ending before `j` (", Phó Chủ tịch …").
  bool name_has_titles(std::size_t j) const {
    return separator(j) && (title_at(j + 1) || rank_at(j + 1));
  }

  std::string span_text(std::size_t first, std::size_t last_exclusive) const {
    return std::string(ctx_.text.substr(t_[first].start, t_[last_exclusive - 1].end - t_[first].start));
  }

  // Records a person and reads the titles that follow the name; returns the token
  // where scanning resumes.
  std::size_t person(std::size_t name_start, std::size_t name_len, std::vector<std::string> titles) {
    std::size_t j = name_start + name_len;
    while (separator(j)) {
      const auto title = read_title(j + 1, true);
      if (!title || title->name_follows) break;  // "…, Bộ trưởng Tô Lâm" is someone else
      titles.push_back(span_text(j + 1, title->end));
      j = title->end;
    }
    add(name_start, name_len, titles);
    return j;
  }

  void add(std::size_t name_start, std::size_t name_len, const std::vector<std::string>& titles) {
    const std::size_t start = t_[name_start].start;
    const std::size_t end = t_[name_start + name_len - 1].end;
    const std::string name(ctx_.text.substr(start, end - start));
    auto [it, inserted] = index_.emplace(name, out_.size());
    if (inserted) out_.push_back(Official{name, {}, {}});
    Official& official = out_[it->second];
    for (const std::string& title : titles) add_title(official.titles, title);
    official.mentions.push_back(make_mention(ctx_, start, end));
  }

  // Keeps the fullest form of each title: "Bộ trưởng" then "Bộ trưởng Bộ Công an"
  // leaves one title, the long one, where the short one was first seen.
  static void add_title(std::vector<std::string>& titles, const std::string& title) {
    const std::string key = text::lower(title);
    for (std::string& existing : titles) {
      const std::string have = text::lower(existing);
      if (have == key) return;
      if (have.size() > key.size() && have.compare(0, key.size(), key) == 0 && have[key.size()] == ' ')
        return;
      if (key.size() > have.size() && key.compare(0, have.size(), have) == 0 && key[have.size()] == ' ') {
        existing = title;
        return;
      }
    }
    titles.push_back(title);
  }

  // honorific/rank path: [honorific] [':'] [rank] NAME …
  std::size_t anchored(std::size_t i, std::vector<std::string> titles) {
    std::size_t j = i;
    if (const std::size_t h = honorific_at(j)) {
      j += h;
      if (punct(j, ":")) ++j;
      if (title_at(j)) return titled(j, std::move(titles));
    }
    if (const std::size_t r = rank_at(j)) {
      titles.push_back(span_text(j, j + r));
      j += r;
    }
    if (j == i) return i + 1;
    if (const std::size_t n = name_at(j, false)) return person(j, n, std::move(titles));
    return j;
  }

  // title-first path: TITLE NAME …, or TITLE, rank/honorific NAME …
  std::size_t titled(std::size_t i, std::vector<std::string> titles) {
    const auto title = read_title(i);
    if (!title) return i + 1;
    titles.push_back(span_text(i, title->end));
    if (title->name_follows)
      return person(title->end, name_at(title->end, true), std::move(titles));
    if (separator(title->end) && (rank_at(title->end + 1) || honorific_at(title->end + 1)))
      return anchored(title->end + 1, std::move(titles));
    return title->end > i ? title->end : i + 1;
  }

  std::size_t step(std::size_t i) {
    if (t_[i].kind != TokenKind::Word) return i + 1;
    if (honorific_at(i) || rank_at(i)) return anchored(i, {});
    if (title_at(i)) return titled(i, {});
    // NAME, TITLE: a list item ("…; Hoàng Công Thủy, Phó Chủ tịch …").
    if (family_at(i)) {
      if (const std::size_t n = name_at(i, true); n && separator(i + n)) {
        const auto title = read_title(i + n + 1);
        if (title && !title->name_follows) return person(i, n, {});
      }
    }
    return i + 1;
  }

  const Context& ctx_;
  const std::vector<Token>& t_;
  std::vector<Official>& out_;
  std::map<std::string, std::size_t> index_;
};

}  // namespace

void extract_officials(const Context& ctx, std::vector<Official>& out) {
  Finder(ctx, out).run();
  for (Official& official : out) tidy_mentions(official.mentions);
}

}  // namespace tracuu::extract
