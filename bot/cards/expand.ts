/**
 * Card templates (templates/*.json, Adaptive Card 1.5; versions.ts lowers the
 * declared version where a surface documents less) filled with
 * adaptivecards-templating. A template shows the card's whole shape; the
 * builders only compute the data that fills it.
 */
import { Template } from 'adaptivecards-templating';

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string; body: unknown[]; actions?: unknown[] };

export function compileTemplate(json: object): (data: object) => AdaptiveCard {
  const template = new Template(json);
  return (data) => template.expand({ $root: data }) as AdaptiveCard;
}
