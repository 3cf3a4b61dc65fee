/**
 * What Teams requires of every card we send: it parses with the Adaptive
 * Cards library without warnings, declares 1.5 and uses nothing newer,
 * wraps text, uses the full width, and fits Teams' 28 KB limit counted in
 * UTF-16 (2 bytes per code unit).
 */
// The package's CommonJS entry is an ESM shim that Node cannot load; the bundle works.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const AC = require('adaptivecards/dist/adaptivecards.js');

export const TEAMS_CARD_LIMIT_BYTES = 28 * 1024;

/** Element and action types of Adaptive Cards up to 1.5. */
const ALLOWED_TYPES = new Set([
  'AdaptiveCard', 'TextBlock', 'RichTextBlock', 'TextRun', 'Image', 'ImageSet', 'Media', 'Container', 'ColumnSet', 'Column', 'FactSet',
  'ActionSet', 'Table', 'TableRow', 'TableCell', 'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet',
  'Action.OpenUrl', 'Action.Submit', 'Action.ShowCard', 'Action.ToggleVisibility', 'Action.Execute',
]);

export function utf16Bytes(value: unknown): number {
  return JSON.stringify(value).length * 2;
}

export function cardProblems(card: any): string[] {
  const problems: string[] = [];
  if (card?.type !== 'AdaptiveCard') problems.push('not an AdaptiveCard');
  if (card?.version !== '1.5') problems.push(`version ${card?.version}, expected 1.5`);
  if (card?.msteams?.width !== 'Full') problems.push('msteams.width is not Full');
  const size = utf16Bytes(card);
  if (size > TEAMS_CARD_LIMIT_BYTES) problems.push(`size ${size} bytes exceeds ${TEAMS_CARD_LIMIT_BYTES}`);
  const text = JSON.stringify(card);
  if (text.includes('${')) problems.push('unexpanded template expression');
  const walk = (node: any, path: string) => {
    if (Array.isArray(node)) { node.forEach((n, i) => walk(n, `${path}[${i}]`)); return; }
    if (!node || typeof node !== 'object') return;
    if (typeof node.type === 'string' && !ALLOWED_TYPES.has(node.type) && !node.type.startsWith('application/')) problems.push(`${path}: type ${node.type} is not in Adaptive Cards 1.5`);
    if (node.type === 'TextBlock' && node.wrap !== true) problems.push(`${path}: TextBlock without wrap`);
    if (node.type === 'TextBlock' && (typeof node.text !== 'string' || node.text.trim() === '')) problems.push(`${path}: empty TextBlock`);
    if (node.type === 'Action.OpenUrl' && !/^https:\/\//.test(node.url ?? '')) problems.push(`${path}: OpenUrl without an https URL`);
    for (const [k, v] of Object.entries(node)) if (k !== 'data') walk(v, `${path}.${k}`);
  };
  walk(card, 'card');
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i += 1) problems.push(`adaptivecards: ${ctx.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents ?? []) problems.push(`adaptivecards validation: ${e.message}`);
  return problems;
}
