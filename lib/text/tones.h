// Tone-mark canonicalisation, the step of normalize() that unifies the two placement
// styles (kiểu cũ "hòa, thủy" and kiểu mới "hoà, thuỷ"). Internal to lib/text.
#pragma once

#include <string>

namespace tracuu::text::detail {

// Moves the tone mark of open "oa", "oe", "uy" syllables from the second vowel to
// the first ("hoà" -> "hòa", "UỶ" -> "ỦY"). `nfc` must be NFC; the result is NFC.
// Syllables with a following letter ("hoàn", "ngoài", "khuỷu"), "qu" + y ("quý"),
// and words whose onset is not a Vietnamese consonant ("Chloé") are left alone.
std::string canonical_tones(std::string nfc);

}  // namespace tracuu::text::detail
