/**
 * Above the checklist: the self-assessment as one summary line — progress
 * and the count per status, and whether it runs in local mode or narrows the
 * list — that opens on demand to whose assessment this is, the progress bar
 * and progress per section, the assessment filters (status, owner, mine,
 * overdue — kept in the URL like the others) and export / import. Closed by
 * default, so the checklist's first rows are on the first screen; open or
 * closed is remembered in this browser (one setting for every scope).
 */
import { memo, useMemo, useRef, useState } from 'react';
import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field,
  MessageBar, MessageBarBody, ProgressBar, Select, Spinner, makeStyles, tokens,
} from '@fluentui/react-components';
import type { ItemView } from '../data/model';
import { STATUSES, computeProgress, hasAssessmentFilters, ownersOf, type AssessmentStatus } from '../data/assessmentModel';
import type { ExportKind } from '../data/assessmentApi';
import { useAssessmentMeta, useAssessmentStore, type AssessmentMeta } from '../data/useAssessment';
import type { Filters } from '../state/route';
import { ASSESSMENT_PANEL_KEY, useStoredFlag } from '../state/useStoredFlag';
import { format, useStrings, type Locale, type Strings } from '../i18n';
import { NARROW } from '../layout';
import { statusLabel } from './AssessmentBadge';
import { ChevronIcon } from './icons';

export interface AssessmentPanelProps {
  /** The items in the tab's scope (its view), for progress. */
  items: ItemView[];
  filters: Filters;
  locale: Locale;
  onChange(filters: Filters): void;
}

const useStyles = makeStyles({
  root: {
    display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4,
    [NARROW]: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
    // On paper the summary line only.
    '@media print': { boxShadow: 'none', padding: 0, '& #assessment-body, & [data-testid="local-mode-tag"], & svg': { display: 'none' } },
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: 0 },
  // The figures take part in the summary line's wrapping, word by word.
  contents: { display: 'contents' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  toggle: {
    display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px',
    padding: `0 ${tokens.spacingHorizontalS} 0 ${tokens.spacingHorizontalXS}`, marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})`,
    border: 'none', borderRadius: tokens.borderRadiusMedium, background: 'transparent', color: tokens.colorNeutralForeground1,
    font: 'inherit', cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  overall: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  counts: { margin: 0, padding: 0, minWidth: 0, fontSize: tokens.fontSizeBase200, '& > li': { display: 'inline-block', marginRight: tokens.spacingHorizontalM, whiteSpace: 'nowrap' } },
  tag: {
    fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, color: tokens.colorNeutralForeground2,
  },
  body: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(11rem, 100%), 1fr))', alignItems: 'end', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  sections: { margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalXS, gridTemplateColumns: 'repeat(auto-fill, minmax(min(16rem, 100%), 1fr))', fontSize: tokens.fontSizeBase200 },
  hidden: { display: 'none' },
});

function errorText(s: Strings, meta: AssessmentMeta): string {
  const e = meta.error!;
  if (e.status === 401) return format(s.assessmentSignIn, { message: e.message });
  const refusedTenant = (e.details as { tenantId?: unknown } | undefined)?.tenantId;
  if (e.status === 403 && e.code === 'tenant_not_allowed' && typeof refusedTenant === 'string') {
    return format(s.assessmentTenantNotAllowed, { tenant: refusedTenant });
  }
  if (e.status === 403) return format(s.assessmentForbidden, { message: e.message });
  if (e.status === 503) return format(s.assessmentUnavailable, { message: e.message });
  return format(s.assessmentLoadError, { message: e.message });
}

export function AssessmentPanel({ items, filters, locale, onChange }: AssessmentPanelProps) {
  const store = useAssessmentStore();
  const meta = useAssessmentMeta(store);
  const s = useStrings();
  const styles = useStyles();
  const [open, setOpen] = useStoredFlag(ASSESSMENT_PANEL_KEY, false);

  if (!store) return null;
  if (meta.status === 'loading' && meta.revision === 0) {
    return <div className={styles.root}><Spinner size="tiny" label={s.assessmentLoading} /></div>;
  }
  if (meta.status === 'error') {
    return (
      <div className={styles.root}>
        <MessageBar intent="error" data-testid="assessment-error">
          <MessageBarBody>{errorText(s, meta)}</MessageBarBody>
        </MessageBar>
        <div><Button onClick={() => void store.load()}>{s.assessmentRetry}</Button></div>
      </div>
    );
  }
  const filtered = hasAssessmentFilters({ status: filters.status, owner: filters.owner, mine: filters.mine === '1', overdue: filters.overdue === '1' });
  return (
    <section className={styles.root} aria-labelledby="assessment-heading" data-testid="assessment-panel" data-open={open}>
      <div className={styles.line}>
        <h2 id="assessment-heading" className={styles.heading}>
          <button type="button" className={styles.toggle} aria-expanded={open} aria-controls="assessment-body" onClick={() => setOpen(!open)} data-action="assessment-toggle">
            <ChevronIcon open={open} />
            {s.assessmentHeading}
          </button>
        </h2>
        <ProgressLine items={items} revision={meta.revision} />
        {meta.mode === 'local' && <span className={styles.tag} title={s.assessmentLocalMode} data-testid="local-mode-tag">{s.assessmentLocalModeShort}</span>}
        {filtered && <span className={styles.tag} data-testid="assessment-filtered">{s.assessmentFiltered}</span>}
      </div>
      {open && (
        <div id="assessment-body" className={styles.body}>
          <p className={styles.note}>{store.scope === 'personal' ? s.assessmentPersonal : s.assessmentChannel}</p>
          {meta.mode === 'local' && (
            <MessageBar intent="info" data-testid="local-mode"><MessageBarBody>{s.assessmentLocalMode}</MessageBarBody></MessageBar>
          )}
          <ProgressDetail items={items} revision={meta.revision} />
          <AssessmentFilters filters={filters} onChange={onChange} revision={meta.revision} />
          <ExportImport locale={locale} />
        </div>
      )}
    </section>
  );
}

function useProgress(items: ItemView[], revision: number) {
  const store = useAssessmentStore()!;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => {
    return computeProgress(items, store.statusOf);
  }, [items, store, revision]);
}

/** The summary line's figures: settled of total, and the count per status. */
const ProgressLine = memo(function ProgressLine({ items, revision }: { items: ItemView[]; revision: number }) {
  const s = useStrings();
  const styles = useStyles();
  const o = useProgress(items, revision).overall;
  return (
    <div className={styles.contents} data-testid="assessment-progress" data-settled={o.settled} data-total={o.total}>
      <span className={styles.overall} title={format(s.progressOverall, { total: o.total, settled: o.settled })}>
        {format(s.progressShort, { total: o.total, settled: o.settled })}
      </span>
      <ul className={styles.counts} aria-label={s.progressLabel}>
        {STATUSES.map((st) => (
          <li key={st} data-status={st} data-count={o.counts[st]}>{format(s.progressCounts, { label: statusLabel(s, st), count: o.counts[st] })}</li>
        ))}
      </ul>
    </div>
  );
});

/** Opened: the progress bar, and the progress per section on demand. */
const ProgressDetail = memo(function ProgressDetail({ items, revision }: { items: ItemView[]; revision: number }) {
  const s = useStrings();
  const styles = useStyles();
  const [bySection, setBySection] = useState(false);
  const progress = useProgress(items, revision);
  const o = progress.overall;
  return (
    <div>
      <Field label={format(s.progressOverall, { total: o.total, settled: o.settled })}>
        <ProgressBar value={o.ratio} max={1} thickness="large" aria-label={s.progressLabel} />
      </Field>
      <Button appearance="subtle" size="small" aria-expanded={bySection} onClick={() => setBySection((v) => !v)} data-action="progress-sections">
        {s.progressBySection}
      </Button>
      {bySection && (
        <ul className={styles.sections} data-testid="section-progress">
          {progress.sections.map((sec) => (
            <li key={sec.section} data-section={sec.section} data-settled={sec.settled}>
              <Field label={format(s.progressSection, { id: sec.section, settled: sec.settled, total: sec.total })}>
                <ProgressBar value={sec.ratio} max={1} aria-label={format(s.progressSection, { id: sec.section, settled: sec.settled, total: sec.total })} />
              </Field>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

const AssessmentFilters = memo(function AssessmentFilters({ filters, onChange, revision }: { filters: Filters; onChange(f: Filters): void; revision: number }) {
  const store = useAssessmentStore()!;
  const s = useStrings();
  const styles = useStyles();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const owners = useMemo(() => ownersOf(store.all().values()), [store, revision]);
  if (filters.owner && !owners.includes(filters.owner)) owners.push(filters.owner);
  return (
    <div className={styles.filters} role="group" aria-label={s.filters}>
      <Field label={s.statusLabel}>
        <Select value={filters.status ?? ''} onChange={(_e, d) => onChange({ ...filters, status: (d.value || undefined) as AssessmentStatus | undefined })} data-filter="status">
          <option value="">{s.statusAll}</option>
          {STATUSES.map((st) => <option key={st} value={st}>{statusLabel(s, st)}</option>)}
        </Select>
      </Field>
      <Field label={s.ownerLabel}>
        <Select value={filters.owner ?? ''} onChange={(_e, d) => onChange({ ...filters, owner: d.value || undefined })} data-filter="owner">
          <option value="">{s.ownerAll}</option>
          {owners.map((o) => <option key={o} value={o}>{o}</option>)}
        </Select>
      </Field>
      <Checkbox label={s.mineLabel} checked={filters.mine === '1'} onChange={(_e, d) => onChange({ ...filters, mine: d.checked ? '1' : undefined })} data-filter="mine" />
      <Checkbox label={s.overdueLabel} checked={filters.overdue === '1'} onChange={(_e, d) => onChange({ ...filters, overdue: d.checked ? '1' : undefined })} data-filter="overdue" />
    </div>
  );
});

type Notice = { intent: 'success' | 'error'; text: string } | null;

function ExportImport({ locale }: { locale: Locale }) {
  const store = useAssessmentStore()!;
  const s = useStrings();
  const styles = useStyles();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [pendingImport, setPendingImport] = useState<{ file: string; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const download = async (kind: ExportKind) => {
    setBusy(kind);
    setNotice(null);
    try {
      const { blob, fileName } = await store.exportFile(kind, locale);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      setNotice({ intent: 'error', text: format(s.exportError, { message: (err as Error).message }) });
    } finally {
      setBusy(null);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    if (fileInput.current) fileInput.current.value = '';
    try {
      JSON.parse(text);
    } catch {
      setNotice({ intent: 'error', text: s.importNotJson });
      return;
    }
    setPendingImport({ file: file.name, text });
  };

  const runImport = async () => {
    const pending = pendingImport;
    setPendingImport(null);
    if (!pending) return;
    setBusy('import');
    setNotice(null);
    try {
      const result = await store.importJson(pending.text);
      setNotice({ intent: 'success', text: format(s.importDone, result.imported) });
    } catch (err) {
      setNotice({ intent: 'error', text: format(s.importError, { message: (err as Error).message }) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <div className={styles.actions}>
        <Button onClick={() => void download('xlsx')} disabled={busy !== null} data-action="export-xlsx">{s.exportXlsx}</Button>
        <Button onClick={() => void download('csv')} disabled={busy !== null} data-action="export-csv">{s.exportCsv}</Button>
        <Button onClick={() => void download('json')} disabled={busy !== null} data-action="export-json">{s.exportJson}</Button>
        <Button onClick={() => void download('checklist')} disabled={busy !== null} data-action="export-checklist" title={s.exportChecklistTitle}>{s.exportChecklist}</Button>
        <Button onClick={() => fileInput.current?.click()} disabled={busy !== null} data-action="import">{s.importJson}</Button>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept="application/json,.json"
          aria-label={s.importJson}
          tabIndex={-1}
          data-testid="import-file"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
        {busy && <Spinner size="tiny" aria-label={s.loading} />}
      </div>
      <div role="status" data-testid="export-status">
        {notice && <MessageBar intent={notice.intent}><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}
      </div>
      {/* Mounted only while asking: a Dialog sets up focus trapping (Tabster's dummy elements) for the whole page. */}
      {pendingImport && <Dialog open onOpenChange={(_e, d) => { if (!d.open) setPendingImport(null); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.importConfirmTitle}</DialogTitle>
            <DialogContent>{format(s.importConfirmBody, { file: pendingImport?.file ?? '' })}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void runImport()} data-action="import-confirm">{s.importConfirm}</Button>
              <Button onClick={() => setPendingImport(null)}>{s.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>}
    </>
  );
}
