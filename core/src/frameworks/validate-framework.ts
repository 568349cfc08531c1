import type { Problem } from '../errors/problem.js';
import type { FrameworkDocument, IndicatorDefinition } from './framework-model.js';

/** Points are decimals such as 2.5; compare sums with a tolerance far below any real difference. */
const POINTS_TOLERANCE = 1e-9;

/**
 * The rules a JSON Schema cannot express: unique codes, points that add up, references that resolve,
 * method parameters that fit the indicator's maximum. Returns every problem, in document order.
 */
export function validateFrameworkRules(document: FrameworkDocument, file: string): Problem[] {
  const problems: Problem[] = [];
  const firstUse = new Map<string, string>();
  const claim = (code: string, what: string): void => {
    const first = firstUse.get(code);
    if (first !== undefined) {
      problems.push({ code: 'framework.duplicate-code', params: { code, first }, location: { file, code } });
    } else {
      firstUse.set(code, what);
    }
  };

  const groupCodes = new Set<string>();
  for (const group of document.groups ?? []) {
    claim(group.code, `group ${group.code}`);
    groupCodes.add(group.code);
  }

  const isSum = document.aggregation === 'sum';
  let totalOfMainIndices = 0;
  let everyMainIndexHasMax = true;
  const mainIndexCodes = new Set<string>();

  for (const mainIndex of document.mainIndices) {
    claim(mainIndex.code, `main index ${mainIndex.code}`);
    mainIndexCodes.add(mainIndex.code);
    if (mainIndex.group !== undefined && !groupCodes.has(mainIndex.group)) {
      problems.push({
        code: 'framework.unknown-group',
        params: { code: mainIndex.code, group: mainIndex.group },
        location: { file, code: mainIndex.code },
      });
    }
    if (isSum && mainIndex.maxPoints === undefined) {
      everyMainIndexHasMax = false;
      problems.push({
        code: 'framework.missing-max',
        params: { code: mainIndex.code },
        location: { file, code: mainIndex.code },
      });
    }
    totalOfMainIndices += mainIndex.maxPoints ?? 0;

    let indicatorSum = 0;
    let everyIndicatorHasMax = mainIndex.indicators.length > 0;
    for (const indicator of mainIndex.indicators) {
      claim(indicator.code, `indicator ${indicator.code}`);
      if (indicator.maxPoints === undefined) everyIndicatorHasMax = false;
      indicatorSum += indicator.maxPoints ?? 0;
      problems.push(...validateMethodAgainstMax(indicator, file));
    }
    // Only a fully specified main index can be checked: DTI 2022 publishes main-index points but
    // not indicator points.
    if (isSum && everyIndicatorHasMax && mainIndex.maxPoints !== undefined) {
      if (Math.abs(indicatorSum - mainIndex.maxPoints) > POINTS_TOLERANCE) {
        problems.push({
          code: 'framework.points-mismatch',
          params: { sum: round(indicatorSum), code: mainIndex.code, max: mainIndex.maxPoints },
          location: { file, code: mainIndex.code },
        });
      }
    }
  }

  if (isSum) {
    if (document.maxPoints === undefined) {
      problems.push({ code: 'framework.missing-total', location: { file } });
    } else if (everyMainIndexHasMax && Math.abs(totalOfMainIndices - document.maxPoints) > POINTS_TOLERANCE) {
      problems.push({
        code: 'framework.total-mismatch',
        params: { sum: round(totalOfMainIndices), max: document.maxPoints },
        location: { file },
      });
    }
  }

  const pillarCodes = new Set<string>();
  for (const pillar of document.pillars ?? []) {
    if (pillarCodes.has(pillar.code) || firstUse.has(pillar.code)) {
      problems.push({
        code: 'framework.duplicate-code',
        params: { code: pillar.code, first: firstUse.get(pillar.code) ?? `pillar ${pillar.code}` },
        location: { file, code: pillar.code },
      });
    }
    pillarCodes.add(pillar.code);
    for (const mainIndex of pillar.mainIndices) {
      if (!mainIndexCodes.has(mainIndex)) {
        problems.push({
          code: 'framework.unknown-main-index',
          params: { code: pillar.code, mainIndex },
          location: { file, code: pillar.code },
        });
      }
    }
  }
  return problems;
}

function validateMethodAgainstMax(indicator: IndicatorDefinition, file: string): Problem[] {
  const { method, maxPoints } = indicator;
  const bad = (detail: string): Problem => ({
    code: 'framework.bad-method-parameter',
    params: { code: indicator.code, method: method.type, detail },
    location: { file, code: indicator.code },
  });
  if (maxPoints === undefined) {
    return method.type === 'thresholds' || method.type === 'options' || method.type === 'parts'
      ? [bad('needs maxPoints on the indicator')]
      : [];
  }
  if (method.type === 'parts') {
    const total = method.parts.reduce((sum, part) => sum + part.points, 0);
    if (round(total) !== round(maxPoints))
      return [bad(`the parts add up to ${round(total)} points, not the maximum ${maxPoints}`)];
    for (const part of method.parts) {
      const inner = part.method;
      if (inner.type === 'thresholds') {
        const over = inner.steps.find((step) => step.points > part.points);
        if (over)
          return [
            bad(`part "${part.code}": step "at least ${over.atLeast}" gives ${over.points} points, above its ${part.points}`),
          ];
      }
      if (inner.type === 'options') {
        const over = inner.options.find((option) => option.points > part.points);
        if (over)
          return [bad(`part "${part.code}": option "${over.code}" gives ${over.points} points, above its ${part.points}`)];
      }
    }
  }
  if (method.type === 'thresholds') {
    const over = method.steps.find((step) => step.points > maxPoints);
    if (over) return [bad(`step "at least ${over.atLeast}" gives ${over.points} points, above the maximum ${maxPoints}`)];
  }
  if (method.type === 'options') {
    const over = method.options.find((option) => option.points > maxPoints);
    if (over) return [bad(`option "${over.code}" gives ${over.points} points, above the maximum ${maxPoints}`)];
  }
  return [];
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
