/**
 * Drafting an improvement plan (issue 11: "drafting a plan for 150 units × 70 indicators takes under
 * 200 ms of server time; report the ratio to scoring the same cohort"). Synthetic data built like the
 * scoring bench's: 7 main indices × 10 indicators of the bench framework, 3 % not assessed, 15 %
 * appraised. Prints medians of repeated runs: scoring, the cohort's draft, one unit's draft (a what-if
 * per indicator losing points), and every unit's draft.
 * Run: npm run build -w bench && node bench/dist/plan-draft-bench.js
 */
import {
  compileFramework,
  createScoreSheet,
  createSeededRandom,
  draftPlan,
  type FrameworkDocument,
  scoreCohort,
  validateFramework,
} from '@opendti/core';
import { benchFramework } from './bench-framework.js';

const UNITS = 150;
const MAIN_INDICES = 7;
const RUNS = 25;

const full = benchFramework();
const document: FrameworkDocument = {
  ...full,
  id: 'bench-70',
  maxPoints: MAIN_INDICES * 100,
  mainIndices: full.mainIndices.slice(0, MAIN_INDICES).map((main, m) => ({ ...main, group: m < 4 ? 'NT' : 'HD' })),
  pillars: [{ code: 'CQS', name: 'Chính quyền số', mainIndices: ['1', '2', '3', '4', '5', '6', '7'] }],
};
const framework = compileFramework(validateFramework(document, 'bench-70'));
const indicatorCount = framework.indicatorNodes.length;
const units = Array.from({ length: UNITS }, (_, u) => ({ code: `X${u}`, name: `Xã ${u}` }));
const random = createSeededRandom(42);
const sheet = createScoreSheet(framework, units);
for (let cell = 0; cell < UNITS * indicatorCount; cell++) {
  const position = cell % indicatorCount;
  const method = framework.nodes[framework.indicatorNodes[position] as number]?.method?.type;
  if (random() < 0.03) {
    sheet.notAssessed[cell] = 1;
  } else if (method === 'relativeToBest') {
    sheet.rawValues[cell] = Math.floor(random() * 5000);
  } else {
    sheet.selfPoints[cell] = Math.round(random() * 20) / 2;
    if (random() < 0.15) sheet.appraisedPoints[cell] = Math.round(random() * 20) / 2;
  }
}
const owners = framework.indicatorNodes.map((node, i) => ({
  indicator: framework.nodes[node]?.code ?? '',
  lead: `S${i % 18}`,
  coordinating: [`S${(i + 1) % 18}`, `S${(i + 5) % 18}`],
}));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const time = (work: () => unknown): number => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

const scoreTimes: number[] = [];
const cohortTimes: number[] = [];
const unitTimes: number[] = [];
const everyUnitTimes: number[] = [];
let tasks = 0;
let unitTasks = 0;
for (let run = 0; run < RUNS; run++) {
  let scores = scoreCohort(sheet);
  scoreTimes.push(time(() => (scores = scoreCohort(sheet))));
  cohortTimes.push(time(() => (tasks = draftPlan(scores, { owners }).tasks.length)));
  unitTimes.push(time(() => (unitTasks = draftPlan(scores, { owners, unitCode: 'X75' }).tasks.length)));
  if (run < 5) {
    everyUnitTimes.push(
      time(() => {
        for (const unit of units) draftPlan(scores, { owners, unitCode: unit.code });
      }),
    );
  }
}

const score = median(scoreTimes);
const cohort = median(cohortTimes);
const unit = median(unitTimes);
const f = (ms: number) => `${ms.toFixed(2)} ms`;
console.log(`plan draft bench: ${UNITS} units × ${indicatorCount} indicators, ${RUNS} runs, median`);
console.log(`  scoreCohort (the same cohort):               ${f(score)}`);
console.log(`  draftPlan, cohort (${tasks} tasks):             ${f(cohort)} — ratio to scoring ${(cohort / score).toFixed(2)}×`);
console.log(`  score + draft (server time, cohort):         ${f(score + cohort)} (target < 200 ms)`);
console.log(
  `  draftPlan, one unit (${unitTasks} tasks, what-if each): ${f(unit)} — ratio to scoring ${(unit / score).toFixed(2)}×`,
);
console.log(`  draftPlan for every one of the ${UNITS} units:     ${f(median(everyUnitTimes))}`);
