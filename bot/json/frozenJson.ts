/**
 * JSON bytes for replies built mostly from shared, immutable parts.
 *
 * An answer is a cached item card (≈ 5,000 characters, mostly Japanese) with
 * the question spliced in. JSON.stringify escape-scans every string of it
 * again for each answer (≈ 40 µs for a Japanese card) and encoding the result
 * as UTF-8 costs ≈ 17 µs more: together more than finding the answer. Parts
 * frozen with freezeJson() can never change, so their encoded bytes are kept
 * with them (in a WeakMap: they go when the part goes) and jsonParts() hands
 * out those bytes instead of serialising the part again; a filled template
 * (JsonTemplate) is its template's bytes with the question between.
 *
 * jsonParts(x), joined, and jsonBytes(x) equal Buffer.from(JSON.stringify(x))
 * for JSON data (tested); objects it does not know (class instances,
 * anything with toJSON) are left to JSON.stringify.
 */

const frozenParts = new WeakSet<object>();
const encoded = new WeakMap<object, Buffer>();
/**
 * On filled copies of templates (JsonTemplate.fill), a hidden property: their
 * JSON, as the template's bytes between the holes and the values in them.
 * Not enumerable, so spreading a copy ({ ...card, version }) leaves it
 * behind and JSON.stringify never sees it. (A property, not a WeakMap: one
 * entry per reply would leave the garbage collector a weak table to sweep.)
 */
const FILLED = Symbol('filledJson');
interface Filled { chunks: readonly Buffer[]; values: readonly string[] }
const MAX_DEPTH = 200;

/** Deep-freezes plain JSON data and marks every object in it as cacheable for jsonBytes(). */
export function freezeJson<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !frozenParts.has(value)) {
    if (!isPlain(value)) throw new TypeError('freezeJson: only plain objects and arrays can be frozen for JSON');
    for (const v of Object.values(value)) {
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') throw new TypeError(`freezeJson: ${typeof v} is not JSON`);
      freezeJson(v);
    }
    Object.freeze(value);
    frozenParts.add(value);
  }
  return value;
}

/**
 * A frozen card with holes: marker strings standing as whole values where
 * per-message text goes (the question, a status line). Each use makes a copy
 * with values in the holes, copying only the objects on the way to a hole
 * and sharing the rest; the copy is frozen too, so its JSON is the
 * template's JSON cut at the holes with the values' JSON between, and
 * jsonBytes() writes it in a few copies instead of walking the card.
 */
export class JsonTemplate<T extends object> {
  readonly template: T;
  /** Where the markers are: property paths from the root, in document (JSON) order. */
  private readonly holes: Array<{ path: ReadonlyArray<string | number>; marker: string }> = [];
  /** The template's JSON cut at the holes (one more than there are holes); undefined until first needed. */
  private chunks: Buffer[] | undefined;

  constructor(template: T, markers: ReadonlySet<string>) {
    this.template = freezeJson(template);
    findHoles(this.template, markers, [], this.holes);
  }

  /** A frozen copy of the template with `values[marker]` (else '') in each hole. */
  fill(values: Readonly<Record<string, string | undefined>>): T {
    const filled = this.holes.map((h) => values[h.marker] ?? '');
    let copy: unknown = this.template;
    this.holes.forEach((h, i) => { copy = withValueAt(copy, h.path, filled[i]); });
    // A template without holes is still copied (at the top), so the caller never holds the shared original.
    const out = (copy === this.template ? { ...this.template } : copy) as T;
    // The copies below the root are frozen as they are made; the rest is the template's, frozen already.
    Object.defineProperty(out, FILLED, { value: { chunks: (this.chunks ??= this.cut()), values: filled } satisfies Filled, enumerable: false });
    return Object.freeze(out);
  }

  /** The template's JSON cut where each hole's quoted marker stands (JSON.stringify writes them in document order). */
  private cut(): Buffer[] {
    const json = JSON.stringify(this.template);
    const chunks: Buffer[] = [];
    let at = 0;
    for (const h of this.holes) {
      const quoted = JSON.stringify(h.marker);
      const next = json.indexOf(quoted, at);
      if (next < 0) throw new Error('JsonTemplate: a hole is missing from the template\'s JSON');
      chunks.push(Buffer.from(json.slice(at, next), 'utf8'));
      at = next + quoted.length;
    }
    chunks.push(Buffer.from(json.slice(at), 'utf8'));
    return chunks;
  }
}

function findHoles(value: unknown, markers: ReadonlySet<string>, path: Array<string | number>, out: Array<{ path: ReadonlyArray<string | number>; marker: string }>): void {
  if (typeof value === 'string') {
    if (markers.has(value)) out.push({ path, marker: value });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findHoles(v, markers, [...path, i], out));
  } else if (value !== null && typeof value === 'object') {
    // Own enumerable keys in JSON.stringify's order; values JSON leaves out hold no strings.
    for (const k of Object.keys(value)) findHoles((value as Record<string, unknown>)[k], markers, [...path, k], out);
  }
}

/**
 * A copy of `root` with the value at `path` replaced; only the objects along
 * the path are copied, and each is frozen once made, but the root: fill()
 * gives it its hidden JSON first.
 */
function withValueAt(root: unknown, path: ReadonlyArray<string | number>, value: unknown, depth = 0): unknown {
  if (depth === path.length) return value;
  const head = path[depth];
  let copy: unknown[] | Record<string, unknown>;
  if (Array.isArray(root)) {
    copy = root.slice();
    copy[head as number] = withValueAt(root[head as number], path, value, depth + 1);
  } else {
    const obj = root as Record<string, unknown>;
    // Spread, then set the (existing) key: the copy keeps the original's shape and key order.
    copy = { ...obj };
    copy[head as string] = withValueAt(obj[head as string], path, value, depth + 1);
  }
  return depth === 0 ? copy : Object.freeze(copy);
}

/** Whether freezeJson() has frozen this object (so its JSON is fixed). */
export function isFrozenJson(value: unknown): boolean {
  return value !== null && typeof value === 'object' && frozenParts.has(value);
}

/**
 * The UTF-8 JSON of a value, as the pieces it is made of: strings, and the
 * cached bytes of frozen parts themselves (shared: write them out, never
 * change them). For a response written piece by piece (one system call when
 * corked), without building one buffer of it all first.
 */
export function jsonParts(value: unknown): { parts: ReadonlyArray<string | Buffer>; byteLength: number } {
  const out = new Writer();
  if (writtenHere(value)) {
    write(value, out, 0);
  } else {
    const text = scalarText(value);
    if (text === undefined) throw new TypeError('jsonParts: the value has no JSON form');
    out.text(text);
  }
  return out.pieces();
}

/** The same JSON in one fresh buffer (the cached bytes are copied, never handed out). */
export function jsonBytes(value: unknown): Buffer {
  const { parts, byteLength } = jsonParts(value);
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)), byteLength);
}

/** Text and cached bytes in order (adjacent text joined). */
class Writer {
  private pending = '';
  private readonly parts: Array<string | Buffer> = [];

  text(s: string): void {
    this.pending += s;
  }

  bytes(b: Buffer): void {
    if (this.pending) this.parts.push(this.pending);
    this.pending = '';
    this.parts.push(b);
  }

  pieces(): { parts: ReadonlyArray<string | Buffer>; byteLength: number } {
    if (this.pending) this.parts.push(this.pending);
    this.pending = '';
    let byteLength = 0;
    for (const p of this.parts) byteLength += typeof p === 'string' ? Buffer.byteLength(p, 'utf8') : p.length;
    return { parts: this.parts, byteLength };
  }
}

/** Characters JSON.stringify escapes (quotes, backslash, controls) or may (surrogates). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(s) for a string, without its cost where nothing needs escaping (most strings). */
function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Frozen parts, plain objects and arrays: written here; the rest is JSON.stringify's. */
function writtenHere(value: unknown): value is object {
  return value !== null && typeof value === 'object'
    && (frozenParts.has(value) || (isPlain(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function'));
}

/** The JSON of a value writtenHere() leaves alone; undefined where JSON has none (undefined, functions, symbols). */
function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' ? quote(value) : JSON.stringify(value);
}

/** A frozen part's encoded bytes (encoded the first time), or undefined for anything else. */
function cachedBytes(value: unknown): Buffer | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  let bytes = encoded.get(value);
  if (!bytes && frozenParts.has(value)) {
    bytes = Buffer.from(JSON.stringify(value), 'utf8');
    encoded.set(value, bytes);
  }
  return bytes;
}

function write(value: object, out: Writer, depth: number): void {
  const filled = (value as { [FILLED]?: Filled })[FILLED];
  if (filled) {
    out.bytes(filled.chunks[0]);
    for (let i = 0; i < filled.values.length; i += 1) {
      out.text(quote(filled.values[i]));
      out.bytes(filled.chunks[i + 1]);
    }
    return;
  }
  const bytes = cachedBytes(value);
  if (bytes) {
    out.bytes(bytes);
    return;
  }
  if (depth > MAX_DEPTH) throw new TypeError('jsonBytes: nested too deeply (a circular structure?)');
  if (Array.isArray(value)) {
    out.text('[');
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out.text(',');
      const v: unknown = value[i];
      if (writtenHere(v)) write(v, out, depth + 1);
      else out.text(scalarText(v) ?? 'null');
    }
    out.text(']');
    return;
  }
  out.text('{');
  let first = true;
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    const here = writtenHere(v);
    // A value without a JSON form leaves its key out, as in JSON.stringify.
    const text = here ? '' : scalarText(v);
    if (text === undefined) continue;
    out.text(first ? `${quote(key)}:${text}` : `,${quote(key)}:${text}`);
    first = false;
    if (here) write(v, out, depth + 1);
  }
  out.text('}');
}
