// Hostile input: what attackers, broken clients and careless agencies send. Each value is
// tried in every text field of every form and API (hostile-input.test.ts). Strings that are
// legitimate text (a headline may well quote "<script>") must be stored as typed and shown
// as text; the rest must be refused with a message. The script payloads all call
// `__xss(n)`, which the browser check defines, so any that runs is caught by number.

/** A value to send, and what it is. */
export type HostileValue = { kind: HostileKind; label: string; value: unknown };
export type HostileKind = 'xss' | 'sql' | 'huge' | 'encoding' | 'type' | 'traversal' | 'control';

const call = (n: number) => `__xss(${n})`;

/** Markup and script in every form a browser might run it (HTML, attributes, URLs, SVG, CSS). */
export const XSS_PAYLOADS: string[] = [
  `<script>${call(1)}</script>`,
  `"><script>${call(2)}</script>`,
  `'><script>${call(3)}</script>`,
  `<img src=x onerror=${call(4)}>`,
  `<img src="x" onerror="${call(5)}">`,
  `"><img src=x onerror=${call(6)}>`,
  `<svg onload=${call(7)}>`,
  `<svg><script>${call(8)}</script></svg>`,
  `<body onload=${call(9)}>`,
  `<iframe src="javascript:${call(10)}"></iframe>`,
  `<iframe srcdoc="<script>parent.${call(11)}</script>"></iframe>`,
  `<a href="javascript:${call(12)}">click</a>`,
  `javascript:${call(13)}`,
  `JaVaScRiPt:${call(14)}`,
  ` javascript:${call(15)}`,
  `data:text/html,<script>${call(16)}</script>`,
  `<details open ontoggle=${call(17)}>`,
  `<input autofocus onfocus=${call(18)}>`,
  `<video><source onerror=${call(19)}></video>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${call(20)}>`,
  `</title><script>${call(21)}</script>`,
  `</textarea><script>${call(22)}</script>`,
  `</script><script>${call(23)}</script>`,
  `<style>@import 'javascript:${call(24)}';</style>`,
  `<div style="background:url(javascript:${call(25)})">`,
  `<object data="javascript:${call(26)}">`,
  `<embed src="javascript:${call(27)}">`,
  `<form action="javascript:${call(28)}"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${call(29)}">`,
  `<base href="javascript:${call(30)}//">`,
  `<scr<script>ipt>${call(31)}</scr</script>ipt>`,
  `&lt;script&gt;${call(32)}&lt;/script&gt;`,
  `\\u003cscript\\u003e${call(33)}\\u003c/script\\u003e`,
  `<!--<img src="--><img src=x onerror=${call(34)}//">`,
  `<noscript><p title="</noscript><img src=x onerror=${call(35)}>">`,
  `"onmouseover="${call(36)}"`,
  `' onfocus='${call(37)}' autofocus '`,
  `{{constructor.constructor('${call(38)}')()}}`,
  `\${${call(39)}}`,
  `<img src=x onerror=&#x5f;&#x5f;xss(40)>`,
  `<a href="&#106;avascript:${call(41)}">x</a>`,
  `<svg><a xlink:href="javascript:${call(42)}"><text y="20">x</text></a></svg>`,
  `<x contenteditable onblur=${call(43)}>lose focus</x>`,
  `<marquee onstart=${call(44)}>`,
  `"-${call(45)}-"`,
  `';${call(46)};//`,
  `</script><img src=x onerror=${call(47)}>`,
  `<script src="data:text/javascript,${call(48)}"></script>`,
  `<link rel=import href="data:text/html,<script>${call(49)}</script>">`,
  `<isindex type=image src=1 onerror=${call(50)}>`,
  `<img src=x:x onerror=${call(51)}>`,
  `<img/src=x/onerror=${call(52)}>`,
  `<img src=x onerror="javascript:${call(53)}">`,
  `<image src=x onerror=${call(54)}>`,
  `<svg/onload=${call(55)}>`,
  `<svg><animate onbegin=${call(56)} attributeName=x dur=1s>`,
  `<svg><set attributeName=onmouseover to=${call(57)}>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${call(58)}'/></svg>#x"/></svg>`,
  `<audio src=x onerror=${call(59)}>`,
  `<object data="data:text/html,<script>parent.${call(60)}</script>">`,
  `<iframe src="data:text/html,<script>parent.${call(61)}</script>">`,
  `<table background="javascript:${call(62)}">`,
  `<td background="javascript:${call(63)}">`,
  `<button formaction="javascript:${call(64)}">x</button>`,
  `<select autofocus onfocus=${call(65)}>`,
  `<textarea autofocus onfocus=${call(66)}>`,
  `<keygen autofocus onfocus=${call(67)}>`,
  `<div draggable="true" ondragstart=${call(68)}>drag</div>`,
  `<body onpageshow=${call(69)}>`,
  `<body onhashchange=${call(70)}>`,
  `<style onload=${call(71)}></style>`,
  `<link rel=stylesheet href="javascript:${call(72)}">`,
  `<script>/*</script><script>*/${call(73)}</script>`,
  `<script type="module">${call(74)}</script>`,
  `<script nonce="abc">${call(75)}</script>`,
  `<svg><style>{font-family:'<iframe/onload=${call(76)}>'}</style>`,
  `<a href="jav&#x09;ascript:${call(77)}">tab</a>`,
  `<a href="jav&#x0A;ascript:${call(78)}">newline</a>`,
  `<a href="\u0001javascript:${call(79)}">control</a>`,
  `<a href="vbscript:msgbox(80)">vb</a>`,
  `<a href="//evil.example/${call(81)}">protocol-relative</a>`,
  `<a href="https://evil.example" target=_blank>no opener ${call(82)}</a>`,
  `<form><input name=action value=${call(83)}></form>`,
  `<form id=x></form><button form=x formaction="javascript:${call(84)}">x</button>`,
  `<img src="x` + '`' + `onerror=${call(85)}` + '`' + `">`,
  `<<script>${call(86)}//<</script>`,
  `<script\x20type="text/javascript">${call(87)}</script>`,
  `<script\x0Dtype="text/javascript">${call(88)}</script>`,
  `<scri\u0000pt>${call(89)}</scri\u0000pt>`,
  `%3Cscript%3E${call(90)}%3C/script%3E`,
  `+ADw-script+AD4-${call(91)}+ADw-/script+AD4-`,
  `<ScRiPt>${call(92)}</sCrIpT>`,
  `<script>eval(atob('X194c3MoOTMp'))</script>`,
  `<img src=1 onerror=eval(String.fromCharCode(95,95,120,115,115,40,57,52,41))>`,
  `<div onpointerenter=${call(95)}>hover</div>`,
  `<portal src="javascript:${call(96)}">`,
  `<template><img src=x onerror=${call(97)}></template>`,
  `<svg><foreignObject><iframe srcdoc="<script>parent.${call(98)}</script>"></foreignObject></svg>`,
  `<!--[if gte IE 4]><script>${call(99)}</script><![endif]-->`,
  `<?xml-stylesheet type="text/xsl" href="data:,${call(100)}"?>`,
];

/** SQL metacharacters and injection attempts: plain text to us, stored as typed. */
export const SQL_PAYLOADS: string[] = [
  `' OR '1'='1`,
  `' OR 1=1 --`,
  `'; DROP TABLE stories; --`,
  `"; DROP TABLE users; --`,
  `1; DELETE FROM users WHERE 1=1`,
  `' UNION SELECT password_hash FROM users --`,
  `admin'--`,
  `\\'; select pg_sleep(5); --`,
  `1' AND (SELECT COUNT(*) FROM pg_catalog.pg_tables) > 0 --`,
  `$$; drop table stories; $$`,
  `%' OR headline LIKE '%`,
  `_%_%_%`,
  `\\\\x00\\\\`,
  `E'\\x27'`,
  `'); INSERT INTO users (email) VALUES ('x@x'); --`,
  `' || (select current_user) || '`,
  `;COPY users TO '/tmp/x';`,
  `:name $1 ? @@ ~~*`,
  `[]{}()<>*+?^$|\\`,
  `'' ''' '''' "`,
  `1 OR 1=1`,
  `1) OR (1=1`,
  `x' AND extractvalue(1,concat(0x7e,version())) --`,
  `'; UPDATE users SET role='admin' WHERE email LIKE '%`,
  `\\'; SELECT 1; --`,
  `' OR ''='`,
  `1' ORDER BY 99 --`,
  `' || pg_read_file('/etc/passwd') || '`,
  `'; CREATE ROLE evil SUPERUSER; --`,
  `%00' OR 1=1 --`,
];

const MB = 1024 * 1024;

/** Far past every field's limit. */
export const HUGE_VALUES: HostileValue[] = [
  { kind: 'huge', label: '10 MB of letters', value: 'a'.repeat(10 * MB) },
  { kind: 'huge', label: '2 MB of letters', value: 'b'.repeat(2 * MB) },
  { kind: 'huge', label: '100,000 emoji', value: '📰'.repeat(100_000) },
  { kind: 'huge', label: '5,000 nested tags', value: '<b>'.repeat(5000) },
];

/** Text that is not what it claims: unpaired surrogates, NUL, control and direction characters. */
export const ENCODING_VALUES: HostileValue[] = [
  { kind: 'encoding', label: 'NUL character', value: 'Harbour\u0000reopens' },
  { kind: 'encoding', label: 'lone high surrogate', value: 'Harbour \ud800 reopens' },
  { kind: 'encoding', label: 'lone low surrogate', value: 'Harbour \udfff reopens' },
  { kind: 'control', label: 'bell and escape characters', value: 'Harbour\u0007\u001b[31m reopens' },
  { kind: 'control', label: 'right-to-left override', value: 'Harbour \u202ereopens\u202c' },
  { kind: 'control', label: 'zero-width joiners only', value: '\u200b\u200d\ufeff' },
  { kind: 'control', label: 'line and paragraph separators', value: 'Harbour\u2028reopens\u2029' },
  { kind: 'control', label: 'only spaces', value: '     ' },
  { kind: 'control', label: 'empty', value: '' },
  { kind: 'encoding', label: 'combining characters piled up', value: `Z${'\u0336\u0337\u0338'.repeat(300)}` },
];

/** Values of the wrong JSON type for a text or number field. */
export const TYPE_VALUES: HostileValue[] = [
  { kind: 'type', label: 'null', value: null },
  { kind: 'type', label: 'a number', value: 12345 },
  { kind: 'type', label: 'a negative number', value: -1 },
  { kind: 'type', label: 'a huge number', value: 1e308 },
  { kind: 'type', label: 'true', value: true },
  { kind: 'type', label: 'an array', value: ['a', 'b'] },
  { kind: 'type', label: 'an object', value: { $ne: null } },
  { kind: 'type', label: 'a prototype-polluting object', value: JSON.parse('{"__proto__":{"admin":true}}') },
  { kind: 'type', label: 'a deeply nested array', value: JSON.parse(`${'['.repeat(1000)}${']'.repeat(1000)}`) },
  { kind: 'type', label: 'a numeric string', value: '42' },
  { kind: 'type', label: 'a float string', value: '3.5' },
  { kind: 'type', label: 'NaN as text', value: 'NaN' },
];

/** Paths that try to leave where they belong. */
export const TRAVERSAL_VALUES: string[] = [
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e%2fpackage.json',
  '..\\..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\boot.ini',
  '....//....//etc/passwd',
  '..%252f..%252fetc%252fpasswd',
  '%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
  '.env',
  '../.env',
  '../../data/auth-secret',
  'file:///etc/passwd',
  '\u0000../../etc/passwd',
  'a/../../../../etc/shadow',
];

/** Every text value, with its kind. */
export function textCorpus(): HostileValue[] {
  return [
    ...XSS_PAYLOADS.map((value, i) => ({ kind: 'xss' as const, label: `xss ${i + 1}`, value })),
    ...SQL_PAYLOADS.map((value, i) => ({ kind: 'sql' as const, label: `sql ${i + 1}`, value })),
    ...HUGE_VALUES,
    ...ENCODING_VALUES,
    ...TRAVERSAL_VALUES.map((value, i) => ({ kind: 'traversal' as const, label: `traversal ${i + 1}`, value })),
  ];
}

/** The whole corpus: every text value plus the wrong types. */
export function fullCorpus(): HostileValue[] {
  return [...textCorpus(), ...TYPE_VALUES];
}

/**
 * For fields that hold an id, a choice, a time or a password: everything but most of the
 * markup, which such a field refuses for the same reason whatever its shape.
 */
export function compactCorpus(): HostileValue[] {
  return fullCorpus().filter((input) => input.kind !== 'xss' || Number(input.label.slice(4)) <= 10);
}

/** Bytes that are not UTF-8 at all, for bodies that must be. */
export const INVALID_UTF8: { label: string; bytes: Uint8Array }[] = [
  { label: 'a lone continuation byte', bytes: new Uint8Array([0x48, 0x80, 0x49]) },
  { label: 'an overlong slash', bytes: new Uint8Array([0x2f, 0xc0, 0xaf]) },
  { label: 'a truncated sequence', bytes: new Uint8Array([0x48, 0xe2, 0x82]) },
  { label: 'UTF-16 with a byte order mark', bytes: new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]) },
  { label: 'an encoded surrogate', bytes: new Uint8Array([0xed, 0xa0, 0x80]) },
  { label: 'bytes past U+10FFFF', bytes: new Uint8Array([0xf4, 0x90, 0x80, 0x80]) },
];
