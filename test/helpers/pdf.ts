/**
 * Just enough of a PDF reader for Chromium's print-outs (page.pdf()): the
 * number of pages, and on which page each named destination lies. Chromium
 * writes its objects uncompressed (only content streams are deflated), and
 * a named destination for every element an internal link (`<a href="#id">`)
 * points at.
 */

interface PdfObjects {
  /** Object number → the object's text up to its stream, if any. */
  get(n: number): string | undefined;
}

function objects(pdf: Buffer): PdfObjects {
  const text = pdf.toString('latin1');
  const offsets = new Map<number, number>();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b/g)) offsets.set(Number(m[1]), m.index! + m[0].length);
  return {
    get(n) {
      const start = offsets.get(n);
      if (start === undefined) return undefined;
      const end = text.indexOf('endobj', start);
      const body = text.slice(start, end < 0 ? undefined : end);
      const stream = body.indexOf('stream');
      return stream < 0 ? body : body.slice(0, stream);
    },
  };
}

const ref = /(\d+) 0 R/;

export interface PdfInfo {
  /** Page object numbers, in page order. */
  pages: number[];
  /** Named destinations → 1-based page number. */
  destinations: Map<string, number>;
}

export function readPdf(pdf: Buffer): PdfInfo {
  const objs = objects(pdf);
  const text = pdf.toString('latin1');
  const catalogMatch = /\/Type\s*\/Catalog\b[\s\S]*?>>/.exec(text);
  if (!catalogMatch) throw new Error('no /Catalog in the PDF');
  const catalog = catalogMatch[0];
  const root = ref.exec(/\/Pages\s+\d+ 0 R/.exec(catalog)![0])![1];

  // Walk the page tree: a /Pages node lists /Kids, which are pages or nodes.
  const pages: number[] = [];
  const walk = (n: number) => {
    const node = objs.get(n) ?? '';
    if (/\/Type\s*\/Pages\b/.test(node)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '';
      for (const m of kids.matchAll(/(\d+) 0 R/g)) walk(Number(m[1]));
    } else {
      pages.push(n);
    }
  };
  walk(Number(root));

  const destinations = new Map<string, number>();
  const destsRef = /\/Dests\s+(\d+) 0 R/.exec(catalog);
  const dests = destsRef ? objs.get(Number(destsRef[1])) ?? '' : /\/Dests\s*(<<[\s\S]*?>>)/.exec(catalog)?.[1] ?? '';
  for (const m of dests.matchAll(/\/([^\s[/<>()]+)\s*\[\s*(\d+) 0 R/g)) {
    const name = m[1].replace(/#([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    const index = pages.indexOf(Number(m[2]));
    if (index >= 0) destinations.set(name, index + 1);
  }
  return { pages, destinations };
}

/** The page count the quick way (page objects in the file), to cross-check the page tree. */
export function countPageObjects(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;
}
