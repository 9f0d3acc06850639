// Legacy Vietnamese encodings. Files saved before Unicode took over are Windows-1258,
// VISCII or TCVN3 (reference/search-anchors.md §4); no BOM or header says which, and
// ICU's detector knows none of them. So: if the non-ASCII bytes are mostly valid
// UTF-8, it is UTF-8 with a few bad bytes; otherwise decode a sample with each legacy
// encoding and keep the one whose words are Vietnamese syllables (syllable.cpp),
// provided it is convincing and clearly ahead. Anything else stays lossy UTF-8 with a
// warning: a wrong guess would index mojibake, which is worse than U+FFFD.
#include "text/legacy.h"

#include <algorithm>
#include <optional>

#include "text/convert.h"
#include "text/syllable.h"
#include "text/utf8_util.h"

namespace tracuu::text::detail {
namespace {

struct Legacy {
  const char* encoding;  // Decoded::encoding
  const char* label;     // in warnings
  const char* icu;       // ICU converter, tried first; nullptr when ICU has none
  const char* iconv;     // glibc iconv name
};

constexpr Legacy kLegacy[] = {
    {"windows-1258", "Windows-1258", "windows-1258", "CP1258"},
    {"viscii", "VISCII", nullptr, "VISCII"},
    {"tcvn3", "TCVN3", nullptr, "TCVN5712-1"},
};

// Scoring reads at most this much: a page of text settles it, and a 100 MB file must
// not be converted three times.
constexpr std::size_t kSampleBytes = 64 * 1024;
// Below this many words with non-ASCII letters there is too little to judge ("t\xE0i li\xEAu" is
// two valid Windows-1258 words, and also two Latin-1 ones).
constexpr std::size_t kMinWords = 3;
// The winner's share of Vietnamese syllables among its non-ASCII words, and its lead
// over the runner-up. Measured on the seed and fixture articles cut into pieces and
// encoded all three ways: right decodings score 0.95-1.0; wrong ones mostly below 0.5,
// but TCVN3 read as VISCII (both keep syllable shapes) reaches 0.8 on a 40-byte piece;
// Latin-1 French, German, Spanish, Portuguese stay below 0.2. With these values no
// piece was given a wrong encoding, and 99% of 80-byte pieces, all longer ones, got the
// right one; the rest fall back to UTF-8 with a warning.
constexpr double kConvincing = 0.8;
constexpr double kLead = 0.15;

std::string plural(std::size_t n, const std::string& what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

// C1 controls (U+0080..U+009F) as U+FFFD, counted in `bad`: ICU maps the holes of
// Windows-1258 (0x81, 0x8A, 0x8D..0x90, 0x9A, 0x9D, 0x9E) to them, where glibc refuses.
void replace_c1_controls(Converted& out) {
  std::string& text = out.text;
  if (text.find('\xC2') == std::string::npos) return;
  std::string clean;
  clean.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\xC2' && i + 1 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      clean.append("\xEF\xBF\xBD");
      ++out.bad;
      ++i;
    } else {
      clean.push_back(text[i]);
    }
  }
  text = std::move(clean);
}

std::optional<Converted> convert(const Legacy& legacy, std::string_view bytes) {
  Converted out;
  if (!(legacy.icu && convert_with_icu(bytes, legacy.icu, out)) &&
      !convert_with_iconv(bytes, legacy.iconv, out)) {
    return std::nullopt;
  }
  replace_c1_controls(out);
  // ICU's Windows-1258 gives base letters + combining tones; VISCII/TCVN3 through
  // glibc come out composed, but NFC costs nothing when there is nothing to do.
  out.text = to_nfc(std::move(out.text));
  return out;
}

// How many non-ASCII characters are well-formed UTF-8.
std::size_t count_utf8_sequences(std::string_view bytes) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
    } else if (next_code_point(bytes, i) >= 0) {
      ++count;
    }
  }
  return count;
}

// A prefix of at most kSampleBytes, cut after an ASCII space or line end so no word is
// split (one long line is cut anywhere: it scores the same).
std::string_view sample(std::string_view bytes) {
  if (bytes.size() <= kSampleBytes) return bytes;
  std::size_t cut = bytes.substr(0, kSampleBytes).find_last_of(" \n");
  return bytes.substr(0, cut == std::string_view::npos ? kSampleBytes : cut + 1);
}

struct Score {
  const Legacy* legacy = nullptr;
  VietnameseEvidence evidence;
};

}  // namespace

Decoded decode_not_utf8(std::string_view bytes, std::string lossy, std::size_t replaced) {
  Decoded result;
  result.encoding = "utf-8";
  const std::string lossy_warning =
      plural(replaced, "invalid UTF-8 byte sequence") + " replaced with U+FFFD";
  // A UTF-8 file with a few bad bytes (a truncated copy, one pasted Latin-1 word): its
  // accented letters are still mostly well-formed. Legacy text forms UTF-8 sequences
  // only by accident, far fewer than the bytes that fail.
  if (count_utf8_sequences(bytes) >= replaced) {
    result.text = std::move(lossy);
    result.warnings.push_back(lossy_warning);
    return result;
  }

  Score best, second;
  std::size_t words = 0;  // the most any decoding found
  const std::string_view part = sample(bytes);
  for (const Legacy& legacy : kLegacy) {
    std::optional<Converted> decoded = convert(legacy, part);
    if (!decoded) continue;  // iconv without the gconv module: that candidate is out
    Score score{&legacy, vietnamese_evidence(decoded->text)};
    words = std::max(words, score.evidence.words);
    if (!best.legacy || score.evidence.share() > best.evidence.share()) {
      second = best;
      best = score;
    } else if (!second.legacy || score.evidence.share() > second.evidence.share()) {
      second = score;
    }
  }

  if (!best.legacy || words < kMinWords) {
    result.text = std::move(lossy);
    result.warnings.push_back(lossy_warning);
    return result;
  }
  const double lead = best.evidence.share() - second.evidence.share();
  if (best.evidence.share() >= kConvincing && lead >= kLead) {
    if (std::optional<Converted> decoded = convert(*best.legacy, bytes)) {
      result.text = std::move(decoded->text);
      result.encoding = best.legacy->encoding;
      std::string warning = std::string("not UTF-8: decoded as ") + best.legacy->label;
      if (decoded->bad > 0) {
        warning += " (" + plural(decoded->bad, "unmapped byte") + " replaced with U+FFFD)";
      }
      result.warnings.push_back(std::move(warning));
      return result;
    }
  }
  std::string why = "Windows-1258, VISCII and TCVN3 do not fit";
  if (best.evidence.share() >= kConvincing && second.legacy) {  // two fit: no coin tossing
    why = std::string("could be ") + best.legacy->label + " or " + second.legacy->label;
  }
  result.text = std::move(lossy);
  result.warnings.push_back("not UTF-8, and the encoding could not be determined (" + why +
                            "): " + lossy_warning);
  return result;
}

}  // namespace tracuu::text::detail
