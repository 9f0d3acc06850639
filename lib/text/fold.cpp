// lower(), fold() and has_diacritics(): the keys the index and the query parser build
// for every word, so they run by table lookup (case_table.cpp) with an ASCII fast
// path, and go to ICU only for code points past the table or context-dependent case.
// fold() also strips loose combining marks, so NFD input folds like NFC input.
#include "tracuu/text.h"

#include <algorithm>
#include <climits>
#include <cstring>

#include "text/case_table.h"
#include "text/icu.h"
#include "text/utf8_util.h"

namespace tracuu::text {
namespace {

using detail::case_tables;
using detail::CaseTables;
using detail::kTableEnd;

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

inline char ascii_lower(unsigned char b) {
  return static_cast<char>(static_cast<unsigned>(b - 'A') < 26u ? b + 32 : b);
}

// A growable output buffer written through a raw pointer: the folding loops emit
// one to seven bytes per code point, and std::string::append per piece was the cost.
// A word (most calls: the indexer and the snippets fold every word) is written on the
// stack and becomes a string once; longer text goes to a string sized to the input.
class Writer {
 public:
  // Sized to the input: folding and lower-casing rarely grow text.
  explicit Writer(std::size_t hint) {
    if (hint + sizeof(detail::TableEntry) > sizeof small_) grow(hint);
  }
  char* room(std::size_t n) {
    if (pos_ + n > cap_) grow(std::max(cap_ * 2, pos_ + n));
    return data_ + pos_;
  }
  void put(char c) {
    *room(1) = c;
    ++pos_;
  }
  void put(std::string_view s) {
    std::memcpy(room(s.size()), s.data(), s.size());
    pos_ += s.size();
  }
  // Lower-cases the run of ASCII that starts at s[from] (most of a Vietnamese text's
  // bytes) in one go; returns where the run ends.
  std::size_t put_ascii_lower(std::string_view s, std::size_t from) {
    std::size_t end = from + 1;
    while (end < s.size() && static_cast<unsigned char>(s[end]) < 0x80) ++end;
    char* to = room(end - from);
    for (std::size_t k = from; k < end; ++k) *to++ = ascii_lower(static_cast<unsigned char>(s[k]));
    pos_ += end - from;
    return end;
  }
  // Copies a whole table entry (8 bytes, cheap and branch-free) and keeps `len` of
  // them; near the end of the buffer copies only `len`, so the buffer need not grow.
  void put(const detail::TableEntry& e) {
    if (pos_ + sizeof e <= cap_) {
      std::memcpy(data_ + pos_, &e, sizeof e);
    } else {
      std::memcpy(room(e.len), e.bytes, e.len);
    }
    pos_ += e.len;
  }
  std::string take() {
    if (data_ == small_) return std::string(small_, pos_);
    big_.resize(pos_);
    return std::move(big_);
  }

 private:
  void grow(std::size_t capacity) {
    const bool was_small = data_ == small_;
    big_.resize(capacity);
    if (was_small) std::memcpy(big_.data(), small_, pos_);
    data_ = big_.data();
    cap_ = big_.size();
  }

  char small_[64];
  std::string big_;
  char* data_ = small_;
  std::size_t cap_ = sizeof small_;
  std::size_t pos_ = 0;
};

// Past the table, most code points (CJK, emoji, symbols) neither decompose nor change
// case: two trie lookups instead of an ICU string round trip.
bool fold_is_identity(UChar32 c) {
  const detail::Icu& icu = detail::icu();
  return !detail::is_stripped_mark(c) && icu.is_inert(icu.nfd, c) &&
         !icu.has_binary_property(c, UCHAR_CHANGES_WHEN_LOWERCASED);
}

std::string icu_lower(std::string_view s) { return detail::utf8(detail::lower16(detail::utf16(s))); }

}  // namespace

std::string lower(std::string_view s) {
  const CaseTables& t = case_tables();
  Writer out(s.size());
  bool changed = false;  // a non-ASCII code point changed
  bool marks = false;    // a combining mark was seen
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      i = out.put_ascii_lower(s, i);
      continue;
    }
    std::size_t start = i;
    UChar32 c = detail::next_code_point(s, i);
    if (c < 0) {
      out.put(kReplacementUtf8);
      continue;
    }
    std::string_view original = s.substr(start, i - start);
    if (c < kTableEnd) {
      const std::uint16_t flags = t.flags[c];
      // Final sigma needs the neighbours: let ICU do the whole string (Greek is rare).
      if ((flags & detail::kLowerContext) && s.size() < INT32_MAX) return icu_lower(s);
      marks |= (flags & detail::kCombining) != 0;
      const detail::TableEntry& e = t.lower[c];
      if (flags & detail::kLowerTooLong) {
        out.put(detail::lower_code_point(c));
        changed = true;
      } else {
        out.put(e);
        changed |= (flags & detail::kLowerDiffers) != 0;
      }
    } else {
      const detail::Icu& icu = detail::icu();
      marks |= icu.combining_class(c) != 0;
      UChar32 l = icu.to_lower_char(c);  // past U+27FF full and simple lower-casing agree
      if (l == c) {
        out.put(original);
      } else {
        std::string bytes;
        detail::append_utf8(bytes, l);
        out.put(bytes);
        changed = true;
      }
    }
  }
  // Lower-casing NFC text stays NFC unless a changed letter meets a combining mark.
  if (changed && marks) return detail::to_nfc(out.take());
  return out.take();
}

std::string fold(std::string_view s) {
  const CaseTables& t = case_tables();
  Writer out(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      i = out.put_ascii_lower(s, i);
      continue;
    }
    std::size_t start = i;
    UChar32 c = detail::next_code_point(s, i);
    if (c < 0) {
      out.put(kReplacementUtf8);
    } else if (c < kTableEnd && !(t.flags[c] & (detail::kFoldTooLong | detail::kLowerContext))) {
      out.put(t.fold[c]);
    } else if (c < kTableEnd && (t.flags[c] & detail::kLowerContext) && s.size() < INT32_MAX) {
      // Σ folds as lower() cases it (σ or final ς), keeping fold(s) == fold(lower(s)).
      return fold(icu_lower(s));
    } else if (c >= kTableEnd && fold_is_identity(c)) {
      out.put(s.substr(start, i - start));
    } else {
      out.put(detail::fold_code_point(c));
    }
  }
  return out.take();
}

namespace {

// True when `test` holds for some non-ASCII code point of `s` (negative for a bad byte).
template <class Test>
bool any_non_ascii(std::string_view s, Test test) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    if (test(detail::next_code_point(s, i))) return true;
  }
  return false;
}

}  // namespace

bool fold_may_begin_word(std::string_view s, const std::array<bool, 256>& first) {
  const CaseTables& t = case_tables();
  bool begins = true;  // a word may begin at the next byte of the folded text
  // One byte of the folded text, in order.
  const auto next = [&](unsigned char b) {
    if (begins && first[b]) return true;
    begins = !((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_');
    return false;
  };
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (next(static_cast<unsigned char>(ascii_lower(b)))) return true;
      ++i;
      continue;
    }
    const UChar32 c = detail::next_code_point(s, i);
    // A bad byte, a code point past the table, or one cased by its context: fold() says.
    if (c < 0 || c >= kTableEnd || (t.flags[c] & (detail::kFoldTooLong | detail::kLowerContext))) return true;
    const detail::TableEntry& folded = t.fold[c];  // empty for a mark fold() strips
    for (std::uint8_t k = 0; k < folded.len; ++k)
      if (next(static_cast<unsigned char>(folded.bytes[k]))) return true;
  }
  return false;
}

FoldStarts::FoldStarts(const std::array<bool, 256>& first) {
  std::uint64_t want[2] = {0, 0};
  bool beyond_ascii = false;  // a marked byte no ASCII character folds to
  for (int b = 0; b < 256; ++b) {
    if (!first[b]) continue;
    if (b < 0x80) want[b / 64] |= std::uint64_t{1} << (b % 64);
    else beyond_ascii = true;
  }
  const detail::FoldBlocks& table = detail::fold_blocks();
  constexpr int kBlocks = kTableEnd >> 6;
  const auto block = [&](int n) {  // code points n * 64 .. n * 64 + 63
    return beyond_ascii || n >= kBlocks || (table.ascii[n][0] & want[0]) != 0 || (table.ascii[n][1] & want[1]) != 0;
  };
  for (int b = 0; b < 0x80; ++b) {
    const auto lower = static_cast<unsigned char>(ascii_lower(static_cast<unsigned char>(b)));
    byte_[b] = first[lower];
  }
  for (int b = 0xC2; b < 0xE0; ++b) byte_[b] = block(b & 0x1F);
  for (int b = 0xE0; b < 0xF5; ++b) byte_[b] = true;  // three bytes: decided with the second; four: past the table
  for (int n = 0; n < 1024; ++n) block_[n] = block(n);
}

bool has_diacritics(std::string_view s) {
  const CaseTables& t = case_tables();
  return any_non_ascii(s, [&](UChar32 c) {
    if (c < 0) return false;
    if (c < kTableEnd) return (t.flags[c] & detail::kFoldDiffers) != 0;
    return !fold_is_identity(c) && detail::fold_code_point(c) != detail::lower_code_point(c);
  });
}

namespace detail {

bool surely_nfc(std::string_view text) {
  const CaseTables& t = case_tables();
  return !any_non_ascii(text, [&](UChar32 c) { return c < 0 || c >= kTableEnd || !(t.flags[c] & kNfcStable); });
}

}  // namespace detail

}  // namespace tracuu::text
