/**
 * npm run validate:data — checks data/ against the schema and prints a
 * summary, or names the file, item and field that is wrong (exit 1).
 */
import { loadReference, ReferenceDataError } from './loadReference';

try {
  const ref = loadReference(process.env.DATA_DIR || undefined);
  const conformable = ref.items.filter((i) => i.conformity === 'conformable').length;
  const notHigh = ref.items.filter((i) => i.confidence !== 'high').length;
  const cited = new Set(ref.items.flatMap((i) => i.documents));
  console.log(`${ref.items.length} items: ${conformable} 適合可能 (conformable), ${ref.items.length - conformable} 対象外 (not applicable); ${notHigh} not high-confidence; ${cited.size} of ${ref.documents.length} documents cited.`);
} catch (err) {
  if (err instanceof ReferenceDataError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
