/**
 * Checks the schema cannot express: things Teams rejects at upload or that
 * break the app at run time even in a schema-valid manifest.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every string in a JSON document with its path (`staticTabs[0].contentUrl`). */
export function stringsWithPaths(node: unknown, prefix = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[prefix, node]];
  if (Array.isArray(node)) return node.flatMap((v, i) => stringsWithPaths(v, `${prefix}[${i}]`));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => stringsWithPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

/** `*.example.com` matches any subdomain of example.com; otherwise exact host[:port]. */
export function domainMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p.startsWith('*.')) return h.endsWith(p.slice(1)) && h.length > p.length - 1;
  return p === h;
}

/**
 * Where the developer's own pages live (privacy statement, terms of use,
 * website) is the publisher's choice: Teams opens them in the browser, not in
 * the app's frame, so they need not be on the app's domains.
 */
const OPENED_IN_BROWSER = /^developer\./;

/**
 * Every URL Teams loads for the app — tab pages, the SSO resource, link
 * unfurling domains — must be https and on one of `validDomains`.
 */
export function checkUrlsOnValidDomains(manifest: Record<string, unknown>): string[] {
  const validDomains = Array.isArray(manifest.validDomains) ? (manifest.validDomains as string[]) : [];
  const onValidDomain = (host: string) => validDomains.some((d) => domainMatches(d, host));
  const problems: string[] = [];
  for (const [where, value] of stringsWithPaths(manifest)) {
    if (where === '$schema' || OPENED_IN_BROWSER.test(where)) continue;
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
    if (!scheme) continue;
    if (scheme !== 'https' && scheme !== 'api') {
      problems.push(`${where}: ${value} must use https`);
      continue;
    }
    let host: string;
    try {
      host = new URL(value.replace(/\{[^}]*\}/g, 'x')).host;
    } catch {
      problems.push(`${where}: ${value} is not a valid URL`);
      continue;
    }
    if (!onValidDomain(host)) problems.push(`${where}: ${host} is not in validDomains (${validDomains.join(', ') || 'none'})`);
  }
  const extensions = Array.isArray(manifest.composeExtensions) ? (manifest.composeExtensions as Array<Record<string, Json>>) : [];
  extensions.forEach((ext, i) => {
    const handlers = Array.isArray(ext.messageHandlers) ? ext.messageHandlers : [];
    handlers.forEach((handler, j) => {
      const domains = (handler as { value?: { domains?: string[] } }).value?.domains ?? [];
      domains.forEach((domain, k) => {
        if (!onValidDomain(domain.replace(/^\*\./, 'x.'))) {
          problems.push(`composeExtensions[${i}].messageHandlers[${j}].value.domains[${k}]: ${domain} is not in validDomains`);
        }
      });
    });
  });
  return problems;
}

/** The message extension is served by the app's bot (composeExtension invokes arrive at /api/messages). */
export function checkBotIds(manifest: Record<string, unknown>): string[] {
  const bots = (manifest.bots as Array<{ botId?: string }> | undefined) ?? [];
  const extensions = (manifest.composeExtensions as Array<{ botId?: string }> | undefined) ?? [];
  const botId = bots[0]?.botId;
  return extensions.flatMap((ext, i) =>
    ext.botId && ext.botId !== botId ? [`composeExtensions[${i}].botId ${ext.botId} is not the bot's ID (${botId ?? 'no bot'})`] : [],
  );
}

/** Reads `bots[0].commandLists[1].commands[0].title` out of a document. */
export function valueAtPath(document: unknown, keyPath: string): unknown {
  const steps = keyPath.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let node: unknown = document;
  for (const step of steps) {
    if (node === null || typeof node !== 'object') return undefined;
    node = step.startsWith('[') ? (node as unknown[])[Number(step.slice(1, -1))] : (node as Record<string, unknown>)[step];
  }
  return node;
}

/** Each localized string must translate a string that exists in the manifest. */
export function checkLocalizationKeys(manifest: unknown, localization: Record<string, unknown>, fileName: string): string[] {
  return Object.keys(localization)
    .filter((key) => key !== '$schema' && key !== 'localizationKeys')
    .filter((key) => typeof valueAtPath(manifest, key) !== 'string')
    .map((key) => `${fileName}: "${key}" translates nothing in the manifest`);
}
