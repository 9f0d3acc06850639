// html_to_text(): readable text from a saved news page with libxml2's forgiving HTML
// parser. Blocks become paragraphs, <br> a line break, inline elements run together;
// scripts, styles, navigation, forms and page chrome are dropped. The result is not
// normalised (normalize() does that), and nothing here throws.
#include "tracuu/text.h"

#include <algorithm>
#include <climits>
#include <initializer_list>
#include <memory>
#include <string_view>

#include <dlfcn.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

namespace tracuu::text {
namespace {

std::string_view name_of(const xmlNode* n) {
  return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

bool in_list(std::string_view name, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (x == name) return true;
  }
  return false;
}

bool is_inside(const xmlNode* n, std::initializer_list<std::string_view> names) {
  for (const xmlNode* p = n->parent; p; p = p->parent) {
    if (p->type == XML_ELEMENT_NODE && in_list(name_of(p), names)) return true;
  }
  return false;
}

// Elements whose content is never article text. <header>/<footer> inside an
// <article> or <main> hold the headline and byline, so only page-level ones go.
bool is_dropped(const xmlNode* n) {
  if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE || n->type == XML_DTD_NODE) {
    return true;
  }
  if (n->type != XML_ELEMENT_NODE) return false;
  std::string_view name = name_of(n);
  if (name == "header" || name == "footer") return !is_inside(n, {"article", "main"});
  return in_list(name, {"head", "script", "style", "noscript", "nav", "aside", "form",
                        "iframe", "svg", "math", "button", "select", "textarea", "template",
                        "object", "embed", "canvas", "audio", "video"});
}

bool is_block(std::string_view name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return true;
  return in_list(name, {"p",       "div",     "li",        "ul",         "ol",     "dl",
                        "dt",      "dd",      "tr",        "td",         "th",     "table",
                        "thead",   "tbody",   "tfoot",     "caption",    "blockquote",
                        "section", "article", "main",      "figure",     "figcaption",
                        "pre",     "address", "center",    "details",    "summary",
                        "hgroup",  "fieldset", "legend",   "dialog",     "hr",     "body",
                        "header",  "footer",  "html"});
}

bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Collects text with HTML's whitespace rules: runs of white space are one space,
// breaks requested by elements are emitted lazily so none lead or trail.
class TextBuilder {
 public:
  void text(std::string_view s, bool preformatted) {
    for (char c : s) {
      if (!is_html_space(c)) {
        flush();
        out_.push_back(c);
      } else if (preformatted && c == '\n') {
        line_break();
      } else if (!preformatted || c != '\r') {
        space_ = true;
      }
    }
  }
  void line_break() { breaks_ = std::max(breaks_, 1); }
  void paragraph_break() { breaks_ = 2; }
  std::string take() { return std::move(out_); }

 private:
  void flush() {
    if (!out_.empty()) {
      if (breaks_ > 0) {
        out_.append(breaks_ == 1 ? "\n" : "\n\n");
      } else if (space_) {
        out_.push_back(' ');
      }
    }
    breaks_ = 0;
    space_ = false;
  }

  std::string out_;
  int breaks_ = 0;
  bool space_ = false;
};

// Depth-first walk over `root`'s subtree without recursion (malformed pages nest
// deeply), skipping dropped subtrees; calls enter/leave for every element kept and
// on_text for every text node.
template <typename Enter, typename Leave, typename Text>
void walk(xmlNode* root, Enter enter, Leave leave, Text on_text) {
  if (!root || is_dropped(root)) return;
  xmlNode* node = root;
  for (;;) {
    bool kept = !is_dropped(node);
    if (kept) {
      if (node->type == XML_ELEMENT_NODE) {
        if (!enter(node)) return;
      } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content) on_text(node, reinterpret_cast<const char*>(node->content));
      }
    }
    if (kept && node->type == XML_ELEMENT_NODE && node->children) {
      node = node->children;
      continue;
    }
    if (kept && node->type == XML_ELEMENT_NODE) leave(node);
    while (node != root && !node->next) {
      node = node->parent;
      leave(node);
    }
    if (node == root) return;
    node = node->next;
  }
}

std::string collapsed_text(xmlNode* n) {
  TextBuilder b;
  walk(
      n, [](xmlNode*) { return true; }, [](xmlNode*) {},
      [&](xmlNode*, std::string_view s) { b.text(s, false); });
  return b.take();
}

// First element called `name` in document order; with `visible_only`, only where
// text is collected (so a site logo in the page <header> does not win over the
// article's own <h1>).
xmlNode* find_first(xmlNode* root, std::string_view name, bool visible_only) {
  xmlNode* found = nullptr;
  auto enter = [&](xmlNode* n) {
    if (name_of(n) == name) found = n;
    return found == nullptr;
  };
  if (visible_only) {
    walk(root, enter, [](xmlNode*) {}, [](xmlNode*, std::string_view) {});
    return found;
  }
  for (xmlNode* n = root; n;) {
    if (n->type == XML_ELEMENT_NODE && name_of(n) == name && !is_inside(n, {"svg", "math"})) {
      return n;
    }
    if (n->children) {
      n = n->children;
      continue;
    }
    while (n != root && !n->next) n = n->parent;
    if (n == root) return nullptr;
    n = n->next;
  }
  return nullptr;
}

// libxml2 is loaded when the first HTML page is read, not at every start of the
// program: a search, which never parses HTML, starts without it (and without the
// libraries it pulls in). TRACUU_LIBXML2_SONAME is the library the build found.
struct LibXml {
  decltype(&::xmlInitParser) init_parser = nullptr;
  decltype(&::htmlReadMemory) read_memory = nullptr;
  decltype(&::xmlDocGetRootElement) root_element = nullptr;
  decltype(&::xmlFreeDoc) free_doc = nullptr;
  std::string error;  // why it could not be loaded
};

template <typename Fn>
bool bind(void* handle, const char* name, Fn& fn, std::string& error) {
  fn = reinterpret_cast<Fn>(::dlsym(handle, name));
  if (!fn) error = std::string("no ") + name + " in " + TRACUU_LIBXML2_SONAME;
  return fn != nullptr;
}

// Once per process, thread-safe; xmlCleanupParser() is never called because other
// threads (and other libraries in the process) may still be parsing.
const LibXml& libxml() {
  static const LibXml lib = [] {
    LibXml l;
    void* handle = ::dlopen(TRACUU_LIBXML2_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = ::dlerror();
      l.error = why ? why : "cannot load " TRACUU_LIBXML2_SONAME;
      return l;
    }
    if (bind(handle, "xmlInitParser", l.init_parser, l.error) &&
        bind(handle, "htmlReadMemory", l.read_memory, l.error) &&
        bind(handle, "xmlDocGetRootElement", l.root_element, l.error) &&
        bind(handle, "xmlFreeDoc", l.free_doc, l.error)) {
      l.init_parser();
    } else {
      l.read_memory = nullptr;
    }
    return l;
  }();
  return lib;
}

}  // namespace

HtmlText html_to_text(std::string_view html) {
  HtmlText result;
  if (html.empty()) return result;
  if (html.size() > static_cast<std::size_t>(INT_MAX)) {
    result.warnings.push_back("HTML document larger than 2 GiB: not parsed");
    return result;
  }
  const LibXml& xml = libxml();
  if (!xml.read_memory) {
    result.warnings.push_back("HTML not parsed: libxml2 is unavailable (" + xml.error + ")");
    return result;
  }
  auto free_doc = [&xml](xmlDoc* d) { xml.free_doc(d); };
  // XML_PARSE_HUGE: without it libxml2 stops at nesting depth 256 and drops the rest
  // of the page, and unclosed <span>/<font> tags in old pages get there easily.
  // Memory stays bounded by the input size; the walk below is not recursive.
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | XML_PARSE_HUGE;
  std::unique_ptr<xmlDoc, decltype(free_doc)> doc(
      xml.read_memory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", kOptions), free_doc);
  xmlNode* root = doc ? xml.root_element(doc.get()) : nullptr;
  if (!root) {
    result.warnings.push_back("HTML could not be parsed: no text extracted");
    return result;
  }

  TextBuilder body;
  int pre_depth = 0;
  walk(
      root,
      [&](xmlNode* n) {
        std::string_view name = name_of(n);
        if (name == "br") {
          body.line_break();
        } else if (is_block(name)) {
          body.paragraph_break();
        }
        if (name == "pre") ++pre_depth;
        return true;
      },
      [&](xmlNode* n) {
        std::string_view name = name_of(n);
        if (is_block(name)) body.paragraph_break();
        if (name == "pre") --pre_depth;
      },
      [&](xmlNode*, std::string_view s) { body.text(s, pre_depth > 0); });
  result.text = body.take();

  if (xmlNode* title = find_first(root, "title", false)) result.title = collapsed_text(title);
  if (result.title.empty()) {
    xmlNode* h1 = find_first(root, "h1", true);
    if (!h1) h1 = find_first(root, "h1", false);
    if (h1) result.title = collapsed_text(h1);
  }
  return result;
}

}  // namespace tracuu::text
