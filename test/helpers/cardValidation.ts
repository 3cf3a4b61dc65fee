/**
 * What Teams requires of every card we send: it parses with the Adaptive
 * Cards library without warnings, declares the version its surface documents
 * (1.5 unless told; 1.3 for link unfurling) and uses nothing newer, wraps
 * text, uses the full width, and fits Teams' 28 KB limit counted in UTF-16
 * (2 bytes per code unit).
 */
// The package's CommonJS entry is an ESM shim that Node cannot load; the bundle works.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const AC = require('adaptivecards/dist/adaptivecards.js');

export const TEAMS_CARD_LIMIT_BYTES = 28 * 1024;

/** Element and action types of Adaptive Cards up to 1.5, and those newer than 1.3. */
const ALLOWED_TYPES = new Set([
  'AdaptiveCard', 'TextBlock', 'RichTextBlock', 'TextRun', 'Image', 'ImageSet', 'Media', 'Container', 'ColumnSet', 'Column', 'FactSet',
  'ActionSet', 'Table', 'TableRow', 'TableCell', 'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet',
  'Action.OpenUrl', 'Action.Submit', 'Action.ShowCard', 'Action.ToggleVisibility', 'Action.Execute',
]);

const NEWER_THAN_1_3 = new Set(['Table', 'TableRow', 'TableCell', 'Action.Execute']);

export type CardVersion = '1.3' | '1.5';

export function utf16Bytes(value: unknown): number {
  return JSON.stringify(value).length * 2;
}

export function cardProblems(card: any, options: { version?: CardVersion } = {}): string[] {
  const version = options.version ?? '1.5';
  const problems: string[] = [];
  if (card?.type !== 'AdaptiveCard') problems.push('not an AdaptiveCard');
  if (card?.version !== version) problems.push(`version ${card?.version}, expected ${version}`);
  if (card?.msteams?.width !== 'Full') problems.push('msteams.width is not Full');
  const size = utf16Bytes(card);
  if (size > TEAMS_CARD_LIMIT_BYTES) problems.push(`size ${size} bytes exceeds ${TEAMS_CARD_LIMIT_BYTES}`);
  const text = JSON.stringify(card);
  if (text.includes('${')) problems.push('unexpanded template expression');
  const walk = (node: any, path: string) => {
    if (Array.isArray(node)) { node.forEach((n, i) => walk(n, `${path}[${i}]`)); return; }
    if (!node || typeof node !== 'object') return;
    if (typeof node.type === 'string' && !node.type.startsWith('application/')
      && (!ALLOWED_TYPES.has(node.type) || (version === '1.3' && NEWER_THAN_1_3.has(node.type)))) problems.push(`${path}: type ${node.type} is not in Adaptive Cards ${version}`);
    if (node.type === 'TextBlock' && node.wrap !== true) problems.push(`${path}: TextBlock without wrap`);
    if (node.type === 'TextBlock' && (typeof node.text !== 'string' || node.text.trim() === '')) problems.push(`${path}: empty TextBlock`);
    if (node.type === 'Action.OpenUrl' && !/^https:\/\//.test(node.url ?? '')) problems.push(`${path}: OpenUrl without an https URL`);
    for (const [k, v] of Object.entries(node)) if (k !== 'data') walk(v, `${path}.${k}`);
  };
  walk(card, 'card');
  const parsed = new AC.AdaptiveCard();
  // The library reports every element and property newer than the target version.
  const ctx = new AC.SerializationContext(version === '1.3' ? AC.Versions.v1_3 : AC.Versions.v1_5);
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i += 1) problems.push(`adaptivecards: ${ctx.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents ?? []) problems.push(`adaptivecards validation: ${e.message}`);
  return problems;
}
