import { expect, test } from 'vitest';
import { cleanPastedHtml } from './clean-pasted-html';

// Trimmed from what Word (Windows, Microsoft 365) puts on the clipboard.
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {margin:0cm; font-family:"Calibri",sans-serif;} --></style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--></head>
<body lang=EN-GB style='tab-interval:36.0pt'><!--StartFragment-->
<h1>Flood defences fail<o:p></o:p></h1>
<p class=MsoNormal><b><span style='font-size:12.0pt;font-family:"Times New Roman"'>River levels</span></b><span style='font-family:"Times New Roman"'> rose <i>overnight</i>.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Sandbags ran out<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Roads closed<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>First step<o:p></o:p></p>
<p class=MsoNormal><a href="https://example.org/report">the report</a><o:p></o:p></p>
<!--EndFragment--></body></html>`;

// Trimmed from Google Docs (Chrome): everything wrapped in a not-bold <b>, styles on spans.
const GOOGLE_DOCS = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt"><span style="font-size:16pt;font-family:Arial;color:#000000;font-weight:400">Reaction</span></h2><p dir="ltr" style="line-height:1.38"><span style="font-size:11pt;font-family:Arial;font-weight:700">The mayor</span><span style="font-size:11pt;font-family:Arial;font-weight:400"> said it was </span><span style="font-size:11pt;font-family:Arial;font-style:italic">unprecedented</span><span style="font-size:11pt;font-family:Arial">.</span></p><ul style="margin-top:0;margin-bottom:0"><li dir="ltr" style="list-style-type:disc"><p dir="ltr" role="presentation"><span style="font-size:11pt">Schools shut</span></p></li><li dir="ltr"><p dir="ltr" role="presentation"><span style="font-size:11pt">Trains cancelled</span></p></li></ul><br></b>`;

// A web page fragment, with the things that must never get through.
const WEB_PAGE = `<div class="article" onclick="steal()"><script>alert(1)</script><style>p{color:red}</style>
<h3 style="color:red">Background</h3><p><font face="Comic Sans MS" size="5">Old <strong>news</strong></font> and <a href="javascript:alert(1)" onmouseover="x()">a bad link</a>.</p>
<blockquote class="twitter-tweet"><p>Quoted words</p></blockquote><img src="https://tracker.example/pixel.gif" onerror="x()"><iframe src="https://ads.example"></iframe><hr>
<table><tr><td>Cell one</td><td>Cell two</td></tr></table><ol start="3"><li>Third</li></ol><p>a&nbsp;&amp;&nbsp;b &lt;tag&gt;</p></div>`;

test('Word: headings, bold and italic, bullet and numbered lists and links survive; styles, fonts and Office markup go', () => {
  expect(cleanPastedHtml(WORD)).toBe(
    '<h2>Flood defences fail</h2>' +
      '<p><strong>River levels</strong> rose <em>overnight</em>.</p>' +
      '<ul><li>Sandbags ran out</li><li>Roads closed</li></ul>' +
      '<ol><li>First step</li></ol>' +
      '<p><a href="https://example.org/report">the report</a></p>',
  );
});

test('Google Docs: the not-bold wrapper does not make everything bold; bold and italic spans become marks; lists keep their items', () => {
  expect(cleanPastedHtml(GOOGLE_DOCS)).toBe(
    '<h2>Reaction</h2>' +
      '<p><strong>The mayor</strong> said it was <em>unprecedented</em>.</p>' +
      '<ul><li>Schools shut</li><li>Trains cancelled</li></ul>',
  );
});

test('a web page: scripts, styles, fonts, event handlers, outside images, iframes and javascript: links are dropped', () => {
  const html = cleanPastedHtml(WEB_PAGE);
  expect(html).toBe(
    '<h3>Background</h3>' +
      '<p>Old <strong>news</strong> and a bad link.</p>' +
      '<blockquote><p>Quoted words</p></blockquote><hr>' +
      '<p>Cell one</p><p>Cell two</p>' +
      '<ol start="3"><li>Third</li></ol>' +
      '<p>a&nbsp;&amp;&nbsp;b &lt;tag&gt;</p>',
  );
  for (const banned of ['script', 'style', 'onclick', 'onerror', 'javascript:', 'font', 'img', 'iframe', 'class=']) {
    expect(html).not.toContain(banned);
  }
});

test('plain fragments without blocks become a paragraph; empty paragraphs vanish', () => {
  expect(cleanPastedHtml('just <b>some</b> words')).toBe('<p>just <strong>some</strong> words</p>');
  expect(cleanPastedHtml('<p>&nbsp;</p><p> </p><p><b></b></p>')).toBe('');
  expect(cleanPastedHtml('<p>line one<br>line two</p>')).toBe('<p>line one<br>line two</p>');
});

test('sloppy nesting still closes every mark it opens', () => {
  const html = cleanPastedHtml('<p><b>bold <i>both</b> italic</i> plain</p>');
  expect(html).toBe('<p><strong>bold <em>both</em></strong><em> italic</em> plain</p>');
});

test('attribute values are re-escaped, so a quote in a link cannot open a new attribute', () => {
  const html = cleanPastedHtml(`<a href='https://example.org/?q="x" onclick="y'>x</a>`);
  expect(html).toBe('<p><a href="https://example.org/?q=&quot;x&quot; onclick=&quot;y">x</a></p>');
});

test('an unclosed script swallows the rest rather than leaking it', () => {
  expect(cleanPastedHtml('<p>safe</p><script>var x = "<p>not text</p>"')).toBe('<p>safe</p>');
});
