import { describe, expect, it } from 'vitest';
import { DomainError, formatProblem } from '../errors/problem.js';
import { TINY_FRAMEWORK_YAML } from '../test-support/tiny-framework.js';
import { compileFramework } from './compile-framework.js';
import { parseFramework } from './load-framework.js';

function problemsOf(yaml: string): string[] {
  try {
    parseFramework(yaml, 'bad.yaml');
  } catch (error) {
    if (error instanceof DomainError) return error.problems.map((problem) => formatProblem(problem, 'en'));
    throw error;
  }
  return [];
}

describe('parseFramework', () => {
  it('accepts a valid framework and fills in the default method', () => {
    const document = parseFramework(TINY_FRAMEWORK_YAML, 'tiny.yaml');
    expect(document.mainIndices[1]?.indicators[0]?.method).toEqual({ type: 'direct' });
    expect(document.mainIndices[0]?.indicators[1]?.method).toMatchObject({ type: 'thresholds' });
  });

  it('compiles into a tree whose bottom-up order puts children before parents', () => {
    const framework = compileFramework(parseFramework(TINY_FRAMEWORK_YAML, 'tiny.yaml'));
    expect(framework.nodes.map((node) => `${node.level}:${node.code}`)).toEqual([
      'framework:tiny',
      'group:A',
      'group:B',
      'mainIndex:1',
      'indicator:1.1',
      'indicator:1.2',
      'indicator:1.3',
      'mainIndex:2',
      'indicator:2.1',
      'mainIndex:3',
      'indicator:3.1',
      'indicator:3.2',
    ]);
    const position = new Map(framework.bottomUp.map((node, order) => [node, order]));
    for (const node of framework.nodes) {
      if (node.parent >= 0) expect(position.get(node.index)).toBeLessThan(position.get(node.parent) as number);
    }
    expect(framework.nodes[1]?.maxPoints).toBe(70); // group A = main indices 1 + 2
  });

  it('rejects YAML syntax errors with the line', () => {
    expect(problemsOf('id: x\nname: [unclosed\n')[0]).toMatch(/^bad\.yaml, row \d+: cannot read the framework file/);
  });

  it('names the code and the problem for every rule broken', () => {
    const broken = TINY_FRAMEWORK_YAML.replace(
      'maxPoints: 30\n    indicators:\n      - { code: "2.1", name: Kế hoạch chuyển đổi số, maxPoints: 30 }',
      'maxPoints: 30\n    indicators:\n      - { code: "2.1", name: Kế hoạch chuyển đổi số, maxPoints: 25 }',
    )
      .replace(
        '{ code: "3.1", name: Số hồ sơ trực tuyến, maxPoints: 15, method: relativeToBest }',
        '{ code: "1.1", name: Số hồ sơ trực tuyến, maxPoints: 15, method: guess }',
      )
      .replace('group: B', 'group: Z')
      .replace('mainIndices: ["1", "3"]', 'mainIndices: ["1", "7"]');
    expect(problemsOf(broken)).toEqual([
      'bad.yaml: indicator "1.1": unknown scoring method "guess" (known: yesNo, ratio, thresholds, options, relativeToBest, minMax, direct, parts)',
    ]);
    const withoutMethod = broken.replace('method: guess', 'method: yesNo');
    expect(problemsOf(withoutMethod)).toEqual([
      'bad.yaml: indicators add up to 25 points, but main index "2" has 30',
      'bad.yaml: main index "3" names group "Z", which is not defined',
      'bad.yaml: code "1.1" is used twice (first for indicator 1.1)',
      'bad.yaml: pillar "P" names main index "7", which does not exist',
    ]);
  });

  it('checks the total and method parameters against the maximum', () => {
    const problems = problemsOf(
      TINY_FRAMEWORK_YAML.replace('maxPoints: 100', 'maxPoints: 90').replace(
        '{ atLeast: 4, points: 20 }',
        '{ atLeast: 4, points: 25 }',
      ),
    );
    expect(problems).toEqual([
      'bad.yaml: indicator "1.2", method thresholds: step "at least 4" gives 25 points, above the maximum 20',
      'bad.yaml: main indices add up to 100 points, but the framework has 90',
    ]);
  });

  it('explains schema errors with the path, including an unquoted numeric code', () => {
    const problems = problemsOf(
      TINY_FRAMEWORK_YAML.replace('code: "2"', 'code: 2').replace('aggregation: sum', 'aggregation: average'),
    );
    expect(problems).toContain('bad.yaml: invalid structure: /aggregation: must be one of sum, weightedMean');
    expect(problems).toContain(
      'bad.yaml: invalid structure: /mainIndices/1/code: a code must be quoted text, e.g. "1.10", not a number',
    );
  });

  it('rejects unknown fields and bad method parameters', () => {
    const problems = problemsOf(
      TINY_FRAMEWORK_YAML.replace('precision: 4', 'precision: 4\ncolour: blue').replace(
        'method: ratio',
        'method: { type: ratio, target: 0 }',
      ),
    );
    expect(problems).toEqual([
      'bad.yaml: invalid structure: /: unknown field "colour"',
      'bad.yaml: indicator "1.3", method ratio: target must be a number above 0',
    ]);
  });
});
