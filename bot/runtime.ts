/**
 * The Node.js lines this app supports: the LTS lines in support today. Node 20
 * reached end of life on 2026-04-30, and restify 12 and better-sqlite3 13
 * need 22 or later (better-sqlite3 13 crashes Node 20 with a segmentation
 * fault rather than an error). package.json `engines` says the same.
 */
export const SUPPORTED_NODE_LINES = [22, 24, 26] as const;

/** Why this Node.js cannot run the app, or undefined when it can. */
export function unsupportedNodeMessage(version: string = process.versions.node): string | undefined {
  const major = Number(version.split('.')[0]);
  if (major >= SUPPORTED_NODE_LINES[0]) return undefined;
  return `medsec-reference needs Node.js ${SUPPORTED_NODE_LINES.join(', ')} (an LTS line in support); this is Node.js ${version}. `
    + 'Install a supported Node.js (24 is recommended), or on a machine without one run `scripts/with-node 24 npm start` '
    + '(after `scripts/with-node 24 npm install`).';
}
