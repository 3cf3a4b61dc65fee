/**
 * npm run validate:data — checks data/ against the schema and prints a
 * summary per edition, or names the file, item and field that is wrong (exit 1).
 */
import { CONFORMITIES } from '../../contract/conformity';
import { loadLibrary, ReferenceDataError } from './loadLibrary';

try {
  const library = loadLibrary(process.env.DATA_DIR || undefined);
  for (const edition of library.editions) {
    const counts = CONFORMITIES.map((c) => `${edition.items.filter((i) => i.conformity === c).length} ${c}`).join(', ');
    const notHigh = edition.items.filter((i) => i.confidence !== 'high').length;
    const cited = new Set(edition.items.flatMap((i) => i.documents));
    const links = edition.items.reduce((n, i) => n + library.counterparts(edition, i).length, 0);
    console.log(`${edition.id} (${edition.info.label.ja}): ${edition.items.length} items (${counts}); ${notHigh} not high-confidence; ${cited.size} of ${library.documents.length} documents cited; ${links} crosswalk links.`);
  }
} catch (err) {
  if (err instanceof ReferenceDataError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
