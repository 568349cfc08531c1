import type { EnglishNames, MainIndexAnalysis, ResultSet } from '@opendti/core';

/**
 * Results as the API presents them: every named node also carries its English name (`nameEn`, null
 * where the framework gives none), taken from the framework document, so the English portal shows
 * "Digital awareness" where the Vietnamese one shows "Nhận thức số". Snapshots store the names of
 * the publication's language only; the frozen framework supplies the rest.
 */
export function withEnglishNames(results: ResultSet, names: EnglishNames) {
  const english = (code: string) => names.byCode.get(code) ?? null;
  const nodes = <Node extends { code: string }>(list: Node[]) => list.map((node) => ({ ...node, nameEn: english(node.code) }));
  return {
    ...results,
    framework: { ...results.framework, nameEn: names.framework ?? null },
    units: results.units.map((unit) => ({
      ...unit,
      groups: nodes(unit.groups),
      mainIndices: nodes(unit.mainIndices),
      pillars: nodes(unit.pillars),
    })),
  };
}

/** A unit's analysis with the English names of its main indices and indicators. */
export function analysisWithEnglishNames<
  Analysis extends Pick<MainIndexAnalysis, 'code'> & Record<IndicatorList, { code: string }[]>,
>(analysis: Analysis[], names: EnglishNames) {
  const english = (code: string) => names.byCode.get(code) ?? null;
  const indicators = <Item extends { code: string }>(list: Item[]) =>
    list.map((item) => ({ ...item, nameEn: english(item.code) }));
  return analysis.map((main) => ({
    ...main,
    nameEn: english(main.code),
    full: indicators(main.full),
    partial: indicators(main.partial),
    zero: indicators(main.zero),
    notAssessed: indicators(main.notAssessed),
  }));
}

type IndicatorList = 'full' | 'partial' | 'zero' | 'notAssessed';
