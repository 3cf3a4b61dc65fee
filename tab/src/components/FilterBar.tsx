/**
 * Search and the four filters (section, level, conformity, topic). Native
 * selects: keyboard and screen-reader behaviour come for free, and they stay
 * light with 80+ options. Each control is memoised, so changing one filter
 * re-renders that control only.
 */
import { memo, useCallback, useMemo, useRef } from 'react';
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Filters } from '../state/route';
import { hasFilters } from '../state/route';
import { useStrings } from '../i18n';
import { CONFORMITIES } from '../data/model';
import { SearchField } from './SearchField';
import { NARROW } from '../layout';

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterBarProps {
  filters: Filters;
  sectionOptions: FilterOption[];
  /** Editions without C/D levels (第6.0版 and later) have no level filter. */
  showLevel?: boolean;
  topicOptions: FilterOption[];
  onChange(filters: Filters): void;
}

type SelectFilter = 'section' | 'level' | 'conformity' | 'topic';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(11rem, 100%), 1fr))',
    alignItems: 'end',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    // On a phone two selects to a row: four filters in two rows, not four.
    [NARROW]: { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalS },
    '@media print': { display: 'none' },
  },
  search: { gridColumn: '1 / -1' },
  // On a phone the clear button shows only when there is something to clear (a row less above the list).
  clear: { justifySelf: 'start', [NARROW]: { ':disabled': { display: 'none' } } },
  // Long section titles must not widen a select beyond its grid cell.
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
  selectElement: { minWidth: 0, textOverflow: 'ellipsis' },
});

interface FilterSelectProps {
  filter: SelectFilter;
  label: string;
  allLabel: string;
  value: string;
  options: FilterOption[];
  onSelect(filter: SelectFilter, value: string): void;
}

const FilterSelect = memo(function FilterSelect({ filter, label, allLabel, value, options, onSelect }: FilterSelectProps) {
  const styles = useStyles();
  return (
    <Field className={styles.field} label={label}>
      <Select className={styles.select} select={{ className: styles.selectElement }} value={value} onChange={(_e, d) => onSelect(filter, d.value)} data-filter={filter}>
        <option value="">{allLabel}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </Select>
    </Field>
  );
});

export function FilterBar({ filters, sectionOptions, topicOptions, onChange, showLevel = true }: FilterBarProps) {
  const s = useStrings();
  const styles = useStyles();
  // Stable callbacks that read the latest filters.
  const latest = useRef({ filters, onChange });
  latest.current = { filters, onChange };
  const onSelect = useCallback((filter: SelectFilter, value: string) => {
    const { filters: f, onChange: change } = latest.current;
    change({ ...f, [filter]: value || undefined });
  }, []);
  const onSearch = useCallback((q: string) => {
    const { filters: f, onChange: change } = latest.current;
    change({ ...f, q: q.trim() ? q : undefined });
  }, []);

  const onClear = useCallback(() => {
    const { filters: f, onChange: change } = latest.current;
    change({ view: f.view, edition: f.edition });
  }, []);

  const levelOptions = useMemo(() => [{ value: 'C', label: s.levelCLong }, { value: 'D', label: s.levelDLong }], [s]);
  const conformityOptions = useMemo(() => CONFORMITIES.map((value) => ({ value, label: s.conformity[value] })), [s]);

  return (
    <div className={styles.root} role="search" aria-label={s.filters}>
      <SearchField className={styles.search} value={filters.q ?? ''} label={s.searchLabel} placeholder={s.searchPlaceholder} onCommit={onSearch} />
      <FilterSelect filter="section" label={s.sectionLabel} allLabel={s.sectionAll} value={filters.section ?? ''} options={sectionOptions} onSelect={onSelect} />
      {showLevel && <FilterSelect filter="level" label={s.levelLabel} allLabel={s.levelAll} value={filters.level ?? ''} options={levelOptions} onSelect={onSelect} />}
      <FilterSelect filter="conformity" label={s.conformityLabel} allLabel={s.conformityAll} value={filters.conformity ?? ''} options={conformityOptions} onSelect={onSelect} />
      <FilterSelect filter="topic" label={s.topicLabel} allLabel={s.topicAll} value={filters.topic ?? ''} options={topicOptions} onSelect={onSelect} />
      <ClearButton label={s.clearFilters} disabled={!hasFilters(filters)} className={styles.clear} onClear={onClear} />
    </div>
  );
}

const ClearButton = memo(function ClearButton({ label, disabled, className, onClear }: { label: string; disabled: boolean; className: string; onClear(): void }) {
  return <Button className={className} appearance="subtle" disabled={disabled} onClick={onClear}>{label}</Button>;
});
