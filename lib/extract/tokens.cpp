// Tokenizer and UTF-8 helpers shared by the extractors and the data loader.
// Classification uses ICU's character properties; lower-casing goes through
// text::lower so gazetteer keys and article keys come from the same normaliser.
#include "extract/tokens.h"

#include "text/case_table.h"
#include "text/icu.h"
#include "tracuu/text.h"

namespace tracuu::extract {

char32_t decode_utf8(std::string_view s, std::size_t pos, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    len = 1;
    return b0;
  }
  int need = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    need = 1;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    need = 2;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    need = 3;
    cp = b0 & 0x07;
  } else {
    len = 1;
    return 0xFFFD;
  }
  if (pos + static_cast<std::size_t>(need) >= s.size()) {
    len = 1;
    return 0xFFFD;
  }
  for (int i = 1; i <= need; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) {
      len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  len = static_cast<std::size_t>(need) + 1;
  return cp;
}

namespace {

namespace table = text::detail;

// ICU's character classes of `cp`, as TableFlag bits: from the build-time table for
// the code points an article is made of, from ICU itself past it.
std::uint16_t char_class(char32_t cp, const table::CaseTables& tables = table::case_tables()) {
  if (cp < static_cast<char32_t>(table::kTableEnd)) return tables.flags[cp];
  return table::char_classes(static_cast<UChar32>(cp));
}

// decode_utf8 with ASCII, most of the text, handled inline.
inline char32_t next_code_point(std::string_view s, std::size_t pos, std::size_t& len) {
  const auto b = static_cast<unsigned char>(s[pos]);
  if (b < 0x80) {
    len = 1;
    return b;
  }
  return decode_utf8(s, pos, len);
}

}  // namespace

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return (char_class(cp) & (table::kAlpha | table::kMark)) != 0;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return (char_class(cp) & table::kUpper) != 0;
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v' ||
         (cp >= 0x80 && (char_class(cp) & table::kSpace) != 0);
}

bool is_alnum_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return false;
  std::size_t len = 0;
  const char32_t cp = decode_utf8(s, pos, len);
  return (cp >= '0' && cp <= '9') || is_letter(cp);
}

bool is_alnum_before(std::string_view s, std::size_t pos) {
  if (pos == 0 || pos > s.size()) return false;
  std::size_t start = pos - 1;
  // Step back over continuation bytes to the lead byte (at most 3).
  for (int i = 0; i < 3 && start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80;
       ++i)
    --start;
  return is_alnum_at(s, start);
}

namespace {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t utf8_length(char32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// Fallback for text whose lower-case form changes length (a Kelvin sign, a dotted
// capital I): lower each code point only where that keeps its byte length.
std::string lower_per_code_point(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    const char32_t cp = decode_utf8(text, i, len);
    const auto lowered = static_cast<char32_t>(text::detail::icu().to_lower_char(static_cast<UChar32>(cp)));
    if (cp != 0xFFFD && utf8_length(lowered) == len)
      append_utf8(out, lowered);
    else
      out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace

std::string lower_aligned(std::string_view text) {
  std::string lowered = text::lower(text);
  if (lowered.size() == text.size()) return lowered;
  return lower_per_code_point(text);
}

std::vector<Token> tokenize(std::string_view text, std::string_view lowered) {
  const table::CaseTables& tables = table::case_tables();
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4);
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t len = 0;
    const char32_t cp = next_code_point(text, i, len);
    if (cp == '\n') {
      tokens.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1),
                        TokenKind::Newline, false, false, lowered.substr(i, 1)});
      i += 1;
      continue;
    }
    const std::uint16_t first = char_class(cp, tables);
    if (first & table::kSpace) {  // ICU's White_Space, \t and \r among them
      i += len;
      continue;
    }
    Token t;
    t.start = static_cast<std::uint32_t>(i);
    if (cp >= '0' && cp <= '9') {
      std::size_t j = i;
      while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
      t.kind = TokenKind::Number;
      i = j;
    } else if (first & (table::kAlpha | table::kMark)) {
      t.kind = TokenKind::Word;
      t.capitalised = (first & table::kUpper) != 0;
      int letters = 0;
      bool all_upper = true;
      std::size_t j = i;
      while (j < text.size()) {
        std::size_t l = 0;
        const std::uint16_t cls = char_class(next_code_point(text, j, l), tables);
        if ((cls & (table::kAlpha | table::kMark)) == 0) break;
        if (cls & table::kAlpha) {
          ++letters;
          if (!(cls & table::kUpper)) all_upper = false;
        }
        j += l;
      }
      t.all_caps = all_upper && letters > 1;
      i = j;
    } else {
      t.kind = TokenKind::Punct;
      i += len;
    }
    t.end = static_cast<std::uint32_t>(i);
    t.key = lowered.substr(t.start, t.end - t.start);
    tokens.push_back(t);
  }
  return tokens;
}

std::string phrase_key(std::string_view normalised_phrase) {
  const std::string lowered = lower_aligned(normalised_phrase);
  std::string key;
  for (const Token& t : tokenize(normalised_phrase, lowered)) {
    if (t.kind == TokenKind::Newline) continue;
    if (!key.empty()) key += ' ';
    key.append(t.key);
  }
  return key;
}

}  // namespace tracuu::extract
