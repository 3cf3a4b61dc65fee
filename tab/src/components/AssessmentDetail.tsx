/**
 * The open item's self-assessment (the `Detail` slot): the edit form —
 * status, owner, note, target and checked dates — with Save, the conflict
 * message when someone else saved first, and the item's history. Typing
 * re-renders this form only. Loaded on demand (a chunk of its own).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ItemView } from '../data/model';
import { STATUSES, UNCHECKED_STATE, draftOf, sameDraft, type AssessmentStatus, type Draft, type ItemState } from '../data/assessmentModel';
import type { HistoryEntry } from '../data/assessmentApi';
import { useAssessmentReady, useAssessmentStore, useItemState } from '../data/useAssessment';
import { format, useStrings, type Strings } from '../i18n';
import { formatDateTime, statusLabel } from './AssessmentBadge';

const useStyles = makeStyles({
  section: {
    display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    '@media print': { display: 'none' },
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(12rem, 100%), 1fr))', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, alignItems: 'end' },
  wide: { gridColumn: '1 / -1' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  meta: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  history: { margin: 0, paddingLeft: '1.25em', display: 'grid', gap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
  changes: { margin: 0, paddingLeft: '1.25em' },
  details: { fontSize: tokens.fontSizeBase200 },
  summary: { cursor: 'pointer', color: tokens.colorBrandForeground1, padding: `${tokens.spacingVerticalXXS} 0` },
  conflictList: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: '1.25em' },
});

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; current: ItemState };

/** The open item's form: status, owner, note, dates; Save; conflicts; history. */
export function AssessmentDetail({ item }: { item: ItemView }) {
  const store = useAssessmentStore();
  const ready = useAssessmentReady(store);
  const state = useItemState(store, item.id) ?? UNCHECKED_STATE;
  const s = useStrings();
  const styles = useStyles();
  const idBase = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(state));
  // The version the draft was based on; a save sends it.
  const [base, setBase] = useState<ItemState>(state);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const dirty = !sameDraft(draft, draftOf(base));

  // Someone else's change (or the first load) arrives while the form is untouched: show it.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    if (state.version === base.version) return;
    if (!dirtyRef.current) {
      setDraft(draftOf(state));
      setBase(state);
    }
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!store || !ready) return null;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (save.kind === 'saved' || save.kind === 'error') setSave({ kind: 'idle' });
  };

  const submit = async (version: number) => {
    setSave({ kind: 'saving' });
    try {
      const result = await store.save(item.id, draft, version);
      if (result.ok) {
        setBase(result.state);
        setDraft(draftOf(result.state));
        setSave({ kind: 'saved', version: result.state.version });
      } else {
        setSave({ kind: 'conflict', current: result.conflict });
      }
    } catch (err) {
      setSave({ kind: 'error', message: (err as Error).message });
    }
  };

  const takeTheirs = (current: ItemState) => {
    setBase(current);
    setDraft(draftOf(current));
    setSave({ kind: 'idle' });
  };

  const field = (name: string) => `${idBase}-${name}`;
  const busy = save.kind === 'saving';
  return (
    <section className={styles.section} aria-labelledby={field('heading')} data-testid="assessment-form">
      <h4 id={field('heading')} className={styles.heading}>{s.assessmentHeading}</h4>
      <form
        className={styles.grid}
        onSubmit={(e) => { e.preventDefault(); if (save.kind !== 'conflict') void submit(base.version); }}
      >
        <Field label={s.statusLabel}>
          <Select value={draft.status} onChange={(_e, d) => set('status', d.value as AssessmentStatus)} data-field="status">
            {STATUSES.map((st) => <option key={st} value={st}>{statusLabel(s, st)}</option>)}
          </Select>
        </Field>
        <Field label={s.ownerLabel}>
          <Input value={draft.owner} maxLength={100} onChange={(_e, d) => set('owner', d.value)} data-field="owner" />
        </Field>
        <Field label={s.targetDateLabel}>
          <Input type="date" value={draft.targetDate} onChange={(_e, d) => set('targetDate', d.value)} data-field="targetDate" />
        </Field>
        <Field label={s.checkedDateLabel}>
          <Input type="date" value={draft.checkedDate} onChange={(_e, d) => set('checkedDate', d.value)} data-field="checkedDate" />
        </Field>
        <Field className={styles.wide} label={s.noteLabel}>
          <Textarea value={draft.note} maxLength={2000} resize="vertical" onChange={(_e, d) => set('note', d.value)} data-field="note" />
        </Field>
        <div className={mergeClasses(styles.wide, styles.actions)}>
          <Button type="submit" appearance="primary" disabled={busy || !dirty || save.kind === 'conflict'} data-action="save">
            {busy ? s.saving : s.save}
          </Button>
          {busy && <Spinner size="tiny" aria-hidden />}
          <span role="status" className={styles.meta} data-testid="save-status">
            {save.kind === 'saved' ? format(s.saved, { version: save.version }) : ''}
          </span>
          {base.updatedBy && (
            <p className={styles.meta}>{format(s.updatedBy, { name: base.updatedBy.name, at: formatDateTime(base.updatedAt, s.locale) })}</p>
          )}
        </div>
      </form>
      {save.kind === 'error' && (
        <MessageBar intent="error" data-testid="save-error"><MessageBarBody>{format(s.saveError, { message: save.message })}</MessageBarBody></MessageBar>
      )}
      {save.kind === 'conflict' && (
        <MessageBar intent="warning" layout="multiline" data-testid="save-conflict">
          <MessageBarBody>
            <MessageBarTitle>{s.conflictTitle}</MessageBarTitle>
            <p style={{ margin: 0 }}>{format(s.conflictBody, { name: save.current.updatedBy?.name ?? s.conflictUnknown, at: formatDateTime(save.current.updatedAt, s.locale) })}</p>
            <ul className={styles.conflictList} data-testid="conflict-current">
              <li>{s.statusLabel}: {statusLabel(s, save.current.status)}</li>
              <li>{s.ownerLabel}: {save.current.owner ?? s.historyEmptyValue}</li>
              <li>{s.targetDateLabel}: {save.current.targetDate ?? s.historyEmptyValue}</li>
              <li>{s.checkedDateLabel}: {save.current.checkedDate ?? s.historyEmptyValue}</li>
              <li>{s.noteLabel}: {save.current.note ?? s.historyEmptyValue}</li>
            </ul>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={() => void submit(save.current.version)} data-action="reapply">{s.conflictReapply}</Button>
              <Button onClick={() => takeTheirs(save.current)} data-action="discard">{s.conflictDiscard}</Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      <ItemHistory itemId={item.id} version={state.version} />
    </section>
  );
}

type HistoryState = { kind: 'closed' } | { kind: 'loading' } | { kind: 'open'; entries: HistoryEntry[] } | { kind: 'error'; message: string };

function showValue(s: Strings, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return s.historyEmptyValue;
  if (field === 'status' && typeof value === 'string') return statusLabel(s, value as AssessmentStatus);
  return String(value);
}

function fieldLabel(s: Strings, field: string): string {
  switch (field) {
    case 'status': return s.statusLabel;
    case 'owner': return s.ownerLabel;
    case 'note': return s.noteLabel;
    case 'targetDate': return s.targetDateLabel;
    case 'checkedDate': return s.checkedDateLabel;
    default: return field;
  }
}

/**
 * A disclosure (details/summary, so the row keeps one aria-expanded button,
 * its own toggle); loaded when opened, reloaded when the version changes.
 */
function ItemHistory({ itemId, version }: { itemId: string; version: number }) {
  const store = useAssessmentStore();
  const s = useStrings();
  const styles = useStyles();
  const [history, setHistory] = useState<HistoryState>({ kind: 'closed' });
  const open = history.kind !== 'closed';

  useEffect(() => {
    if (!open || !store) return;
    let live = true;
    store.history(itemId).then(
      (entries) => { if (live) setHistory({ kind: 'open', entries }); },
      (err: Error) => { if (live) setHistory({ kind: 'error', message: err.message }); },
    );
    return () => { live = false; };
  }, [open, store, itemId, version]);

  return (
    <details
      className={styles.details}
      data-testid="assessment-history"
      onToggle={(e) => { const isOpen = (e.currentTarget as HTMLDetailsElement).open; setHistory((h) => (isOpen ? (h.kind === 'closed' ? { kind: 'loading' } : h) : { kind: 'closed' })); }}
    >
      <summary className={styles.summary} data-action="history">{s.historyShow}</summary>
      {history.kind === 'loading' && <Spinner size="tiny" label={s.loading} />}
      {history.kind === 'error' && <p className={styles.meta} role="alert">{format(s.historyLoadError, { message: history.message })}</p>}
      {history.kind === 'open' && (history.entries.length === 0
        ? <p className={styles.meta}>{s.historyEmpty}</p>
        : (
          <ol className={styles.history}>
            {[...history.entries].reverse().map((h) => (
              <li key={h.version} data-version={h.version}>
                {format(s.historyEntry, { version: h.version, at: formatDateTime(h.at, s.locale), name: h.by.name })}
                {h.source === 'import' ? ` ${s.historyImport}` : ''}
                <ul className={styles.changes}>
                  {h.changes.map((c) => (
                    <li key={c.field}>{fieldLabel(s, c.field)}: {showValue(s, c.field, c.before)} → {showValue(s, c.field, c.after)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ))}
    </details>
  );
}

export default AssessmentDetail;
