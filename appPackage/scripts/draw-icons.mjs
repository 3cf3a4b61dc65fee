// Draws the app's two Teams icons from geometry, so they can be redrawn and
// reviewed like code: `npm run icons` (or `node appPackage/scripts/draw-icons.mjs [outDir]`).
//
//   color.png    192×192  white shield with a cut-out medical cross on a blue field
//   outline.png   32×32   the same shield as a white outline, cross filled, transparent elsewhere
//
// Teams requires the outline icon to be white on a transparent background; the
// anti-aliased edges therefore vary only in alpha, never in colour.
// The cross is blue, never red: a red cross on white is a protected emblem.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';

const outDir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(outDir, { recursive: true });

// ---- geometry (unit square, y down) ---------------------------------------

function cubic(p0, p1, p2, p3, steps) {
  const pts = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    pts.push([
      u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
      u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
    ]);
  }
  return pts;
}

/** A heater shield: flat top with rounded shoulders, straight sides, curved to a point. */
function shield({ left, right, top, waist, bottom }) {
  const cx = (left + right) / 2;
  const r = (right - left) * 0.1; // shoulder radius
  const pts = [[left + r, top], [right - r, top]];
  pts.push(...cubic([right - r, top], [right - r * 0.45, top], [right, top + r * 0.45], [right, top + r], 6));
  pts.push([right, waist]);
  pts.push(...cubic([right, waist], [right, waist + (bottom - waist) * 0.55], [cx + (right - cx) * 0.45, bottom - (bottom - waist) * 0.12], [cx, bottom], 24));
  pts.push(...cubic([cx, bottom], [cx - (cx - left) * 0.45, bottom - (bottom - waist) * 0.12], [left, waist + (bottom - waist) * 0.55], [left, waist], 24));
  pts.push([left, top + r]);
  pts.push(...cubic([left, top + r], [left, top + r * 0.45], [left + r * 0.45, top], [left + r, top], 6));
  return pts;
}

/** Even-odd rule; the edge crossings of each scanline are computed once and reused. */
function insidePolygon(poly, x, y) {
  poly.rows ??= new Map();
  let crossings = poly.rows.get(y);
  if (!crossings) {
    crossings = [];
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [xi, yi] = poly[i];
      const [xj, yj] = poly[j];
      if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
    poly.rows.set(y, crossings);
  }
  let inside = false;
  for (const cx of crossings) if (x < cx) inside = !inside;
  return inside;
}

function distanceToPolygon(poly, x, y) {
  let best = Infinity;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [ax, ay] = poly[j];
    const [bx, by] = poly[i];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

function insideCross({ cx, cy, arm, thickness }, x, y) {
  const h = thickness / 2;
  return (Math.abs(x - cx) <= h && Math.abs(y - cy) <= arm) || (Math.abs(y - cy) <= h && Math.abs(x - cx) <= arm);
}

// ---- rasteriser -----------------------------------------------------------

const SAMPLES = 8; // 8×8 supersampling per pixel for smooth edges

/** coverage(x, y) → 0..1 for each named layer; paint(layers) → [r, g, b, a]. */
function render(size, layerNames, inLayer, paint) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const cover = Object.fromEntries(layerNames.map((n) => [n, 0]));
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          for (const n of layerNames) if (inLayer(n, x, y)) cover[n] += 1;
        }
      }
      for (const n of layerNames) cover[n] /= SAMPLES * SAMPLES;
      const [r, g, b, a] = paint(cover, py / size);
      const i = (py * size + px) * 4;
      png.data[i] = Math.round(r);
      png.data[i + 1] = Math.round(g);
      png.data[i + 2] = Math.round(b);
      png.data[i + 3] = Math.round(a);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

const mix = (a, b, t) => a + (b - a) * t;
const TOP_BLUE = [0x17, 0x7d, 0xb5];
const BOTTOM_BLUE = [0x0b, 0x4a, 0x73];

// ---- color.png: 192×192, full colour ---------------------------------------

const colorShield = shield({ left: 0.25, right: 0.75, top: 0.17, waist: 0.5, bottom: 0.85 });
const colorCross = { cx: 0.5, cy: 0.465, arm: 0.17, thickness: 0.1 };

const color = render(
  192,
  ['shield', 'cross'],
  (layer, x, y) => (layer === 'shield' ? insidePolygon(colorShield, x, y) : insideCross(colorCross, x, y)),
  (c, v) => {
    const blue = TOP_BLUE.map((ch, k) => mix(ch, BOTTOM_BLUE[k], v));
    // the cross is cut out of the shield, showing the field through it
    const white = Math.max(0, c.shield - c.cross);
    return [...blue.map((ch) => mix(ch, 255, white)), 255];
  },
);
writeFileSync(join(outDir, 'color.png'), color);

// ---- outline.png: 32×32, white on transparent -------------------------------

// Edges and the cross sit on whole pixels so the small icon stays crisp.
const px = (n) => n / 32;
const outlineShield = shield({ left: px(5), right: px(27), top: px(2), waist: px(15), bottom: px(30.5) });
const stroke = px(2);
const outlineCross = { cx: px(16), cy: px(14), arm: px(6), thickness: px(4) };

const outline = render(
  32,
  ['ring', 'cross'],
  (layer, x, y) =>
    layer === 'ring'
      ? insidePolygon(outlineShield, x, y) && distanceToPolygon(outlineShield, x, y) <= stroke
      : insideCross(outlineCross, x, y),
  (c) => [255, 255, 255, 255 * Math.min(1, c.ring + c.cross)],
);
writeFileSync(join(outDir, 'outline.png'), outline);

console.log(`wrote ${join(outDir, 'color.png')} and ${join(outDir, 'outline.png')}`);
