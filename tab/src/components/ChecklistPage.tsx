/**
 * The checklist: filters, result summary and the list. Wires the hooks (URL
 * state, reference, search, Teams) to the components, which take plain data.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ClientConfig, ItemView, ReferenceData } from '../data/model';
import { useSearch } from '../data/useSearch';
import { matchesFilters, visibleItems, type VisibleItems } from '../checklist/filterItems';
import { chapterOfView, type Filters } from '../state/route';
import type { UrlState } from '../state/useUrlState';
import type { TeamsContextState } from '../teams/useTeamsContext';
import { canShareInTeams, copyText, shareInTeams, shareToTeamsPageUrl, shareToTeamsPageWorks } from '../teams/share';
import { itemLinkToCopy, itemWebUrl } from '../teams/links';
import { format, topicLabel, useStrings, type Locale, type Strings } from '../i18n';
import { FilterBar, type FilterOption } from './FilterBar';
import { ChecklistList } from './ChecklistList';
import { ShareActions } from './ShareActions';
import { PrintView } from './PrintView';
import type { PrintKind } from '../state/usePrintMode';
import type { ItemSlots } from './ItemRow';
import { AssessmentPanelSlot } from './AssessmentSlots';
import { useAssessmentMeta, useAssessmentStore } from '../data/useAssessment';
import { hasAssessmentFilters, localToday, matchesAssessment, type AssessmentFilters } from '../data/assessmentModel';
import { NARROW } from '../layout';

export interface ChecklistPageProps {
  reference: ReferenceData;
  locale: Locale;
  url: UrlState;
  teams: TeamsContextState;
  clientConfig: ClientConfig | null;
  /** What is being printed; null on screen. */
  printing: PrintKind | null;
  /** The self-assessment's row and detail parts (AssessmentSlots); see ItemSlots. */
  slots?: ItemSlots;
}

const FIRST_PASS_ROWS = 12;

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM, [NARROW]: { gap: tokens.spacingVerticalS }, '@media print': { gap: tokens.spacingVerticalXXS } },
  scope: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, '@media print': { display: 'none' } },
  summary: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  printOnly: { display: 'none', '@media print': { display: 'block', margin: 0, fontSize: tokens.fontSizeBase200 } },
  // The screen's list gives way to the print view on paper.
  screenOnly: { '@media print': { display: 'none' } },
  empty: { padding: tokens.spacingVerticalXXL, textAlign: 'center', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge },
  degraded: { margin: 0, color: tokens.colorPaletteMarigoldForeground2, fontSize: tokens.fontSizeBase200 },
});

function viewLabel(strings: Strings, filters: Filters): string | undefined {
  if (filters.view === 'conformable') return strings.viewConformable;
  const chapter = chapterOfView(filters.view);
  return chapter ? format(strings.viewChapter, { chapter }) : undefined;
}

/** What the printed page says it contains. */
function describeConditions(strings: Strings, filters: Filters, reference: ReferenceData, locale: Locale): string {
  const parts: string[] = [];
  const view = viewLabel(strings, filters);
  if (view) parts.push(`${strings.viewLabel}: ${view}`);
  if (filters.section) parts.push(`${strings.sectionLabel}: ${reference.sectionHeadings.get(filters.section)?.[locale] ?? filters.section}`);
  if (filters.level) parts.push(`${strings.levelLabel}: ${filters.level === 'C' ? strings.levelCLong : strings.levelDLong}`);
  if (filters.conformity) parts.push(`${strings.conformityLabel}: ${strings.conformity[filters.conformity]}`);
  if (filters.topic) parts.push(`${strings.topicLabel}: ${topicLabel(strings, filters.topic)}`);
  if (filters.q) parts.push(`${strings.searchLabel}: ${filters.q}`);
  return parts.length ? parts.join(' / ') : strings.printNoConditions;
}

export function ChecklistPage({ reference, locale, url, teams, clientConfig, printing, slots }: ChecklistPageProps) {
  const s = useStrings();
  const styles = useStyles();
  const route = url.route.page === 'checklist' ? url.route : { page: 'checklist' as const, filters: {} as Filters, itemId: undefined };
  const { filters, itemId } = route;

  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(itemId ? [itemId] : []));
  const [scrollTarget, setScrollTarget] = useState<string | undefined>(url.origin === 'outside' ? itemId : undefined);

  // A link, Back or a Teams deep link opened an item: expand it and bring it into view.
  useEffect(() => {
    if (url.origin !== 'outside' || !itemId) return;
    const item = reference.itemById.get(itemId);
    if (!item) return;
    if (!matchesFilters(item, filters, reference)) {
      // The link's filters would hide its own item; the item wins.
      url.navigate({ page: 'checklist', filters: { edition: filters.edition }, itemId });
      return;
    }
    setExpanded((prev) => (prev.has(itemId) ? prev : new Set(prev).add(itemId)));
    setScrollTarget(itemId);
  }, [itemId, url.origin, reference]); // eslint-disable-line react-hooks/exhaustive-deps

  const search = useSearch(reference, filters.q);
  const q = filters.q?.trim() ?? '';
  const lastVisible = useRef<VisibleItems | null>(null);
  const pending = Boolean(q) && search.rankedQuery !== q;
  const assessment = useAssessmentStore();
  const assessmentMeta = useAssessmentMeta(assessment);
  const visible = useMemo(() => {
    if (pending && lastVisible.current) return lastVisible.current;
    // Without a ranking for the query (search failed), the list is not narrowed by it; the filters still apply.
    const found = visibleItems(reference, filters, q && !search.degraded ? search.ranking ?? [] : null);
    const af: AssessmentFilters = { status: filters.status, owner: filters.owner, mine: filters.mine === '1', overdue: filters.overdue === '1' };
    if (!assessment || !hasAssessmentFilters(af) || assessmentMeta.status !== 'ready') return found;
    const today = localToday();
    const me = assessmentMeta.user?.name ?? null;
    return { ...found, items: found.items.filter((i) => matchesAssessment(assessment.item(i.id), af, me, today)) };
  }, [reference, filters, q, search.ranking, search.degraded, pending, assessment, assessmentMeta]);
  lastVisible.current = visible;

  useEffect(() => {
    if (!scrollTarget) return;
    const row = document.querySelector<HTMLElement>(`li[data-item-id="${CSS.escape(scrollTarget)}"]:not([hidden])`);
    if (!row) return;
    row.scrollIntoView({ block: 'start' });
    row.querySelector<HTMLButtonElement>('button[aria-expanded]')?.focus({ preventScroll: true });
    setScrollTarget(undefined);
  }, [scrollTarget, visible]);

  const scoped = useMemo(() => reference.items.filter((i) => matchesFilters(i, { view: filters.view }, reference)), [reference, filters.view]);

  const sectionOptions = useMemo<FilterOption[]>(() => {
    const present = new Set(scoped.map((i) => i.section));
    return reference.sections
      .filter((sec) => present.has(sec.id))
      .map((sec) => ({ value: sec.id, label: reference.sectionHeadings.get(sec.id)?.[locale] ?? sec.id }));
  }, [reference, scoped, locale]);

  const topicOptions = useMemo<FilterOption[]>(() => {
    const slugs = [...new Set(scoped.flatMap((i) => i.topics))];
    return slugs
      .map((slug) => ({ value: slug, label: topicLabel(s, slug) }))
      .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }, [scoped, s]);

  // Refs keep onToggle stable, so rows that did not change skip rendering.
  const expandedRef = useRef(expanded);
  expandedRef.current = expanded;
  const openItemRef = useRef(itemId);
  openItemRef.current = itemId;
  const { setOpenItem } = url;
  const onToggle = useCallback((id: string) => {
    const next = new Set(expandedRef.current);
    if (next.has(id)) {
      next.delete(id);
      if (openItemRef.current === id) setOpenItem(undefined);
    } else {
      next.add(id);
      setOpenItem(id);
    }
    expandedRef.current = next;
    setExpanded(next);
  }, [setOpenItem]);

  const session = teams.session;
  const shareSupported = canShareInTeams(session?.sdk);
  // Teams' web share page only outside Teams, and only where Microsoft supports it;
  // inside Teams (desktop or mobile) the host's share dialog or the copied link keeps people in Teams.
  const sharePageWorks = teams.status === 'standalone' && shareToTeamsPageWorks(navigator.userAgent);
  const renderActions = (item: ItemView) => (
    <ShareActions
      displayId={item.displayId}
      onShare={shareSupported && session
        ? () => shareInTeams(session.sdk, itemWebUrl(item.ref, clientConfig, window.location), format(s.shareMessage, { id: item.displayId, title: item.title[locale] }))
        : undefined}
      shareToTeamsUrl={sharePageWorks ? shareToTeamsPageUrl(itemWebUrl(item.ref, clientConfig, window.location)) : undefined}
      onCopyLink={async () => {
        const link = itemLinkToCopy(item.ref, teams.status === 'teams', clientConfig, window.location);
        return { copied: await copyText(link, session?.sdk), link };
      }}
    />
  );

  const documentsFor = useCallback(
    (item: ItemView) => item.documents.flatMap((n) => reference.documentByNumber.get(n) ?? []),
    [reference],
  );

  // Enough rows to fill a screen (and to reach a linked item) before the rest.
  const [firstPassRows] = useState(() => Math.max(FIRST_PASS_ROWS, itemId ? reference.items.findIndex((i) => i.id === itemId) + 8 : 0));

  const view = viewLabel(s, filters);
  return (
    <div className={styles.root}>
      {view && (
        <div className={styles.scope}>
          <span>{s.viewLabel}: <strong>{view}</strong></span>
          <Button size="small" appearance="secondary" onClick={() => url.setFilters({ ...filters, view: undefined })}>{s.showAllItems}</Button>
        </div>
      )}
      <FilterBar filters={filters} sectionOptions={sectionOptions} topicOptions={topicOptions} onChange={url.setFilters} showLevel={reference.items.some((i) => i.level)} />
      {assessment && <AssessmentPanelSlot items={scoped} filters={filters} locale={locale} onChange={url.setFilters} />}
      <p className={styles.printOnly}>{format(s.printConditions, { conditions: describeConditions(s, filters, reference, locale) })}</p>
      <div>
        <p role="status" className={styles.summary} data-testid="result-count">
          {format(s.resultCount, { total: scoped.length, shown: visible.items.length })}
          {visible.ranked && q ? ` — ${format(s.rankedNote, { q })}` : ''}
        </p>
        {search.degraded && <p className={styles.degraded}>{s.searchUnavailable}</p>}
      </div>
      <div className={styles.screenOnly} data-testid="checklist" aria-busy={pending} data-query={pending ? search.rankedQuery ?? '' : q}>
        {visible.items.length === 0 && (pending ? <Spinner label={s.loading} /> : <p className={styles.empty}>{s.noResults}</p>)}
        <ChecklistList
          allItems={reference.items}
          items={visible.items}
          ranked={visible.ranked}
          sectionById={reference.sectionById}
          sectionHeadings={reference.sectionHeadings}
          locale={locale}
          expanded={expanded}
          onToggle={onToggle}
          documentsFor={documentsFor}
          renderActions={renderActions}
          slots={slots}
          firstPassRows={firstPassRows}
        />
      </div>
      {printing && <PrintView kind={printing} items={visible.items} ranked={visible.ranked} reference={reference} locale={locale} />}
    </div>
  );
}
