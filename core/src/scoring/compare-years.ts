import { roundToPrecision } from './rank.js';
import type { Change, NodeResult, ResultSet } from './result-set.js';

/**
 * Year over year: adds to every unit of `current` its previous value and rank and the change, for
 * the whole index, each main index, group and pillar, matching units and nodes by code. Rank change
 * is previous − current, so a unit that climbs from 44th to 40th has +4. Units new this year get
 * no `previous`. Returns a new result set; the inputs are not changed.
 */
export function compareWithPrevious(current: ResultSet, previous: ResultSet): ResultSet {
  const precision = current.framework.precision;
  const previousByCode = new Map(previous.units.map((unit) => [unit.code, unit]));
  const changeOf = (now: NodeResult, before: NodeResult | undefined): Change | undefined => {
    if (!before) return undefined;
    return {
      value: now.value !== null && before.value !== null ? roundToPrecision(now.value - before.value, precision) : null,
      rank: now.rank !== null && before.rank !== null ? before.rank - now.rank : null,
    };
  };
  const compareNodes = (now: NodeResult[], before: NodeResult[] | undefined): NodeResult[] => {
    const byCode = new Map((before ?? []).map((node) => [node.code, node]));
    return now.map((node) => {
      const change = changeOf(node, byCode.get(node.code));
      return change ? { ...node, change } : node;
    });
  };
  return {
    framework: current.framework,
    units: current.units.map((unit) => {
      const before = previousByCode.get(unit.code);
      if (!before) return unit;
      const change = changeOf(unit, before);
      return {
        ...unit,
        previous: { value: before.value, rank: before.rank },
        ...(change ? { change } : {}),
        groups: compareNodes(unit.groups, before.groups),
        mainIndices: compareNodes(unit.mainIndices, before.mainIndices),
        pillars: compareNodes(unit.pillars, before.pillars),
      };
    }),
  };
}
