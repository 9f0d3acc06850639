// Tests for lib/text/html.cpp: title (with the <h1> fallback), paragraphs and line
// breaks, entities, dropped page furniture, and HTML that is broken or not HTML at all.
#include <doctest/doctest.h>

#include <string>

#include "tracuu/text.h"

using tracuu::text::html_to_text;

TEST_CASE("html: a news page gives its title and paragraphs, and loses the furniture") {
  const std::string page = R"(<!DOCTYPE html>
<html lang="vi"><head>
  <meta charset="utf-8">
  <title>
     Bộ Công an   tổ chức
     Hội nghị </title>
  <style>p { color: red }</style>
  <script>var s = "<p>không phải văn bản</p>";</script>
</head>
<body>
  <header><a href="/">Trang chủ</a> | Liên kết website</header>
  <nav><ul><li>Tin tức</li><li>Sự kiện</li></ul></nav>
  <h1>Tổng kết 10 năm thực hiện Chương trình phối hợp số 09</h1>
  <p>Chiều 17/10/2023, tại <b>Hà Nội</b>, Bộ Công an &amp; MTTQ
     tổ chức Hội nghị.</p>
  <!-- quảng cáo -->
  <p>Dòng một<br>Dòng hai<br/>Dòng ba</p>
  <aside>Tin liên quan</aside>
  <form><input name="q"><button>Tìm kiếm</button><select><option>Chọn</option></select></form>
  <noscript>Bật JavaScript</noscript>
  <iframe src="x"></iframe>
  <svg><title>biểu tượng</title><text>svg text</text></svg>
  <template><p>mẫu</p></template>
  <footer>Thống kê truy cập. Tổng số: 2969471</footer>
  <script>document.write("x")</script>
</body></html>)";
  auto r = html_to_text(page);
  CHECK(r.title == "Bộ Công an tổ chức Hội nghị");
  CHECK(r.text ==
        "Tổng kết 10 năm thực hiện Chương trình phối hợp số 09\n\n"
        "Chiều 17/10/2023, tại Hà Nội, Bộ Công an & MTTQ tổ chức Hội nghị.\n\n"
        "Dòng một\nDòng hai\nDòng ba");
  CHECK(r.warnings.empty());
}

TEST_CASE("html: without a <title>, the first <h1> is the title") {
  auto r = html_to_text("<body><h1>  Đại tướng <i>Tô Lâm</i>\n phát biểu </h1><p>Nội dung.</p>");
  CHECK(r.title == "Đại tướng Tô Lâm phát biểu");
  CHECK(r.text == "Đại tướng Tô Lâm phát biểu\n\nNội dung.");

  auto blank = html_to_text("<title> \n </title><h1>Tiêu đề</h1><h1>Thứ hai</h1>");
  CHECK(blank.title == "Tiêu đề");
  CHECK(blank.text == "Tiêu đề\n\nThứ hai");

  auto none = html_to_text("<p>Không có tiêu đề</p>");
  CHECK(none.title == "");
  CHECK(none.text == "Không có tiêu đề");
}

TEST_CASE("html: the article's own <h1> beats a site logo in the page header") {
  auto r = html_to_text(
      "<header><h1>Báo An Giang</h1></header>"
      "<article><header><h1>Tin chính</h1><p>KHÁNH HƯNG</p></header><p>Thân bài.</p>"
      "<footer>Nguồn: baoangiang.com.vn</footer></article>");
  CHECK(r.title == "Tin chính");
  CHECK(r.text == "Tin chính\n\nKHÁNH HƯNG\n\nThân bài.\n\nNguồn: baoangiang.com.vn");
}

TEST_CASE("html: entities are decoded") {
  auto r = html_to_text(
      "<p>A&nbsp;B &amp; C &lt;D&gt; &quot;E&quot; &#7871; &#x1EBF; &eacute; &hellip;</p>");
  CHECK(r.text == "A\u00A0B & C <D> \"E\" ế ế é \u2026");
  CHECK(html_to_text("<title>Tin &amp; s&#7921; ki&#7879;n</title>").title == "Tin & sự kiện");
}

TEST_CASE("html: blocks are paragraphs, inline elements run together") {
  CHECK(html_to_text("<p><b>Bộ</b> <i>Công an</i></p>").text == "Bộ Công an");
  CHECK(html_to_text("<p>Bộ<b>Công</b>an</p>").text == "BộCôngan");
  CHECK(html_to_text("<ul><li>Một</li><li>Hai</li></ul><ol><li>Ba</li></ol>").text ==
        "Một\n\nHai\n\nBa");
  CHECK(html_to_text("<table><tr><td>Số</td><td>09-CT/TW</td></tr></table>").text ==
        "Số\n\n09-CT/TW");
  CHECK(html_to_text("<div>Một<div>Hai</div>Ba</div><blockquote>Bốn</blockquote>").text ==
        "Một\n\nHai\n\nBa\n\nBốn");
  CHECK(html_to_text("<figure><img src=a.jpg><figcaption>Ảnh: TTXVN</figcaption></figure>"
                     "<p>Tiếp</p>")
            .text == "Ảnh: TTXVN\n\nTiếp");
  CHECK(html_to_text("<p>a<br><br><br>b</p>").text == "a\nb");
  CHECK(html_to_text("<pre>dòng 1\n  dòng 2</pre>").text == "dòng 1\ndòng 2");
}

TEST_CASE("html: malformed HTML still yields its text") {
  CHECK(html_to_text("<p>Một<p>Hai<div>Ba</div></span>Bốn").text == "Một\n\nHai\n\nBa\n\nBốn");
  CHECK(html_to_text("<p>Chưa đóng <b>thẻ").text == "Chưa đóng thẻ");
  CHECK(html_to_text("Chỉ có chữ, không thẻ").text == "Chỉ có chữ, không thẻ");
  CHECK(html_to_text("<p>a</p><script>if (a < b) { x(\"</p>\") }").text == "a");
  CHECK(html_to_text("<p>giá 5 < 10 và a<b</p>").text == "giá 5 < 10 và a");

  // Unclosed inline tags nest deep in old pages; the text after them must survive.
  std::string unclosed = "<p>đầu</p>";
  for (int i = 0; i < 300; ++i) unclosed += "<span>";
  unclosed += "<p>giữa</p>";
  for (int i = 0; i < 300; ++i) unclosed += "</span>";
  unclosed += "<p>cuối</p>";
  CHECK(html_to_text(unclosed).text == "đầu\n\ngiữa\n\ncuối");

  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div><span>";
  deep += "sâu";
  CHECK(html_to_text(deep).text == "sâu");
}

TEST_CASE("html: the declared charset does not override the decoded UTF-8") {
  auto r = html_to_text(
      "<html><head><meta charset=\"windows-1252\"><title>Tiếng Việt</title></head>"
      "<body><p>Đường</p></body></html>");
  CHECK(r.title == "Tiếng Việt");
  CHECK(r.text == "Đường");
}

TEST_CASE("html: empty input is fine") {
  auto r = html_to_text("");
  CHECK(r.title == "");
  CHECK(r.text == "");
  CHECK(r.warnings.empty());
  CHECK(html_to_text("<html><body></body></html>").text == "");
  CHECK(html_to_text("<!-- chỉ chú thích -->").text == "");
}
