/**
 * A small dataset with two editions (test/fixtures/two-editions): the 第5版
 * grammar's `v5` and a made-up `v9` numbered like the later editions'
 * volumes (`sys-17-1`, shown 「シス17①」), linked by a crosswalk. Proof that
 * the model holds an edition keyed differently from 第5版.
 */
import * as path from 'node:path';
import { GRAMMARS, type ItemIdGrammar } from '../../contract/itemIds';

export const TWO_EDITIONS = path.resolve(__dirname, '..', 'fixtures', 'two-editions');

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
const ID = /^(sys)-(\d{1,2})-(\d{1,2})$/;

const TEST_VOLUMES: ItemIdGrammar = {
  name: 'test-volumes',
  example: 'sys-17-1',
  pattern: ID,
  sectionPattern: /^sys-\d{1,2}$/,
  parts(id) {
    const m = ID.exec(id);
    return m ? { section: `${m[1]}-${Number(m[2])}`, number: Number(m[3]) } : undefined;
  },
  find(text) {
    const out: string[] = [];
    for (const m of text.normalize('NFKC').matchAll(/(?:sys-|シス)\s*(\d{1,2})\s*-?\s*([①-⑩]|\d{1,2})/g)) {
      const n = CIRCLED.includes(m[2]) ? CIRCLED.indexOf(m[2]) + 1 : Number(m[2]);
      const id = `sys-${Number(m[1])}-${n}`;
      if (!out.includes(id)) out.push(id);
    }
    return out;
  },
  display(id) {
    const m = ID.exec(id);
    return m ? `シス${Number(m[2])}${CIRCLED[Number(m[3]) - 1] ?? m[3]}` : id;
  },
  compare(a, b) {
    const [, , ca, na] = ID.exec(a) ?? [];
    const [, , cb, nb] = ID.exec(b) ?? [];
    return Number(ca) - Number(cb) || Number(na) - Number(nb);
  },
  compareSections(a, b) {
    return Number(a.split('-')[1]) - Number(b.split('-')[1]);
  },
};

export const TEST_GRAMMARS: Readonly<Record<string, ItemIdGrammar>> = { ...GRAMMARS, 'test-volumes': TEST_VOLUMES };
