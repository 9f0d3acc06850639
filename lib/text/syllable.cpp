// Vietnamese syllable spelling check. A written syllable is onset + vowel cluster
// (nucleus, with its glides) + final consonant, with at most one tone mark; every part
// comes from a short closed list, so a few small tables in code do (decode() has no
// Resources). Wrongly decoded legacy text breaks these rules in almost every word
// ("Chỉ thị" read as VISCII through Windows-1258 gives "Chï thž"), which is what
// decode() measures.
#include "text/syllable.h"

#include <string>

#include <unicode/utf16.h>

#include "text/icu.h"
#include "text/utf8_util.h"

namespace tracuu::text::detail {
namespace {

enum class Tone { None, Grave, Acute, Hook, Tilde, Dot };

// How a vowel cluster combines with a final consonant.
enum class Coda { Never, Optional, Required };

struct Nucleus {
  std::u32string_view vowels;
  Coda coda;
};

// Every vowel cluster of standard spelling, tone marks removed. "qu" and "gi" onsets
// are split off before lookup, so "quý" is qu + y and "giữa" is gi + ưa.
constexpr Nucleus kNuclei[] = {
    {U"a", Coda::Optional},   {U"ă", Coda::Required},   {U"â", Coda::Required},
    {U"e", Coda::Optional},   {U"ê", Coda::Optional},   {U"i", Coda::Optional},
    {U"o", Coda::Optional},   {U"ô", Coda::Optional},   {U"ơ", Coda::Optional},
    {U"u", Coda::Optional},   {U"ư", Coda::Optional},   {U"y", Coda::Optional},
    {U"oa", Coda::Optional},  {U"oe", Coda::Optional},  {U"uê", Coda::Optional},
    {U"uy", Coda::Optional},  {U"iê", Coda::Required},  {U"yê", Coda::Required},
    {U"uô", Coda::Required},  {U"ươ", Coda::Required},  {U"oă", Coda::Required},
    {U"uâ", Coda::Required},  {U"oo", Coda::Required},  {U"uyê", Coda::Required},
    {U"ai", Coda::Never},     {U"ao", Coda::Never},     {U"au", Coda::Never},
    {U"ay", Coda::Never},     {U"âu", Coda::Never},     {U"ây", Coda::Never},
    {U"eo", Coda::Never},     {U"êu", Coda::Never},     {U"ia", Coda::Never},
    {U"iu", Coda::Never},     {U"oi", Coda::Never},     {U"ôi", Coda::Never},
    {U"ơi", Coda::Never},     {U"ui", Coda::Never},     {U"ưi", Coda::Never},
    {U"ưu", Coda::Never},     {U"ua", Coda::Never},     {U"ưa", Coda::Never},
    {U"uơ", Coda::Never},     {U"iêu", Coda::Never},    {U"yêu", Coda::Never},
    {U"oai", Coda::Never},    {U"oay", Coda::Never},    {U"oao", Coda::Never},
    {U"oeo", Coda::Never},    {U"uây", Coda::Never},    {U"uôi", Coda::Never},
    {U"ươi", Coda::Never},    {U"ươu", Coda::Never},    {U"uya", Coda::Never},
    {U"uyu", Coda::Never},
};

constexpr std::u32string_view kOnsets[] = {
    U"",  U"b",  U"c",  U"ch", U"d",  U"đ",  U"g",  U"gh", U"gi", U"h",  U"k",  U"kh", U"l",
    U"m", U"n",  U"ng", U"ngh", U"nh", U"p", U"ph", U"qu", U"r",  U"s",  U"t",  U"th", U"tr",
    U"v", U"x"};

constexpr std::u32string_view kCodas[] = {U"", U"c", U"ch", U"m", U"n", U"ng", U"nh", U"p", U"t"};

template <typename Range>
bool contains(const Range& range, std::u32string_view s) {
  for (std::u32string_view x : range) {
    if (x == s) return true;
  }
  return false;
}

const Nucleus* find_nucleus(std::u32string_view vowels) {
  for (const Nucleus& n : kNuclei) {
    if (n.vowels == vowels) return &n;
  }
  return nullptr;
}

bool is_vowel(char32_t c) { return std::u32string_view(U"aăâeêioôơuưy").find(c) != std::u32string_view::npos; }

// The base letters of a word (lower case, tone marks removed, ă â ê ô ơ ư đ kept) and
// its tone; false when a character is not a Vietnamese letter, there are two tones, or
// an upper-case letter follows a lower-case one.
class Letters {
 public:
  bool add(UChar32 c) {
    switch (c) {
      case 0x0300: return set_tone(Tone::Grave);
      case 0x0301: return set_tone(Tone::Acute);
      case 0x0309: return set_tone(Tone::Hook);
      case 0x0303: return set_tone(Tone::Tilde);
      case 0x0323: return set_tone(Tone::Dot);
      case 0x0302: return modify(U"aâ" U"eê" U"oô");
      case 0x0306: return modify(U"aă");
      case 0x031B: return modify(U"oơ" U"uư");
      default: break;
    }
    // Mixed case inside a word ("vỔ", "trỔo") is how TCVN3 and VISCII capitals show
    // up when read with the wrong table; real words are "ủy", "Ủy" or "ỦY".
    if (icu().is_upper(c)) {
      if (seen_lower_) return false;
      c = icu().to_lower_char(c);
    } else {
      seen_lower_ = true;
    }
    bool latin = c >= 'a' && c <= 'z' && c != 'f' && c != 'j' && c != 'w' && c != 'z';
    if (!latin && c != 0x0111) return false;  // đ
    letters_.push_back(static_cast<char32_t>(c));
    return true;
  }
  std::u32string_view letters() const { return letters_; }
  Tone tone() const { return tone_; }

 private:
  // Tone marks sit on vowels; one on a consonant is a stray Windows-1258 byte.
  bool set_tone(Tone t) {
    if (letters_.empty() || !is_vowel(letters_.back()) || tone_ != Tone::None) return false;
    tone_ = t;
    return true;
  }
  // `pairs` lists plain -> modified letters; the last letter must be a plain one.
  bool modify(std::u32string_view pairs) {
    if (letters_.empty()) return false;
    for (std::size_t i = 0; i + 1 < pairs.size(); i += 2) {
      if (letters_.back() == pairs[i]) {
        letters_.back() = pairs[i + 1];
        return true;
      }
    }
    return false;
  }

  std::u32string letters_;
  Tone tone_ = Tone::None;
  bool seen_lower_ = false;
};

bool check_parts(std::u32string_view onset, std::u32string_view vowels,
                 std::u32string_view coda, Tone tone) {
  if (!contains(kOnsets, onset) || !contains(kCodas, coda)) return false;
  const Nucleus* nucleus = find_nucleus(vowels);
  if (!nucleus) return false;
  if (coda.empty() ? nucleus->coda == Coda::Required : nucleus->coda == Coda::Never) {
    return false;
  }
  // A stop final only takes sắc or nặng: "các", "học", never "cac" or "hòc".
  if ((coda == U"c" || coda == U"ch" || coda == U"p" || coda == U"t") &&
      tone != Tone::Acute && tone != Tone::Dot) {
    return false;
  }
  std::u32string_view palatal_before = U"aêiy";  // anh, ênh, inh, uynh
  if ((coda == U"ch" || coda == U"nh") &&
      palatal_before.find(vowels.back()) == std::u32string_view::npos) {
    return false;
  }
  // k, gh, ngh spell /k ɣ ŋ/ before front vowels only (c, g, ng elsewhere).
  if (onset == U"k" && std::u32string_view(U"eêiy").find(vowels.front()) == std::u32string_view::npos) {
    return false;
  }
  if ((onset == U"gh" || onset == U"ngh") &&
      std::u32string_view(U"eêi").find(vowels.front()) == std::u32string_view::npos) {
    return false;
  }
  return true;
}

}  // namespace

bool is_vietnamese_syllable(std::u32string_view word) {
  constexpr std::size_t kLongest = 8;  // "nghiêng", "nghiêng" + a stray letter
  if (word.empty() || word.size() > 2 * kLongest) return false;
  Letters letters;
  for (char32_t c : word) {
    UChar parts[32];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n = icu().decomposition(icu().nfd, static_cast<UChar32>(c), parts, 32, &status);
    if (n > 0 && U_SUCCESS(status)) {
      for (int32_t i = 0; i < n;) {
        UChar32 part;
        U16_NEXT(parts, i, n, part);
        if (!letters.add(part)) return false;
      }
    } else if (!letters.add(static_cast<UChar32>(c))) {
      return false;
    }
  }
  std::u32string_view all = letters.letters();
  if (all.size() > kLongest) return false;
  std::size_t vowel_start = 0;
  while (vowel_start < all.size() && !is_vowel(all[vowel_start])) ++vowel_start;
  std::size_t vowel_end = vowel_start;
  while (vowel_end < all.size() && is_vowel(all[vowel_end])) ++vowel_end;
  if (vowel_end == vowel_start) return false;
  std::u32string_view onset = all.substr(0, vowel_start);
  std::u32string_view vowels = all.substr(vowel_start, vowel_end - vowel_start);
  std::u32string_view coda = all.substr(vowel_end);
  // "qu" and "gi" take a vowel letter into the onset: quốc = qu+ô+c, giữa = gi+ưa
  // (but gìn = g+i+n, so gi is only tried when a vowel is left).
  if (onset == U"q") {
    return vowels.size() > 1 && vowels[0] == U'u' &&
           check_parts(U"qu", vowels.substr(1), coda, letters.tone());
  }
  if (check_parts(onset, vowels, coda, letters.tone())) return true;
  return onset == U"g" && vowels.size() > 1 && vowels[0] == U'i' &&
         check_parts(U"gi", vowels.substr(1), coda, letters.tone());
}

VietnameseEvidence vietnamese_evidence(std::string_view utf8) {
  VietnameseEvidence evidence;
  std::u32string word;
  bool non_ascii = false;
  auto end_word = [&] {
    if (non_ascii) {
      ++evidence.words;
      if (is_vietnamese_syllable(word)) {
        ++evidence.valid;
      } else {
        ++evidence.invalid;
      }
    }
    word.clear();
    non_ascii = false;
  };
  for (std::size_t i = 0; i < utf8.size();) {
    UChar32 c = next_code_point(utf8, i);
    if (c < 0) c = kReplacement;
    const auto category = category_mask(c);
    if (category & (U_GC_L_MASK | U_GC_M_MASK)) {
      // Longer than any syllable already: keep only enough to fail the check.
      if (word.size() < 32) word.push_back(static_cast<char32_t>(c));
      non_ascii |= c >= 0x80;
      continue;
    }
    end_word();
    constexpr auto kSuspect = U_GC_S_MASK | U_GC_CC_MASK | U_GC_CN_MASK | U_GC_CO_MASK |
                              U_GC_CS_MASK;
    if (c >= 0x80 && ((category & kSuspect) || c == kReplacement)) ++evidence.invalid;
  }
  end_word();
  return evidence;
}

}  // namespace tracuu::text::detail
