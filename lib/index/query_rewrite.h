// Query-string rewriting done before Xapian's parser sees the query: abbreviation
// synonyms both ways (ANTQ <-> "an ninh Tổ quốc"), and the check for unknown fields.
// Done on the searching side from data/, so it works the same over remote shards.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tracuu {
struct Abbreviation;
class AbbreviationTable;
}

namespace tracuu::index {

// The field names the query language knows ("ref", "kind", ...).
const std::vector<std::string>& known_fields();

// Throws tracuu::Error(ErrorKind::Query) naming an unknown `name:` field and the closest
// known one; text inside double quotes is not looked at.
void check_fields(std::string_view query);

// The text of the query that ranking weighs: what the user typed to be found. Taken
// out: every `field:value` of a boolean field (a quoted value too), operators (AND, OR,
// NOT, XOR, NEAR, ADJ, NEAR/3), and what the query excludes (a word with a leading -,
// and all that follows NOT up to the next AND, OR or XOR, as Xapian's parser reads it);
// `title:` keeps its words. "ref:09-ct/tw" or "NOT cháy" is no word to rank by.
std::string ranked_text(std::string_view query);

// Rewrites a normalised query so that each abbreviation also finds its expansions and
// each written-out expansion also finds its abbreviation:
//   ANTQ                 -> (ANTQ OR "an ninh Tổ quốc")
//   "an ninh tổ quốc"    -> ("an ninh tổ quốc" OR ANTQ)
//   bảo vệ an ninh tổ quốc -> bảo vệ ("an ninh tổ quốc" OR ANTQ)
// Words that carry a field, a +/- sign or are operators are left alone.
std::string expand_synonyms(std::string_view query, const std::vector<Abbreviation>& abbreviations);

// The same with the abbreviations of `table`, parsed only when may_expand() says the
// query may use them: a search process is spared most of the parsing.
std::string expand_synonyms(std::string_view query, const AbbreviationTable& table);

// False only when expand_synonyms() would leave `query` as it is with the abbreviations
// in `table_text` (the text of abbreviations.tsv): it holds no abbreviation alone and
// not every word of any expansion. Reads the folded text directly, without the parser.
bool may_expand(std::string_view query, std::string_view table_text);

}  // namespace tracuu::index
