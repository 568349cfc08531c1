import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import { useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import { localName } from '../../shared/format';
import { UNIT_KINDS, useDomainLabels } from '../../shared/labels';
import { useFramework, useUnits } from './plan-queries';
import type { FrameworkDetail, UnitRecord } from './plan-records';

/** Active at some point of the year (core's rule for a lead unit: began by 31/12, did not end before 01/01). */
export function activeInYear(unit: Pick<UnitRecord, 'activeFrom' | 'activeTo'>, year: number): boolean {
  return !(unit.activeFrom && unit.activeFrom > `${year}-12-31`) && !(unit.activeTo && unit.activeTo < `${year}-01-01`);
}

/**
 * The units a task or an indicator may be given, grouped by kind (departments first: they lead most
 * tasks), active in the plan's year; `keep` holds codes already chosen, kept even when inactive so
 * the field still shows them.
 */
export function unitOptions(
  units: readonly UnitRecord[],
  year: number | undefined,
  cohortName: (kind: string) => string,
  keep: readonly string[] = [],
): ComboboxItemGroup<ComboboxItem>[] {
  const order = ['department', 'province', 'district', 'commune', 'ministry', 'other'];
  return [...UNIT_KINDS]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((kind) => ({
      group: cohortName(kind),
      items: units
        .filter((unit) => unit.kind === kind && (year === undefined || activeInYear(unit, year) || keep.includes(unit.code)))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` })),
    }))
    .filter((group) => group.items.length > 0);
}

/** The units, their options for a year and each code's name. */
export function useUnitChoices(year: number | undefined) {
  const units = useUnits();
  const labels = useDomainLabels();
  const choices = useMemo(() => {
    const rows = units.data ?? [];
    const byCode = new Map(rows.map((unit) => [unit.code, unit]));
    return {
      options: unitOptions(rows, year, labels.cohort),
      nameOf: (code: string | null | undefined) => (code ? (byCode.get(code)?.name ?? code) : ''),
    };
  }, [units.data, year, labels]);
  return { query: units, ...choices };
}

export interface IndicatorChoices {
  /** Indicators grouped by main index, for a task's indicators. */
  indicatorOptions: ComboboxItemGroup<ComboboxItem>[];
  /** Main indices and indicators, for a target's code. */
  targetOptions: ComboboxItemGroup<ComboboxItem>[];
  mainIndexCodes: ReadonlySet<string>;
  nameOf: (code: string) => string | undefined;
  /** The main index an indicator belongs to. */
  mainIndexOf: (code: string) => string | undefined;
  mainIndices: { code: string; name: string }[];
}

export function indicatorChoices(framework: FrameworkDetail | undefined, locale: 'vi' | 'en'): IndicatorChoices {
  const names = new Map<string, string>();
  const parents = new Map<string, string>();
  const mainIndices = (framework?.mainIndices ?? []).map((main) => {
    names.set(main.code, localName(main, locale));
    parents.set(main.code, main.code);
    for (const indicator of main.indicators) {
      names.set(indicator.code, localName(indicator, locale));
      parents.set(indicator.code, main.code);
    }
    return main;
  });
  const label = (code: string) => `${code} · ${names.get(code) ?? ''}`;
  return {
    indicatorOptions: mainIndices.map((main) => ({
      group: label(main.code),
      items: (main.indicators.length > 0 ? main.indicators.map((indicator) => indicator.code) : [main.code]).map((code) => ({
        value: code,
        label: label(code),
      })),
    })),
    targetOptions: mainIndices.map((main) => ({
      group: label(main.code),
      items: [main.code, ...main.indicators.map((indicator) => indicator.code)].map((code) => ({
        value: code,
        label: label(code),
      })),
    })),
    mainIndexCodes: new Set(mainIndices.map((main) => main.code)),
    nameOf: (code) => names.get(code),
    mainIndexOf: (code) => parents.get(code),
    mainIndices: mainIndices.map((main) => ({ code: main.code, name: names.get(main.code) ?? main.name })),
  };
}

/** The indicators of the plan's framework (its basis's first framework), or none for a plan written by hand. */
export function useIndicatorChoices(frameworkId: string | undefined) {
  const framework = useFramework(frameworkId);
  const { locale } = useLocale();
  const choices = useMemo(() => indicatorChoices(framework.data, locale), [framework.data, locale]);
  return { query: framework, ...choices };
}
