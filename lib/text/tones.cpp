// Canonical tone placement for normalize(): the traditional style (kiểu cũ) marks the
// first vowel of an open "oa", "oe", "uy" syllable, the modern style (kiểu mới) the
// second; news sites mix both, even in one article ("Uỷ viên" / "Ủy viên"), and NFC
// does not unify them (reference/vietnamese.md §5). kiểu cũ is the majority style in
// press text, so it is canonical. The tables come from ICU's composition data, read at
// build time (case_table.h), so a search process does not load ICU's normaliser here.
#include "text/tones.h"

#include <array>
#include <string_view>

#include "text/case_table.h"
#include "text/utf8_util.h"

namespace tracuu::text::detail {
namespace {

// The toned vowels that can end a modern-style open syllable live in two small
// ranges (Latin-1 à..ý and Latin Extended Additional ạ..ỹ); one slot per code point.
constexpr UChar32 kLatin1First = 0x00C0, kLatin1Last = 0x00FF;
constexpr UChar32 kExtFirst = 0x1EA0, kExtLast = 0x1EFF;

struct SecondVowel {
  char base = 0;  // 'a', 'e', 'y' or upper case; 0 when the code point is not one
  int tone = 0;   // index into kToneMarks
};

struct ToneTables {
  std::array<SecondVowel, kLatin1Last - kLatin1First + 1> latin1{};
  std::array<SecondVowel, kExtLast - kExtFirst + 1> ext{};
  std::array<std::array<UChar32, 5>, 4> first{};  // toned o, O, u, U

  const SecondVowel* second(UChar32 c) const {
    if (c >= kLatin1First && c <= kLatin1Last) return &latin1[c - kLatin1First];
    if (c >= kExtFirst && c <= kExtLast) return &ext[c - kExtFirst];
    return nullptr;
  }
  SecondVowel* second(UChar32 c) {
    return const_cast<SecondVowel*>(static_cast<const ToneTables*>(this)->second(c));
  }
};

int first_index(char v) {
  switch (v) {
    case 'o': return 0;
    case 'O': return 1;
    case 'u': return 2;
    case 'U': return 3;
    default: return -1;
  }
}

const ToneTables& tables() {
  static const ToneTables t = [] {
    ToneTables built;
    const CaseTables& composed = case_tables();
    for (int base = 0; base < kTonedBaseCount; ++base) {
      const char letter = kTonedBases[base];
      for (int tone = 0; tone < 5; ++tone) {
        const UChar32 c = composed.toned[base][tone];
        if (const int first = first_index(letter); first >= 0) {
          built.first[first][tone] = c;
        } else if (SecondVowel* slot = built.second(c)) {
          *slot = {letter, tone};
        }
      }
    }
    return built;
  }();
  return t;
}

bool is_letter(UChar32 c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  const std::uint16_t classes = c < kTableEnd ? case_tables().flags[c] : char_classes(c);
  return (classes & (kAlpha | kMark)) != 0;
}

// True when the letters before `pos` (back to the previous non-letter) form a
// Vietnamese initial consonant other than "q" (whose u belongs to the onset: quý).
// Foreign words such as "Chloé" or "Joé" fail here and keep their spelling.
bool has_vietnamese_onset(std::string_view s, std::size_t pos) {
  static constexpr std::string_view kOnsets[] = {
      "",   "b",  "c",  "ch", "d",  "\xC4\x91", "g",   "gh", "gi", "h",  "k",  "kh", "l",
      "m",  "n",  "ng", "ngh", "nh", "p",       "ph",  "r",  "s",  "t",  "th", "tr", "v",
      "x"};
  std::string onset;
  std::size_t k = pos;
  for (int letters = 0;; ++letters) {
    std::size_t before = k;
    UChar32 c = previous_code_point(s, before);
    if (c < 0 || !is_letter(c)) break;
    if (letters == 3) return false;
    if (c < 0x80) {
      onset.insert(onset.begin(), static_cast<char>(c | 0x20));
    } else if (c == 0x0110 || c == 0x0111) {
      onset.insert(0, "\xC4\x91");
    } else {
      return false;
    }
    k = before;
  }
  for (std::string_view o : kOnsets) {
    if (onset == o) return true;
  }
  return false;
}

}  // namespace

std::string canonical_tones(std::string nfc) {
  const ToneTables& t = tables();
  const std::string_view s = nfc;
  std::string out;
  std::size_t copied = 0;  // s[0, copied) is already in `out`
  // Scan bytes for an ASCII o/O/u/U followed by a toned vowel (UTF-8 lead C3 for
  // à..ý, E1 for ạ..ỹ): only those few places are decoded, the rest is skipped.
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const char first = s[i];
    const char lower_first = static_cast<char>(first | 0x20);
    if (lower_first != 'o' && lower_first != 'u') continue;
    const unsigned char lead = static_cast<unsigned char>(s[i + 1]);
    if (lead != 0xC3 && lead != 0xE1) continue;
    std::size_t after = i + 1;
    const SecondVowel* v = t.second(next_code_point(s, after));
    if (!v || !v->base) continue;
    if ((lower_first == 'u') != ((v->base | 0x20) == 'y')) continue;  // oa, oe, uy only
    std::size_t next = after;
    if (after < s.size() && is_letter(next_code_point(s, next))) continue;  // not open
    if (!has_vietnamese_onset(s, i)) continue;
    if (out.empty()) out.reserve(s.size() + 8);
    out.append(s.substr(copied, i - copied));
    append_utf8(out, t.first[first_index(first)][v->tone]);
    out.push_back(v->base);
    copied = after;
    i = after - 1;
  }
  if (copied == 0) return nfc;
  out.append(s.substr(copied));
  return out;
}

}  // namespace tracuu::text::detail
