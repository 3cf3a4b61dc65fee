/**
 * Title, language switch and printing — 一覧表 (one row per item) or 詳細
 * (everything about each item). In print only the title and the date remain.
 */
import { memo } from 'react';
import { Button, ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PrintKind } from '../state/usePrintMode';
import { format, useStrings, type Locale } from '../i18n';
import { PrintIcon } from './icons';
import { NARROW } from '../layout';

export interface AppHeaderProps {
  locale: Locale;
  onLocaleChange(locale: Locale): void;
  onPrint?: (kind: PrintKind) => void;
  /** The editions to switch between, the one shown, and the 立入検査 view (once the reference has loaded). */
  editions?: Array<{ id: string; label: string }>;
  edition?: string;
  onEditionChange?: (edition: string) => void;
  inspection?: { active: boolean; onOpen(): void };
  /** The edition's label (第5版), once the reference has loaded. */
  editionLabel?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
  heading: { minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, [NARROW]: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 } },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, [NARROW]: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 } },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, '@media print': { display: 'none' } },
  switch: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  printLabel: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, marginRight: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  printed: { display: 'none', '@media print': { display: 'block', margin: 0, fontSize: tokens.fontSizeBase200 } },
  // Editions: buttons on wide screens, one native select on phones (a row of four buttons would push the list down).
  wideOnly: { [NARROW]: { display: 'none' } },
  narrowOnly: { display: 'none', [NARROW]: { display: 'inline-block' } },
  editionSelect: {
    height: '24px', maxWidth: '7rem', padding: `0 ${tokens.spacingHorizontalXS}`, fontFamily: 'inherit', fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
  },
});

/** Formatted by hand: the first Intl date format loads locale data and cost ~90 ms of the first render. */
function printDate(d: Date, locale: Locale): string {
  const y = d.getFullYear();
  const m = d.getMonth() + 1;
  const day = d.getDate();
  return locale === 'ja' ? `${y}年${m}月${day}日` : `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const AppHeader = memo(function AppHeader({ locale, onLocaleChange, onPrint, editionLabel, editions, edition, onEditionChange, inspection }: AppHeaderProps) {
  const s = useStrings();
  const styles = useStyles();
  const today = printDate(new Date(), locale);
  return (
    <header className={styles.root}>
      <div className={styles.heading}>
        <h1 className={styles.title}>{s.appTitle}</h1>
        <p className={styles.subtitle}>{editionLabel ? format(s.appSubtitleEdition, { edition: editionLabel }) : s.appSubtitle}</p>
        <p className={styles.printed}>{format(s.printedOn, { date: today })}</p>
      </div>
      <div className={styles.tools}>
        {editions && editions.length > 1 && onEditionChange && (
          <div role="group" aria-label={s.editionSwitch} className={styles.switch} data-testid="edition-switch">
            {editions.map((e) => (
              <ToggleButton key={e.id} className={styles.wideOnly} size="small" checked={!inspection?.active && e.id === edition} onClick={() => onEditionChange(e.id)} data-edition={e.id}>{e.label}</ToggleButton>
            ))}
            <select
              className={mergeClasses(styles.narrowOnly, styles.editionSelect)}
              aria-label={s.editionSwitch}
              value={edition ?? ''}
              onChange={(ev) => onEditionChange(ev.target.value)}
              data-testid="edition-select"
            >
              {editions.map((e) => <option key={e.id} value={e.id}>{e.label}</option>)}
            </select>
            {inspection && <ToggleButton size="small" checked={inspection.active} onClick={inspection.onOpen} data-testid="inspection-switch">{s.inspectionSwitch}</ToggleButton>}
          </div>
        )}
        <div role="group" aria-label={s.languageSwitch} className={styles.switch}>
          <ToggleButton size="small" lang="ja" checked={locale === 'ja'} onClick={() => onLocaleChange('ja')}>日本語</ToggleButton>
          <ToggleButton size="small" lang="en" checked={locale === 'en'} onClick={() => onLocaleChange('en')}>English</ToggleButton>
        </div>
        {onPrint && (
          <div role="group" aria-label={s.print} className={styles.switch}>
            <span className={styles.printLabel} aria-hidden="true"><PrintIcon />{s.print}</span>
            <Button size="small" onClick={() => onPrint('summary')} aria-label={s.printSummaryAction} title={s.printSummary} data-print="summary">{s.printSummaryShort}</Button>
            <Button size="small" onClick={() => onPrint('detail')} aria-label={s.printDetailAction} title={s.printDetail} data-print="detail">{s.printDetailShort}</Button>
          </div>
        )}
      </div>
    </header>
  );
});
