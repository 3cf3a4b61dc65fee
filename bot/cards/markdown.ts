/**
 * Text inside card TextBlocks, which Teams renders as a subset of Markdown.
 */

/**
 * Text that came from a user is echoed as plain text: links, emphasis and
 * lists are neutralised, whitespace flattened, length bounded.
 */
export function plainText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut.replace(/([\\`*_{}[\]()#+\-!<>|~])/g, '\\$1');
}

/** A Markdown link Teams renders in a TextBlock; the label cannot break out of the brackets. */
export function markdownLink(label: string, url: string): string {
  const safeLabel = label.replace(/([\\[\]])/g, '\\$1');
  const safeUrl = url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20');
  return `[${safeLabel}](${safeUrl})`;
}

/** At most `max` characters, cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
