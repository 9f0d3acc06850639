// Tests for lib/extract/refs.cpp: Party and State codes, kind words, issue dates,
// quoted subjects, one entity per canonical id, kind + number references, and the
// look-alikes that must never become references.
#include <doctest/doctest.h>

#include <string>

#include "extract/refs.h"
#include "tracuu/extract.h"
#include "tracuu/resources.h"
#include "tracuu/text.h"
#include "extract_fixture.h"

namespace {

using extract_test::resources;
using extract_test::run;

using tracuu::Article;
using tracuu::Ref;

std::string opt(const std::optional<std::string>& v) { return v.value_or("<null>"); }

}  // namespace

TEST_CASE("refs: codes, kinds, numbers, issuers") {
  struct Case {
    const char* input;
    const char* id;
    const char* kind;
    const char* number;
    const char* issuer;
  };
  const Case cases[] = {
      {"Tỉnh ủy quán triệt Chỉ thị số 09-CT/TW tới chi bộ.", "09-CT/TW", "chi-thi", "09", "TW"},
      {"Đảng ủy học tập Nghị quyết số 28-NQ/TW trong tháng này.", "28-NQ/TW", "nghi-quyet", "28", "TW"},
      {"Tiếp tục thực hiện Kết luận số 44-KL/TW của Ban Bí thư.", "44-KL/TW", "ket-luan", "44", "TW"},
      {"Theo Quyết định số 183-QĐ/TW, hội đồng được thành lập.", "183-QĐ/TW", "quyet-dinh", "183", "TW"},
      {"Thực hiện Quy định số 08-QĐi/TW của Ban Chấp hành.", "08-QĐi/TW", "quy-dinh", "08", "TW"},
      // The word before the code decides: Party "Quy định" is sometimes coded QĐ.
      {"Các đơn vị quán triệt Quy định số 124-QĐ/TW đầy đủ.", "124-QĐ/TW", "quy-dinh", "124", "TW"},
      {"Ban hành Hướng dẫn 69 – HD/BTGTW để triển khai.", "69-HD/BTGTW", "huong-dan", "69", "BTGTW"},
      {"Sơ kết Chương trình số 38-CTr/BDVTW-BCA giữa hai cơ quan.", "38-CTr/BDVTW-BCA", "chuong-trinh", "38", "BDVTW-BCA"},
      {"Chương trình hành động số 22- Ctr/ĐUCA-V28 được ký lại.", "22-CTr/ĐUCA-V28", "chuong-trinh", "22", "ĐUCA-V28"},
      {"Căn cứ Nghị định 30/2020/NĐ-CP về công tác văn thư.", "30/2020/NĐ-CP", "nghi-dinh", "30", "CP"},
      {"Quyết định 623/QĐ-TTg phê duyệt đề án mới.", "623/QĐ-TTg", "quyet-dinh", "623", "TTg"},
      {"Bộ trưởng ký Quyết định số 2148/QĐ-BCA hôm qua.", "2148/QĐ-BCA", "quyet-dinh", "2148", "BCA"},
      {"Nghị định 09/CP từng quy định việc này.", "09/CP", "nghi-dinh", "09", "CP"},
      {"Luật số 24/2018/QH14 có hiệu lực.", "24/2018/QH14", "luat", "24", "QH14"},
      {"Triển khai 09/Ctr-BCA-MTTW ở cơ sở.", "09/CTr-BCA-MTTW", "chuong-trinh", "09", "BCA-MTTW"},
      {"Thông tư số 01/2011/TT-BNV hướng dẫn thể thức.", "01/2011/TT-BNV", "thong-tu", "01", "BNV"},
      {"Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP đã hết hiệu lực.", "55/2005/TTLT-BNV-VPCP",
       "thong-tu-lien-tich", "55", "BNV-VPCP"},
      // Ð (U+00D0) and a plain D stand for Đ in some pages.
      {"Nghị định số 15/2020/N\xC3\x90-CP quy định xử phạt.", "15/2020/NĐ-CP", "nghi-dinh", "15", "CP"},
      {"Nghị định 100/2019/ND-CP về giao thông.", "100/2019/NĐ-CP", "nghi-dinh", "100", "CP"},
      {"Kế hoạch số 5-KH/TU được ban hành.", "05-KH/TU", "ke-hoach", "05", "TU"},
  };
  for (const Case& c : cases) {
    const std::string shown(c.input);
    CAPTURE(shown);
    const Article a = run(c.input);
    REQUIRE(a.refs.size() == 1);
    const Ref& r = a.refs[0];
    CHECK(opt(r.id) == c.id);
    CHECK_FALSE(r.id_inferred);
    CHECK(r.kind == c.kind);
    CHECK(opt(r.number) == c.number);
    CHECK(opt(r.issuer) == c.issuer);
    REQUIRE(r.mentions.size() == 1);
    CHECK(r.mentions[0].text == a.text.substr(r.mentions[0].start, r.mentions[0].end - r.mentions[0].start));
  }
}

TEST_CASE("refs: kind label, mention span and offsets") {
  const Article a = run("Ban Bí thư ban hành Chỉ thị số 09-CT/TW vào cuối năm.");
  REQUIRE(a.refs.size() == 1);
  const Ref& r = a.refs[0];
  CHECK(r.kind_label == "Chỉ thị");
  REQUIRE(r.mentions.size() == 1);
  CHECK(r.mentions[0].text == "Chỉ thị số 09-CT/TW");
  CHECK(r.mentions[0].start == std::string("Ban Bí thư ban hành ").size());
  CHECK(r.mentions[0].end == r.mentions[0].start + std::string("Chỉ thị số 09-CT/TW").size());
}

TEST_CASE("refs: issue date and subject") {
  struct Case {
    const char* input;
    const char* issued;
    const char* subject;
  };
  const Case cases[] = {
      {"Thực hiện Chỉ thị số 09-CT/TW ngày 1-12-2011 của Ban Bí thư về “Tăng cường công tác dân vận ở cơ sở”.",
       "2011-12-01", "Tăng cường công tác dân vận ở cơ sở"},
      {"Theo Nghị quyết số 17-NQ/TW ngày 03/02/2020 về \"Đổi mới quản lý đô thị\" của Trung ương.",
       "2020-02-03", "Đổi mới quản lý đô thị"},
      {"Chương trình phối hợp 11/CTr-BCA-TWĐ giữa hai ngành về 'Xây dựng phong trào 'Thanh niên tình nguyện' ở địa phương' (2015 - 2020).",
       "<null>", "Xây dựng phong trào 'Thanh niên tình nguyện' ở địa phương"},
      {"Kế hoạch số 12-KH/TU ngày 5.6.2021 về “Cải cách hành chính\" được triển khai.",
       "2021-06-05", "Cải cách hành chính"},
      // No quotes after "về": no subject.
      {"Kết luận số 44-KL/TW ngày 22/01/2019 về việc tiếp tục thực hiện chỉ thị.", "2019-01-22", "<null>"},
      // The quote belongs to the next reference, not to this one.
      {"Kết luận số 50-KL/TW và Chỉ thị số 10-CT/TW về “Phòng chống tham nhũng”.", "<null>", "<null>"},
  };
  for (const Case& c : cases) {
    const std::string shown(c.input);
    CAPTURE(shown);
    const Article a = run(c.input);
    REQUIRE_FALSE(a.refs.empty());
    CHECK(opt(a.refs[0].issued) == c.issued);
    CHECK(opt(a.refs[0].subject) == c.subject);
  }
}

TEST_CASE("refs: two spellings of one code are one entity, short forms join it") {
  const Article a = run(
      "Chương trình phối hợp số 09/CTr-BCA-MTTW đạt kết quả tốt. Sau 5 năm, 09/Ctr-BCA-MTTW được "
      "sơ kết. Chương trình phối hợp số 09 tiếp tục được thực hiện. Chỉ thị số 46 của Bộ Chính trị về "
      "“Bảo đảm an ninh nông thôn” cũng được nhắc lại.");
  REQUIRE(a.refs.size() == 2);
  const Ref& full = a.refs[0];
  CHECK(opt(full.id) == "09/CTr-BCA-MTTW");
  CHECK_FALSE(full.id_inferred);
  REQUIRE(full.mentions.size() == 3);
  CHECK(full.mentions[0].start == 0);
  CHECK(full.mentions[0].text == "Chương trình phối hợp số 09/CTr-BCA-MTTW");
  CHECK(full.mentions[1].text == "09/Ctr-BCA-MTTW");
  CHECK(full.mentions[2].text == "Chương trình phối hợp số 09");
  const Ref& partial = a.refs[1];
  CHECK_FALSE(partial.id.has_value());
  CHECK(partial.kind == "chi-thi");
  CHECK(partial.kind_label == "Chỉ thị");
  CHECK(opt(partial.number) == "46");
  CHECK_FALSE(partial.issuer.has_value());
  CHECK(opt(partial.subject) == "Bảo đảm an ninh nông thôn");
  REQUIRE(partial.mentions.size() == 1);
  CHECK(partial.mentions[0].text == "Chỉ thị số 46");
}

TEST_CASE("refs: kind + number without a matching code stays id null") {
  const Article a = run("Nghị quyết số 12 của Bộ Chính trị và Chương trình số 7 được nhắc lại. Nghị quyết số 12 rất quan trọng.");
  REQUIRE(a.refs.size() == 2);
  CHECK_FALSE(a.refs[0].id.has_value());
  CHECK(a.refs[0].kind == "nghi-quyet");
  CHECK(opt(a.refs[0].number) == "12");
  CHECK(a.refs[0].mentions.size() == 2);
  CHECK(a.refs[1].kind == "chuong-trinh");
  CHECK(opt(a.refs[1].number) == "07");
}

TEST_CASE("refs: look-alikes are not references") {
  const char* inputs[] = {
      "Hơn 2/3 số đại biểu tán thành.",
      "Đội nhà thắng 3-0 trên sân khách.",
      "Trụ sở ở số 136/19A Trần Quang Diệu.",
      "Xe mang biển số 30A-123.45 bị giữ lại.",
      "Xã đạt chỉ tiêu 19.2 về an ninh.",
      "Ngày 12/4/2012 hội nghị khai mạc.",
      "Trong tháng 12/2023 có nhiều sự kiện.",
      "Xem tại https://example.vn/van-ban/09-CT/TW.html để biết thêm.",
      "Học sinh lớp 5/3 tham gia.",
      "Áp dụng QCVN 41:2019/BGTVT cho biển báo.",
      "Dịch COVID-19/2020 đã qua.",
      "Phục vụ 24/7 cho người dân.",
      "Số hiệu E3/101/1 ghi trên cửa.",
      "Tổng số 5/Tổng đội được khen.",
      "Cần 1/500 bản đồ tỷ lệ.",
  };
  for (const char* input : inputs) {
    const std::string shown(input);
    CAPTURE(shown);
    CHECK(run(input).refs.empty());
  }
}

TEST_CASE("refs: canonical_ref_id tidies codes typed anywhere") {
  const auto& tables = resources().tables();
  using tracuu::extract::canonical_ref_id;
  CHECK(canonical_ref_id("9-ct/tw", tables).value_or("") == "09-CT/TW");
  CHECK(canonical_ref_id("09-CT/TW", tables).value_or("") == "09-CT/TW");
  CHECK(canonical_ref_id("09/Ctr-BCA-MTTW", tables).value_or("") == "09/CTr-BCA-MTTW");
  CHECK(canonical_ref_id("30/2020/nđ-cp", tables).value_or("") == "30/2020/NĐ-CP");
  CHECK(canonical_ref_id("69 – HD/BTGTW", tables).value_or("") == "69-HD/BTGTW");
  CHECK_FALSE(canonical_ref_id("2/3", tables).has_value());
  CHECK_FALSE(canonical_ref_id("hello", tables).has_value());
}
