// Document references: Party codes ("09-CT/TW", "38-CTr/BDVTW-BCA"), State codes
// ("30/2020/NĐ-CP", "623/QĐ-TTg", "09/CP", "24/2018/QH14") and kind + number
// references ("Chỉ thị số 46"), with kind, number, issuer, issue date and subject.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/context.h"
#include "tracuu/article.h"

namespace tracuu::extract {

// Finds every reference in ctx.text; records the code spans in ctx.codes so that
// the date and period passes skip them.
void extract_refs(Context& ctx, std::vector<Ref>& out);

// The canonical id of a code typed anywhere (a query "ref:9-ct/tw", a file name):
// spaces and dashes tidied, the number given at least two digits, the kind
// abbreviation in its canonical case, the issuer upper-cased unless written in
// mixed case ("TTg"). nullopt when `code` is not a document code.
std::optional<std::string> canonical_ref_id(std::string_view code, const ResourceTables& tables);

}  // namespace tracuu::extract
