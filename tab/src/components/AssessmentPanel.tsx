/**
 * Above the checklist: whose assessment this is (and local mode), progress
 * overall and per section, the assessment filters (status, owner, mine,
 * overdue — kept in the URL like the others), and export / import.
 */
import { memo, useMemo, useRef, useState } from 'react';
import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field,
  MessageBar, MessageBarBody, ProgressBar, Select, Spinner, makeStyles, tokens,
} from '@fluentui/react-components';
import type { ItemView } from '../data/model';
import { STATUSES, computeProgress, ownersOf, type AssessmentStatus } from '../data/assessmentModel';
import type { ExportKind } from '../data/assessmentApi';
import { useAssessmentMeta, useAssessmentStore, type AssessmentMeta } from '../data/useAssessment';
import type { Filters } from '../state/route';
import { format, useStrings, type Locale, type Strings } from '../i18n';
import { statusLabel } from './AssessmentBadge';

export interface AssessmentPanelProps {
  /** The items in the tab's scope (its view), for progress. */
  items: ItemView[];
  filters: Filters;
  locale: Locale;
  onChange(filters: Filters): void;
}

const useStyles = makeStyles({
  root: {
    display: 'grid', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4,
    '@media print': { boxShadow: 'none', padding: 0 },
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  counts: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0, padding: 0, listStyle: 'none', fontSize: tokens.fontSizeBase200 },
  filters: {
    display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))', alignItems: 'end', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    '@media print': { display: 'none' },
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', '@media print': { display: 'none' } },
  sections: { margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalXS, gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', fontSize: tokens.fontSizeBase200 },
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
  return (
    <section className={styles.root} aria-labelledby="assessment-heading" data-testid="assessment-panel">
      <h2 id="assessment-heading" className={styles.heading}>{s.assessmentHeading}</h2>
      <p className={styles.note}>{store.scope === 'personal' ? s.assessmentPersonal : s.assessmentChannel}</p>
      {meta.mode === 'local' && (
        <MessageBar intent="info" data-testid="local-mode"><MessageBarBody>{s.assessmentLocalMode}</MessageBarBody></MessageBar>
      )}
      <ProgressSummary items={items} revision={meta.revision} />
      <AssessmentFilters filters={filters} onChange={onChange} revision={meta.revision} />
      <ExportImport locale={locale} />
    </section>
  );
}

const ProgressSummary = memo(function ProgressSummary({ items, revision }: { items: ItemView[]; revision: number }) {
  const store = useAssessmentStore()!;
  const s = useStrings();
  const styles = useStyles();
  const [bySection, setBySection] = useState(false);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const progress = useMemo(() => {
    const states = store.all();
    return computeProgress(items, (id) => states.get(id)?.status);
  }, [items, store, revision]);
  const o = progress.overall;
  return (
    <div data-testid="assessment-progress" data-settled={o.settled} data-total={o.total}>
      <Field label={format(s.progressOverall, { total: o.total, settled: o.settled })}>
        <ProgressBar value={o.ratio} max={1} thickness="large" aria-label={s.progressLabel} />
      </Field>
      <ul className={styles.counts} aria-label={s.progressLabel}>
        {STATUSES.map((st) => (
          <li key={st} data-status={st} data-count={o.counts[st]}>{format(s.progressCounts, { label: statusLabel(s, st), count: o.counts[st] })}</li>
        ))}
      </ul>
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
