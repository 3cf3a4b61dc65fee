/**
 * Search and the four filters (section, level, conformity, topic). Native
 * selects: keyboard and screen-reader behaviour come for free, and they stay
 * light with 30+ options.
 */
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Conformity, Level } from '../data/model';
import type { Filters } from '../state/route';
import { hasFilters } from '../state/route';
import { useStrings } from '../i18n';
import { SearchField } from './SearchField';

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterBarProps {
  filters: Filters;
  sectionOptions: FilterOption[];
  topicOptions: FilterOption[];
  onChange(filters: Filters): void;
}

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))',
    alignItems: 'end',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    '@media print': { display: 'none' },
  },
  search: { gridColumn: '1 / -1' },
  clear: { justifySelf: 'start' },
  // Long section titles must not widen a select beyond its grid cell.
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
  selectElement: { minWidth: 0, textOverflow: 'ellipsis' },
});

export function FilterBar({ filters, sectionOptions, topicOptions, onChange }: FilterBarProps) {
  const s = useStrings();
  const styles = useStyles();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });

  return (
    <div className={styles.root} role="search" aria-label={s.filters}>
      <SearchField
        className={styles.search}
        value={filters.q ?? ''}
        label={s.searchLabel}
        placeholder={s.searchPlaceholder}
        onCommit={(q) => set({ q: q.trim() ? q : undefined })}
      />
      <Field className={styles.field} label={s.sectionLabel}>
        <Select className={styles.select} select={{ className: styles.selectElement }} value={filters.section ?? ''} onChange={(_e, d) => set({ section: d.value || undefined })} data-filter="section">
          <option value="">{s.sectionAll}</option>
          {sectionOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </Select>
      </Field>
      <Field className={styles.field} label={s.levelLabel}>
        <Select className={styles.select} select={{ className: styles.selectElement }} value={filters.level ?? ''} onChange={(_e, d) => set({ level: (d.value || undefined) as Level | undefined })} data-filter="level">
          <option value="">{s.levelAll}</option>
          <option value="C">{s.levelCLong}</option>
          <option value="D">{s.levelDLong}</option>
        </Select>
      </Field>
      <Field className={styles.field} label={s.conformityLabel}>
        <Select className={styles.select} select={{ className: styles.selectElement }} value={filters.conformity ?? ''} onChange={(_e, d) => set({ conformity: (d.value || undefined) as Conformity | undefined })} data-filter="conformity">
          <option value="">{s.conformityAll}</option>
          <option value="conformable">{s.conformable}</option>
          <option value="not-applicable">{s.notApplicable}</option>
        </Select>
      </Field>
      <Field className={styles.field} label={s.topicLabel}>
        <Select className={styles.select} select={{ className: styles.selectElement }} value={filters.topic ?? ''} onChange={(_e, d) => set({ topic: d.value || undefined })} data-filter="topic">
          <option value="">{s.topicAll}</option>
          {topicOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </Select>
      </Field>
      <Button className={styles.clear} appearance="subtle" disabled={!hasFilters(filters)} onClick={() => onChange({ view: filters.view })}>
        {s.clearFilters}
      </Button>
    </div>
  );
}
