/**
 * The channel tab's configuration page (#/config): choose the scope the tab
 * opens on — all items, one chapter, or the conformable items only.
 */
import { useMemo, useState } from 'react';
import { Field, Link, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { ReferenceData } from '../data/model';
import type { View } from '../state/route';
import type { TeamsContextState } from '../teams/useTeamsContext';
import { tabConfigFor, useTabConfigSave } from '../teams/tabConfig';
import { pageBase } from '../teams/links';
import { format, useStrings, type Locale } from '../i18n';
import { NARROW } from '../layout';

type Choice = 'all' | 'chapter' | 'conformable';

export interface ConfigPageProps {
  reference: ReferenceData;
  locale: Locale;
  teams: TeamsContextState;
}

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalL,
    maxWidth: '40rem',
    padding: tokens.spacingHorizontalXL,
    [NARROW]: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalM },
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, lineHeight: tokens.lineHeightBase400 },
  chapter: { paddingLeft: tokens.spacingHorizontalXXL, minWidth: 0, [NARROW]: { paddingLeft: tokens.spacingHorizontalL } },
  // A long chapter title must not widen the page: the select shrinks and cuts it.
  select: { minWidth: 0, width: '100%' },
  selectElement: { minWidth: 0, textOverflow: 'ellipsis' },
});

export function ConfigPage({ reference, locale, teams }: ConfigPageProps) {
  const s = useStrings();
  const styles = useStyles();
  const chapters = useMemo(() => {
    const withItems = new Set(reference.items.map((i) => reference.sectionById.get(i.section)?.chapter));
    return reference.chapters.filter((c) => withItems.has(c.chapter));
  }, [reference]);
  const [choice, setChoice] = useState<Choice>('all');
  const [chapter, setChapter] = useState(chapters[0]?.chapter ?? '6');

  const view: View = choice === 'chapter' ? `chapter-${chapter}` : choice;
  const name = choice === 'chapter' ? format(s.tabNameChapter, { chapter }) : choice === 'conformable' ? s.tabNameConformable : s.tabNameAll;
  const config = useMemo(() => tabConfigFor(view, name, pageBase(window.location)), [view, name]);
  useTabConfigSave(teams.session, config);

  return (
    <section className={styles.root} aria-labelledby="config-title" data-testid="config-page" data-content-url={config.contentUrl}>
      <h1 id="config-title" className={styles.title}>{s.configTitle}</h1>
      <p className={styles.text}>{s.configIntro}</p>
      <Field label={s.configViewLegend}>
        <RadioGroup value={choice} onChange={(_e, d) => setChoice(d.value as Choice)}>
          <Radio value="all" label={s.viewAll} />
          <Radio value="chapter" label={s.configChoiceChapter} />
          <Radio value="conformable" label={s.viewConformable} />
        </RadioGroup>
      </Field>
      <Field label={s.configChapterLabel} className={styles.chapter}>
        <Select className={styles.select} select={{ className: styles.selectElement }} value={chapter} disabled={choice !== 'chapter'} onChange={(_e, d) => setChapter(d.value)}>
          {chapters.map((c) => (
            <option key={c.chapter} value={c.chapter}>{format(s.chapterOption, { chapter: c.chapter, title: c.title[locale] })}</option>
          ))}
        </Select>
      </Field>
      {teams.status !== 'teams' && (
        <>
          <p className={styles.text}>{s.configOutsideTeams}</p>
          <Link href={config.contentUrl}>{s.configPreview}</Link>
        </>
      )}
    </section>
  );
}
