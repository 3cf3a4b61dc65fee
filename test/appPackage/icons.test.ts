/**
 * Teams' icon rules, checked on the committed PNGs, and the drawing script
 * still reproduces them exactly (so they can be changed as code).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { checkColorIcon, checkOutlineIcon, iconFacts } from '../../scripts/appPackage/icons';
import { appPackageDir, filledManifest, tempDir } from './helpers';

const read = (file: string) => fs.readFileSync(path.join(appPackageDir, file));

function solid(size: number, rgba: [number, number, number, number], paint?: (x: number, y: number) => [number, number, number, number] | undefined): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) png.data.set(paint?.(x, y) ?? rgba, (y * size + x) * 4);
  }
  return PNG.sync.write(png);
}

describe('the app icons', () => {
  const manifest = filledManifest();

  test('the manifest names color.png and outline.png', () => {
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  test('color.png is a drawn 192×192 full-colour icon', () => {
    const facts = iconFacts(read('color.png'));
    expect([facts.width, facts.height]).toEqual([192, 192]);
    expect(facts.colours).toBeGreaterThan(10);
    expect(checkColorIcon('color.png', read('color.png'))).toEqual([]);
  });

  test('outline.png is 32×32, white on a transparent background', () => {
    const facts = iconFacts(read('outline.png'));
    expect([facts.width, facts.height]).toEqual([32, 32]);
    expect(facts.nonWhiteVisible).toBe(0);
    expect(facts.transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(facts.transparent).toBeLessThan(32 * 32 * 0.9);
    expect(checkOutlineIcon('outline.png', read('outline.png'))).toEqual([]);
  });

  test('appPackage/scripts/draw-icons.mjs reproduces the committed icons byte for byte', () => {
    const out = tempDir('icons');
    execFileSync(process.execPath, [path.join(appPackageDir, 'scripts', 'draw-icons.mjs'), out], { stdio: 'pipe' });
    expect(fs.readFileSync(path.join(out, 'color.png')).equals(read('color.png'))).toBe(true);
    expect(fs.readFileSync(path.join(out, 'outline.png')).equals(read('outline.png'))).toBe(true);
  });
});

describe('the icon checks refuse', () => {
  const white: [number, number, number, number] = [255, 255, 255, 255];
  const clear: [number, number, number, number] = [0, 0, 0, 0];
  const ring = (x: number, y: number) => (x < 4 || y < 4 || x > 27 || y > 27 ? white : undefined);

  test('an outline icon with a coloured pixel', () => {
    const png = solid(32, clear, (x, y) => (x === 10 && y === 10 ? [200, 30, 30, 255] : ring(x, y)));
    expect(checkOutlineIcon('outline.png', png)).toEqual([
      'outline.png has 1 visible pixels that are not white; the outline icon must be white on transparent',
    ]);
  });

  test('an outline icon without a transparent background', () => {
    expect(checkOutlineIcon('outline.png', solid(32, white))).toEqual(['outline.png has no transparent background']);
  });

  test('icons of the wrong size', () => {
    expect(checkOutlineIcon('outline.png', solid(64, clear, (x, y) => (x < 8 ? white : undefined)))).toEqual([
      'outline.png is 64×64; the outline icon must be 32×32',
    ]);
    expect(checkColorIcon('color.png', read('outline.png'))).toContain('color.png is 32×32; the colour icon must be 192×192');
  });

  test('a colour icon that is one flat square, and a file that is not a PNG', () => {
    expect(checkColorIcon('color.png', solid(192, [15, 100, 150, 255]))).toEqual(['color.png is a single flat colour']);
    expect(checkColorIcon('color.png', Buffer.from('not a png'))[0]).toMatch(/^color.png is not a readable PNG/);
  });
});
