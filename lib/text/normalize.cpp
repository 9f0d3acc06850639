// normalize(): the one normaliser for documents, queries and gazetteer keys. Three
// passes: layout (line ends, Unicode spaces, invisible characters, Ð -> Đ, trimmed
// lines), then NFC, then canonical tone placement (tones.cpp). Layout comes before
// NFC so that removing an invisible character between a letter and a combining mark
// still ends up composed, which keeps normalize(normalize(x)) == normalize(x).
#include "tracuu/text.h"

#include <algorithm>

#include "text/case_table.h"
#include "text/icu.h"
#include "text/tones.h"
#include "text/utf8_util.h"

namespace tracuu::text {
namespace {

enum class Kind { Visible, Space, Newline, Removed, Replaced };

// Classifies a non-ASCII code point for the layout pass.
Kind classify(UChar32 c) {
  switch (c) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return Kind::Space;
    case 0x0085: case 0x2028: case 0x2029:
      return Kind::Newline;
    // Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible in print,
    // but they split words for the indexer and break exact matches.
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return Kind::Removed;
    default:
      return (c >= 0x2000 && c <= 0x200A) ? Kind::Space : Kind::Visible;
  }
}

// Builds the layout-normalised text: one space between words, trimmed lines, LF line
// ends, at most one blank line in a row, nothing blank at either end.
class LayoutWriter {
 public:
  explicit LayoutWriter(std::size_t size_hint) { out_.reserve(size_hint); }

  void visible(std::string_view bytes) {
    if (line_empty_) {
      if (!out_.empty()) out_.append(blank_line_ ? "\n\n" : "\n");
      line_empty_ = false;
      blank_line_ = false;
    } else if (space_) {
      out_.push_back(' ');
    }
    space_ = false;
    out_.append(bytes);
  }
  void space() { space_ = !line_empty_; }
  void newline() {
    if (!line_empty_) {
      line_empty_ = true;
    } else if (!out_.empty()) {
      blank_line_ = true;
    }
    space_ = false;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  bool line_empty_ = true;   // nothing visible on the current line yet
  bool space_ = false;       // a space is due before the next visible character
  bool blank_line_ = false;  // an empty line was seen since the last visible line
};

bool is_plain_ascii(unsigned char b) { return b > 0x20 && b < 0x7F; }

// True when the character at in[i] cannot be white space or an invisible character
// (those start with C2, E2, E3, EF, or E1 9A for U+1680). A cheap byte test, so it
// may say false for some visible characters; that only costs a little speed.
bool surely_visible(std::string_view in, std::size_t i) {
  unsigned char b = static_cast<unsigned char>(in[i]);
  if (b < 0x80) return is_plain_ascii(b);
  switch (b) {
    case 0xC2: case 0xE2: case 0xE3: case 0xEF:
      return false;
    case 0xE1:
      return i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) != 0x9A;
    default:
      return true;
  }
}

std::string clean_layout(std::string_view in) {
  LayoutWriter w(in.size());
  std::size_t run = 0;  // start of the visible bytes not yet written
  for (std::size_t i = 0; i < in.size();) {
    unsigned char b = static_cast<unsigned char>(in[i]);
    if (is_plain_ascii(b)) {
      ++i;
      continue;
    }
    // A lone space between visible characters needs no work: keep it in the run, which
    // saves a flush per word.
    if (b == ' ' && i > run && i + 1 < in.size() && surely_visible(in, i + 1)) {
      ++i;
      continue;
    }
    std::size_t start = i;
    Kind kind = Kind::Visible;
    std::string_view replacement;
    if (b < 0x80) {
      ++i;
      switch (b) {
        case '\r':
          if (i < in.size() && in[i] == '\n') ++i;
          kind = Kind::Newline;
          break;
        case '\n': case '\v': case '\f':
          kind = Kind::Newline;
          break;
        case ' ': case '\t':
          kind = Kind::Space;
          break;
        default:  // other control characters and DEL: kept, not ours to judge
          continue;
      }
    } else {
      UChar32 c = detail::next_code_point(in, i);
      if (c < 0) {
        // The contract asks for valid UTF-8; repair rather than fail.
        kind = Kind::Replaced;
        replacement = "\xEF\xBF\xBD";
      } else {
        kind = classify(c);
        if (kind == Kind::Visible) {
          if (c != 0x00D0) continue;  // part of the current visible run
          // U+00D0 (eth) is a common look-alike of Đ in Vietnamese text.
          kind = Kind::Replaced;
          replacement = "\xC4\x90";
        }
      }
    }
    if (start > run) w.visible(in.substr(run, start - run));
    run = i;
    switch (kind) {
      case Kind::Space: w.space(); break;
      case Kind::Newline: w.newline(); break;
      case Kind::Replaced: w.visible(replacement); break;
      case Kind::Removed: case Kind::Visible: break;
    }
  }
  if (in.size() > run) w.visible(in.substr(run));
  return w.take();
}

}  // namespace

namespace detail {

std::string to_nfc(std::string text) {
  constexpr std::size_t kPiece = std::size_t{1} << 30;
  if (surely_nfc(text)) return text;
  if (text.size() <= kPiece) {
    const Icu& u = icu();
    const std::u16string wide = utf16(text);
    UErrorCode status = U_ZERO_ERROR;
    if (u.is_normalized(u.nfc, wide.data(), static_cast<int32_t>(wide.size()), &status) && U_SUCCESS(status))
      return text;
    return utf8(normalize16(u.nfc, wide));
  }
  std::string out;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t cut = rest.size() <= kPiece ? rest.size() : rest.rfind('\n', kPiece);
    if (cut == std::string_view::npos || cut == 0) cut = std::min(rest.size(), kPiece);
    while (cut < rest.size() && (static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80) --cut;
    out += to_nfc(std::string(rest.substr(0, cut)));
    rest.remove_prefix(cut);
  }
  return out;
}

}  // namespace detail

bool layout_is_clean(std::string_view utf8) { return clean_layout(utf8) == utf8; }

std::string normalize(std::string_view utf8) {
  // Text of characters NFC leaves alone (most Vietnamese text, which pages write in
  // NFC) skips ICU (to_nfc()): a search process whose query is such text never loads it.
  return detail::canonical_tones(detail::to_nfc(clean_layout(utf8)));
}

}  // namespace tracuu::text
