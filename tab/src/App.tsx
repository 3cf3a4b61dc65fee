/**
 * The tab: host (Teams or a plain browser) → theme and language → the
 * checklist or the configuration page.
 */
import { useCallback, useEffect, useState } from 'react';
import { FluentProvider, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useTeamsContext } from './teams/useTeamsContext';
import { notifyLoaded } from './teams/teamsSession';
import { useClientConfig, useReference } from './data/useReference';
import { useUrlState } from './state/useUrlState';
import { usePrintMode } from './state/usePrintMode';
import { canonicalItemId, localeHint } from './state/route';
import { fluentTheme } from './theme';
import { NARROW } from './layout';
import { StringsContext, localeFromTag, stringsFor, type Locale } from './i18n';
import { AppHeader } from './components/AppHeader';
import { ChecklistPage } from './components/ChecklistPage';
import { ConfigPage } from './components/ConfigPage';
import { InspectionPage } from './components/InspectionPage';
import { ASSESSMENT_SLOTS, loadAssessmentUi } from './components/AssessmentSlots';
import { AssessmentContext, useAssessment } from './data/useAssessment';
import { assessmentScope } from './data/assessmentModel';

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground3, '@media print': { backgroundColor: 'transparent' } },
  page: {
    boxSizing: 'border-box',
    maxWidth: '72rem',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
    display: 'grid',
    // One column that may shrink below its content's widest word: long IDs, URLs and controls wrap or shrink instead.
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalL,
    // A word or URL longer than the line breaks rather than widening the page.
    overflowWrap: 'anywhere',
    [NARROW]: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXXL}`, gap: tokens.spacingVerticalM },
    '@media print': { maxWidth: 'none', padding: 0, gap: tokens.spacingVerticalXS },
  },
  center: { display: 'grid', justifyItems: 'center', gap: tokens.spacingVerticalM, padding: tokens.spacingVerticalXXXL },
  footer: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase300 },
});

export function App() {
  const styles = useStyles();
  const teams = useTeamsContext();
  const url = useUrlState();
  // The edition in the address (`?edition=v7`, or a `v7:` item link); none: the default edition.
  const editionParam = url.route.page === 'config' ? undefined : url.route.filters.edition;
  const { state: referenceState, retry } = useReference(editionParam);
  const clientConfig = useClientConfig();
  const { printing, print } = usePrintMode();
  const shownEdition = referenceState.status === 'ready' ? referenceState.data.edition : undefined;
  const assessment = useAssessment(assessmentScope(teams.session), teams.session, loadAssessmentUi, shownEdition && !shownEdition.default ? shownEdition.id : undefined);
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const [urlLocale] = useState(() => localeHint(window.location.hash));
  // The switch wins, then the Teams context, then the manifest URL's {locale}, then the browser.
  const locale = chosenLocale ?? localeFromTag(teams.status === 'teams' ? teams.locale : urlLocale ?? teams.locale);
  const strings = stringsFor(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${strings.appTitle} — ${strings.appSubtitle}`;
  }, [locale, strings]);

  // A Teams deep link (subPageId) names the item to open.
  const subPageId = teams.session?.subPageId;
  useEffect(() => {
    if (!subPageId || url.route.page !== 'checklist' || url.route.itemId) return;
    const id = canonicalItemId(subPageId);
    if (id) url.navigate({ page: 'checklist', filters: url.route.filters, itemId: id });
  }, [subPageId]); // eslint-disable-line react-hooks/exhaustive-deps

  const ready = teams.status !== 'connecting' && referenceState.status === 'ready';
  // Switching editions keeps the view but not filters tied to one edition's numbering (section, level, an open item).
  const onEditionChange = useCallback((edition: string) => {
    const defaultId = referenceState.status === 'ready' ? referenceState.data.editions.find((e) => e.default)?.id : undefined;
    const f = url.route.page === 'config' ? {} : url.route.filters;
    url.navigate({ page: 'checklist', filters: { view: f.view, conformity: f.conformity, topic: f.topic, q: f.q, status: f.status, owner: f.owner, mine: f.mine, overdue: f.overdue, edition: edition === defaultId ? undefined : edition } });
  }, [url, referenceState]);
  const openInspection = useCallback(() => {
    url.navigate({ page: 'inspection', filters: url.route.page === 'config' ? {} : { edition: url.route.filters.edition } });
  }, [url]);
  useEffect(() => {
    if (ready && teams.session) notifyLoaded(teams.session);
  }, [ready, teams.session]);

  let body;
  if (teams.status === 'connecting' || referenceState.status === 'loading') {
    body = <div className={styles.center}><Spinner label={strings.loading} /></div>;
  } else if (referenceState.status === 'error') {
    body = (
      <div className={styles.center} role="alert">
        <p>{strings.loadError}</p>
        <Button appearance="primary" onClick={retry}>{strings.retry}</Button>
      </div>
    );
  } else if (url.route.page === 'config') {
    body = <ConfigPage reference={referenceState.data} locale={locale} teams={teams} />;
  } else if (url.route.page === 'inspection') {
    body = <InspectionPage locale={locale} />;
  } else {
    body = (
      <ChecklistPage
        reference={referenceState.data}
        locale={locale}
        url={url}
        teams={teams}
        clientConfig={clientConfig}
        printing={printing}
        slots={ASSESSMENT_SLOTS}
      />
    );
  }

  const isConfig = url.route.page === 'config';
  return (
    <FluentProvider theme={fluentTheme(printing !== null ? 'default' : teams.theme, locale)} className={styles.provider} data-host={teams.status} data-theme={teams.theme}>
      <StringsContext.Provider value={strings}>
        <AssessmentContext.Provider value={assessment}>
        <div className={styles.page}>
          {!isConfig && (
            <AppHeader
              locale={locale}
              onLocaleChange={setChosenLocale}
              onPrint={ready && url.route.page === 'checklist' ? print : undefined}
              editionLabel={shownEdition?.label[locale]}
              editions={referenceState.status === 'ready' ? referenceState.data.editions.map((e) => ({ id: e.id, label: e.label[locale] })) : undefined}
              edition={shownEdition?.id}
              onEditionChange={onEditionChange}
              inspection={{ active: url.route.page === 'inspection', onOpen: openInspection }}
            />
          )}
          <main>{body}</main>
          {!isConfig && <footer><p className={styles.footer}>{strings.disclaimer}</p></footer>}
        </div>
        </AssessmentContext.Provider>
      </StringsContext.Provider>
    </FluentProvider>
  );
}
