/**
 * The level, conformity and confidence markers of an item, as text (colour
 * never carries the meaning alone). Plain spans styled with the same tokens
 * as Fluent's Badge: the checklist shows 400+ of them and a component each
 * cost a third of the first render.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Confidence, Conformity, Level } from '../data/model';
import { useStrings } from '../i18n';

const useStyles = makeStyles({
  marker: {
    display: 'inline-flex',
    alignItems: 'center',
    boxSizing: 'border-box',
    minHeight: '20px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  levelC: { color: tokens.colorBrandForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}` },
  levelD: { color: tokens.colorNeutralForeground2, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  conformable: { color: tokens.colorPaletteGreenForeground1, backgroundColor: tokens.colorPaletteGreenBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder1}` },
  notMetByTeams: { color: tokens.colorPaletteDarkOrangeForeground1, backgroundColor: tokens.colorPaletteDarkOrangeBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}` },
  outsideTeams: { color: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground4, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  confidence: { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorPaletteYellowBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder1}` },
  certification: { color: tokens.colorNeutralForeground2, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightRegular },
});

/** `conformity` absent: a later edition's row, whose coverage is its 第5版 counterparts' (`borrowed`) or not written yet. */
export function ItemMarkers({ level, conformity, confidence, borrowed }: { level?: Level; conformity?: Conformity; confidence: Confidence; borrowed?: boolean }) {
  const s = useStrings();
  const c = useStyles();
  return (
    <>
      {level && (
        <span className={mergeClasses(c.marker, level === 'C' ? c.levelC : c.levelD)} title={level === 'C' ? s.levelCLong : s.levelDLong} data-marker="level">
          {level === 'C' ? `C ${s.levelC}` : `D ${s.levelD}`}
        </span>
      )}
      {conformity ? (
        <span
          className={mergeClasses(c.marker, conformity === 'conformable' ? c.conformable : conformity === 'not-met-by-teams' ? c.notMetByTeams : c.outsideTeams)}
          title={s.conformityHelp[conformity]}
          data-marker="conformity"
          data-conformity={conformity}
        >
          {s.conformity[conformity]}
        </span>
      ) : (
        <span className={mergeClasses(c.marker, c.outsideTeams)} data-marker="conformity" data-conformity={borrowed ? 'borrowed' : 'none'}>
          {borrowed ? s.borrowedConformity : s.noConformityYet}
        </span>
      )}
      {confidence !== 'high' && (
        <span className={mergeClasses(c.marker, c.confidence)} data-marker="confidence">
          {confidence === 'low' ? s.confidenceLow : s.confidenceMedium}
        </span>
      )}
    </>
  );
}

export function CertificationMarker({ name }: { name: string }) {
  const c = useStyles();
  return <span className={mergeClasses(c.marker, c.certification)}>{name}</span>;
}
