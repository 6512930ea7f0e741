import sharp from 'sharp';

// The demo newsroom's pictures, drawn here rather than shipped: flat illustrations made
// from a few shapes, the same bytes on every run (a seeded generator, no randomness, no
// text — so no fonts), licence-clean because nobody else made them. Rendered from SVG by
// sharp (librsvg), then encoded as JPEG like a photo desk's upload.

export const DEMO_IMAGE_WIDTH = 1600;
export const DEMO_IMAGE_HEIGHT = 900;

export const DEMO_SCENES = ['harbour', 'hall', 'skyline', 'chart', 'circuit', 'pitch', 'stage', 'valley'] as const;
export type DemoScene = (typeof DEMO_SCENES)[number];

/** mulberry32: a tiny seeded generator, so every run draws exactly the same picture. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Palette = { skyTop: string; skyBottom: string; far: string; near: string; ground: string; accent: string };

const PALETTES: Palette[] = [
  { skyTop: '#f6c27a', skyBottom: '#fbe7c6', far: '#8aa6a3', near: '#4f6f6c', ground: '#2f4a4f', accent: '#d9534f' },
  { skyTop: '#8ec5e6', skyBottom: '#e3f1f8', far: '#9bb7c9', near: '#5d7f95', ground: '#34495e', accent: '#f0ad4e' },
  { skyTop: '#2c3e66', skyBottom: '#a4789a', far: '#5b5f8a', near: '#3b3f66', ground: '#1f2340', accent: '#ffd166' },
  { skyTop: '#c9e4ca', skyBottom: '#f4f9f0', far: '#87bba2', near: '#55828b', ground: '#364958', accent: '#e07a5f' },
];

const W = DEMO_IMAGE_WIDTH;
const H = DEMO_IMAGE_HEIGHT;
const f = (n: number) => n.toFixed(1);

function ridge(random: () => number, baseY: number, amplitude: number, color: string): string {
  const points: string[] = [`0,${H}`];
  const steps = 8 + Math.floor(random() * 5);
  for (let i = 0; i <= steps; i++) {
    points.push(`${f((W * i) / steps)},${f(baseY - random() * amplitude)}`);
  }
  points.push(`${W},${H}`);
  return `<polygon points="${points.join(' ')}" fill="${color}"/>`;
}

function scene(kind: DemoScene, p: Palette, random: () => number): string {
  const parts: string[] = [];
  const sunX = 200 + random() * 1200;
  parts.push(
    `<circle cx="${f(sunX)}" cy="${f(150 + random() * 120)}" r="${f(60 + random() * 40)}" fill="#fff6e0" opacity="0.85"/>`,
  );
  switch (kind) {
    case 'harbour': {
      parts.push(ridge(random, 520, 120, p.far));
      parts.push(`<rect x="0" y="560" width="${W}" height="${H - 560}" fill="${p.near}"/>`);
      for (let i = 0; i < 6; i++) {
        const x = 120 + i * 240 + random() * 80;
        const y = 640 + random() * 160;
        parts.push(
          `<polygon points="${f(x)},${f(y)} ${f(x + 150)},${f(y)} ${f(x + 120)},${f(y + 34)} ${f(x + 30)},${f(y + 34)}" fill="${p.ground}"/>`,
          `<rect x="${f(x + 60)}" y="${f(y - 70)}" width="6" height="70" fill="${p.ground}"/>`,
          `<polygon points="${f(x + 66)},${f(y - 66)} ${f(x + 120)},${f(y - 8)} ${f(x + 66)},${f(y - 8)}" fill="${i % 2 ? p.accent : '#ffffff'}"/>`,
        );
      }
      for (let i = 0; i < 14; i++) {
        const y = 590 + random() * 300;
        parts.push(
          `<rect x="${f(random() * W)}" y="${f(y)}" width="${f(60 + random() * 160)}" height="3" fill="#ffffff" opacity="0.35"/>`,
        );
      }
      break;
    }
    case 'hall': {
      parts.push(`<rect x="0" y="700" width="${W}" height="200" fill="${p.ground}"/>`);
      parts.push(`<polygon points="400,300 800,170 1200,300" fill="${p.near}"/>`);
      parts.push(`<rect x="420" y="300" width="760" height="40" fill="${p.far}"/>`);
      for (let i = 0; i < 8; i++)
        parts.push(`<rect x="${440 + i * 95}" y="340" width="44" height="300" fill="#f2efe8"/>`);
      for (let i = 0; i < 4; i++)
        parts.push(
          `<rect x="${380 - i * 20}" y="${640 + i * 15}" width="${840 + i * 40}" height="15" fill="${p.far}"/>`,
        );
      parts.push(
        `<rect x="796" y="80" width="6" height="95" fill="${p.ground}"/>`,
        `<rect x="802" y="82" width="70" height="42" fill="${p.accent}"/>`,
      );
      break;
    }
    case 'skyline': {
      parts.push(ridge(random, 640, 60, p.far));
      // Lit windows as two tiled patterns: hundreds of little rectangles cost librsvg more
      // than the rest of the picture together.
      parts.push(
        `<defs><pattern id="lit-a" width="34" height="46" patternUnits="userSpaceOnUse">` +
          `<rect x="10" y="12" width="14" height="22" fill="${p.accent}" opacity="0.8"/></pattern>` +
          `<pattern id="lit-b" width="68" height="92" patternUnits="userSpaceOnUse">` +
          `<rect x="10" y="12" width="14" height="22" fill="${p.accent}" opacity="0.8"/>` +
          `<rect x="44" y="58" width="14" height="22" fill="${p.accent}" opacity="0.8"/></pattern></defs>`,
      );
      let x = 0;
      while (x < W) {
        const w = 80 + random() * 120;
        const h = 200 + random() * 420;
        const top = H - 120 - h;
        parts.push(
          `<rect x="${f(x)}" y="${f(top)}" width="${f(w)}" height="${f(h + 120)}" fill="${random() > 0.5 ? p.near : p.ground}"/>`,
          `<rect x="${f(x + 6)}" y="${f(top + 10)}" width="${f(w - 12)}" height="${f(h - 20)}" fill="url(#${random() > 0.5 ? 'lit-a' : 'lit-b'})"/>`,
        );
        x += w + 8;
      }
      break;
    }
    case 'chart': {
      parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#fbfaf7" opacity="0.65"/>`);
      for (let y = 160; y < 800; y += 80)
        parts.push(`<rect x="160" y="${y}" width="1280" height="2" fill="${p.far}" opacity="0.6"/>`);
      let value = 300 + random() * 150;
      const points: string[] = [];
      for (let i = 0; i < 12; i++) {
        value = Math.max(120, Math.min(600, value + (random() - 0.4) * 120));
        const x = 200 + i * 100;
        parts.push(
          `<rect x="${x}" y="${f(800 - value)}" width="60" height="${f(value)}" fill="${i === 11 ? p.accent : p.near}"/>`,
        );
        points.push(`${x + 30},${f(800 - value - 40)}`);
      }
      parts.push(
        `<polyline points="${points.join(' ')}" fill="none" stroke="${p.ground}" stroke-width="8" stroke-linejoin="round"/>`,
      );
      break;
    }
    case 'circuit': {
      parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="${p.ground}" opacity="0.9"/>`);
      for (let i = 0; i < 40; i++) {
        const x = Math.round(random() * 16) * 100;
        const y = Math.round(random() * 9) * 100;
        const horizontal = random() > 0.5;
        const length = 100 + Math.round(random() * 4) * 100;
        parts.push(
          horizontal
            ? `<rect x="${x}" y="${y - 3}" width="${length}" height="6" fill="${p.far}"/>`
            : `<rect x="${x - 3}" y="${y}" width="6" height="${length}" fill="${p.far}"/>`,
          `<circle cx="${x}" cy="${y}" r="14" fill="${random() > 0.7 ? p.accent : p.skyBottom}"/>`,
        );
      }
      parts.push(
        `<rect x="620" y="300" width="360" height="300" rx="24" fill="${p.near}" stroke="${p.skyBottom}" stroke-width="8"/>`,
      );
      break;
    }
    case 'pitch': {
      parts.push(`<rect x="0" y="260" width="${W}" height="140" fill="${p.ground}"/>`);
      for (let i = 0; i < 60; i++)
        parts.push(
          `<circle cx="${f(random() * W)}" cy="${f(290 + random() * 90)}" r="9" fill="${[p.accent, '#ffffff', p.far][i % 3]}"/>`,
        );
      parts.push(`<rect x="0" y="400" width="${W}" height="500" fill="#4f8a4b"/>`);
      for (let i = 0; i < 8; i++) parts.push(`<rect x="${i * 200}" y="400" width="100" height="500" fill="#5a9656"/>`);
      parts.push(
        `<rect x="160" y="460" width="1280" height="400" fill="none" stroke="#ffffff" stroke-width="6"/>`,
        `<rect x="798" y="460" width="6" height="400" fill="#ffffff"/>`,
        `<circle cx="800" cy="660" r="90" fill="none" stroke="#ffffff" stroke-width="6"/>`,
        `<circle cx="${f(500 + random() * 600)}" cy="${f(560 + random() * 200)}" r="16" fill="#ffffff"/>`,
      );
      break;
    }
    case 'stage': {
      parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#1b1420"/>`);
      parts.push(`<polygon points="560,0 1040,0 1240,760 360,760" fill="${p.skyBottom}" opacity="0.25"/>`);
      parts.push(`<rect x="0" y="720" width="${W}" height="180" fill="${p.ground}"/>`);
      for (let i = 0; i < 6; i++) {
        parts.push(`<rect x="${i * 60}" y="0" width="60" height="760" fill="${i % 2 ? '#8c1c2b' : '#a3283a'}"/>`);
        parts.push(
          `<rect x="${W - 60 - i * 60}" y="0" width="60" height="760" fill="${i % 2 ? '#8c1c2b' : '#a3283a'}"/>`,
        );
      }
      for (let i = 0; i < 3; i++) {
        const x = 620 + i * 150 + random() * 40;
        parts.push(
          `<circle cx="${f(x)}" cy="520" r="34" fill="${p.accent}"/>`,
          `<rect x="${f(x - 40)}" y="560" width="80" height="170" rx="30" fill="${p.accent}"/>`,
        );
      }
      break;
    }
    case 'valley': {
      parts.push(ridge(random, 420, 200, p.far), ridge(random, 600, 140, p.near));
      parts.push(
        `<path d="M 700 ${H} C 760 760, 640 700, 820 600 S 900 540, 980 520" fill="none" stroke="${p.skyBottom}" stroke-width="46"/>`,
      );
      parts.push(`<rect x="0" y="700" width="${W}" height="10" fill="${p.ground}"/>`);
      for (let i = 0; i < 5; i++)
        parts.push(
          `<rect x="${260 + i * 130}" y="652" width="120" height="48" rx="8" fill="${i === 0 ? p.accent : '#f2efe8'}"/>`,
        );
      break;
    }
  }
  return parts.join('');
}

/** A 1600 × 900 JPEG of the scene; the same `seed` always gives the same bytes. */
export async function renderDemoImage(kind: DemoScene, seed: number): Promise<Buffer> {
  const random = seeded(seed);
  const palette = PALETTES[seed % PALETTES.length]!;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${palette.skyTop}"/>` +
    `<stop offset="1" stop-color="${palette.skyBottom}"/></linearGradient></defs>` +
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>${scene(kind, palette, random)}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}
