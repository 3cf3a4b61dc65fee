/**
 * The row's self-assessment badge (the `Aside` slot): status, overdue and
 * owner as plain styled spans — 143 of them, so no Fluent components — and
 * subscribed to its own item only. Loaded with the page; the form, history
 * and panel (heavier Fluent components) come in a separate chunk.
 */
import { memo } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ItemView } from '../data/model';
import { UNCHECKED_STATE, isOverdue, localToday, type AssessmentStatus } from '../data/assessmentModel';
import { useAssessmentReady, useAssessmentStore, useItemState } from '../data/useAssessment';
import { format, useStrings, type Strings } from '../i18n';
import { NARROW } from '../layout';

export function statusLabel(s: Strings, status: AssessmentStatus): string {
  switch (status) {
    case 'done': return s.statusDone;
    case 'partial': return s.statusPartial;
    case 'not-done': return s.statusNotDone;
    case 'not-applicable': return s.statusNotApplicable;
    default: return s.statusUnchecked;
  }
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium', timeStyle: 'short' });
}

const useStyles = makeStyles({
  aside: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, paddingLeft: '2.25rem', minWidth: 0, [NARROW]: { paddingLeft: '1.5rem' }, '@media print': { paddingLeft: 0 } },
  badge: {
    display: 'inline-flex', alignItems: 'center', boxSizing: 'border-box', minHeight: '20px',
    padding: `0 ${tokens.spacingHorizontalS}`, borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, color: tokens.colorNeutralForeground2,
  },
  done: { color: tokens.colorPaletteGreenForeground1, backgroundColor: tokens.colorPaletteGreenBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder1}` },
  partial: { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorPaletteYellowBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder1}` },
  notDone: { color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}` },
  overdue: { color: tokens.colorPaletteRedForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}` },
  owner: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '12rem' },
});

/** The row's badge: status (when loaded), overdue, owner. */
export const AssessmentAside = memo(function AssessmentAside({ item }: { item: ItemView }) {
  const store = useAssessmentStore();
  const state = useItemState(store, item.id);
  const ready = useAssessmentReady(store);
  const s = useStrings();
  const styles = useStyles();
  if (!store || !ready) return null;
  const st = state ?? UNCHECKED_STATE;
  // A later edition's row without its own state shows its 第5版 items' status, saying so.
  const derived = state ? undefined : store.derived(item.id);
  const status = derived?.status ?? st.status;
  const statusClass = status === 'done' || status === 'not-applicable' ? styles.done
    : status === 'partial' ? styles.partial
      : status === 'not-done' ? styles.notDone : undefined;
  return (
    <span className={styles.aside} data-assessment={status} data-derived={derived ? derived.from.join(' ') : undefined}>
      <span className={mergeClasses(styles.badge, statusClass)} data-marker="status" title={derived ? format(s.derivedStatusTitle, { from: derived.from.join(', ') }) : undefined}>
        {derived ? format(s.derivedStatus, { status: statusLabel(s, status) }) : statusLabel(s, status)}
      </span>
      {isOverdue(st, localToday()) && <span className={mergeClasses(styles.badge, styles.overdue)} data-marker="overdue">{s.overdue}</span>}
      {st.owner && <span className={styles.owner} data-marker="owner" title={st.owner}>{st.owner}</span>}
    </span>
  );
});
