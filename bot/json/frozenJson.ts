/**
 * JSON bytes for replies built mostly from shared, immutable parts.
 *
 * An answer is a cached item card (≈ 5,000 characters, mostly Japanese) with
 * the question spliced in. JSON.stringify escape-scans every string of it
 * again for each answer (≈ 40 µs for a Japanese card) and encoding the result
 * as UTF-8 costs ≈ 17 µs more: together more than finding the answer. Parts
 * frozen with freezeJson() can never change, so their encoded bytes are kept
 * with them (in a WeakMap: they go when the part goes) and jsonBytes() copies
 * those bytes instead of serialising the part again.
 *
 * jsonBytes(x) equals Buffer.from(JSON.stringify(x)) for JSON data (tested);
 * objects it does not know (class instances, anything with toJSON) are left
 * to JSON.stringify.
 */

const frozenParts = new WeakSet<object>();
const encoded = new WeakMap<object, Buffer>();
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

/** Whether freezeJson() has frozen this object (so its JSON is fixed). */
export function isFrozenJson(value: unknown): boolean {
  return value !== null && typeof value === 'object' && frozenParts.has(value);
}

/** The UTF-8 JSON of a value, reusing the encoded bytes of frozen parts. */
export function jsonBytes(value: unknown): Buffer {
  const out = new Writer();
  if (writtenHere(value)) {
    write(value, out, 0);
  } else {
    const text = scalarText(value);
    if (text === undefined) throw new TypeError('jsonBytes: the value has no JSON form');
    out.text(text);
  }
  return out.finish();
}

/** Text and cached bytes in order; encoded into one buffer at the end. */
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

  finish(): Buffer {
    if (this.pending) this.parts.push(this.pending);
    let length = 0;
    for (const p of this.parts) length += typeof p === 'string' ? Buffer.byteLength(p, 'utf8') : p.length;
    // Always a fresh buffer: cached bytes are never handed out.
    const out = Buffer.allocUnsafe(length);
    let at = 0;
    for (const p of this.parts) at += typeof p === 'string' ? out.write(p, at, 'utf8') : p.copy(out, at);
    return out;
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

function write(value: object, out: Writer, depth: number): void {
  if (frozenParts.has(value)) {
    let bytes = encoded.get(value);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(value), 'utf8');
      encoded.set(value, bytes);
    }
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
