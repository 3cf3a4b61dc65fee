/**
 * Teams' icon rules: a full-colour 192×192 PNG, and a 32×32 outline PNG that
 * is white on a transparent background (Teams tints it; any other colour shows
 * up as a smudge in the app bar).
 */
import { PNG } from 'pngjs';

export interface IconFacts {
  width: number;
  height: number;
  /** Pixels with alpha 0. */
  transparent: number;
  /** Pixels with alpha > 0 whose colour is not pure white. */
  nonWhiteVisible: number;
  /** Distinct opaque colours (capped), to tell a drawn icon from a flat square. */
  colours: number;
}

export function iconFacts(png: Buffer): IconFacts {
  const image = PNG.sync.read(png);
  let transparent = 0;
  let nonWhiteVisible = 0;
  const colours = new Set<number>();
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b, a] = [image.data[i], image.data[i + 1], image.data[i + 2], image.data[i + 3]];
    if (a === 0) {
      transparent++;
      continue;
    }
    if (r !== 255 || g !== 255 || b !== 255) nonWhiteVisible++;
    if (a === 255 && colours.size < 1000) colours.add((r << 16) | (g << 8) | b);
  }
  return { width: image.width, height: image.height, transparent, nonWhiteVisible, colours: colours.size };
}

export function checkColorIcon(name: string, png: Buffer): string[] {
  const f = safeFacts(name, png);
  if ('problem' in f) return [f.problem];
  const problems: string[] = [];
  if (f.width !== 192 || f.height !== 192) problems.push(`${name} is ${f.width}×${f.height}; the colour icon must be 192×192`);
  if (f.colours < 2) problems.push(`${name} is a single flat colour`);
  return problems;
}

export function checkOutlineIcon(name: string, png: Buffer): string[] {
  const f = safeFacts(name, png);
  if ('problem' in f) return [f.problem];
  const problems: string[] = [];
  const pixels = f.width * f.height;
  if (f.width !== 32 || f.height !== 32) problems.push(`${name} is ${f.width}×${f.height}; the outline icon must be 32×32`);
  if (f.nonWhiteVisible > 0) problems.push(`${name} has ${f.nonWhiteVisible} visible pixels that are not white; the outline icon must be white on transparent`);
  if (f.transparent === 0) problems.push(`${name} has no transparent background`);
  if (f.transparent === pixels) problems.push(`${name} is fully transparent`);
  return problems;
}

function safeFacts(name: string, png: Buffer): IconFacts | { problem: string } {
  try {
    return iconFacts(png);
  } catch (err) {
    return { problem: `${name} is not a readable PNG (${(err as Error).message})` };
  }
}
