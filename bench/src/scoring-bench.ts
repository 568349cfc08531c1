/**
 * Scoring and ranking 10,000 units × 100 indicators (issue 2 §6): target ≤ 200 ms and ≤ 200 MB.
 * Prints the median of repeated runs and the ratio to a plain Float64Array pass over the same numbers.
 * Run: npm run bench (needs `node --expose-gc` for the memory figure).
 */
import {
  compileFramework,
  createScoreSheet,
  createSeededRandom,
  presentCohort,
  scoreCohort,
  validateFramework,
} from '@opendti/core';
import { benchFramework } from './bench-framework.js';

const UNITS = 10_000;
const RUNS = 15;

const framework = compileFramework(validateFramework(benchFramework(), 'bench-100'));
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

const gc = (globalThis as { gc?: () => void }).gc;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

// Floor: one pass over the same numbers, summing each unit's official points into its main indices.
function plainPass(): number {
  const totals = new Float64Array(UNITS * 10);
  const { selfPoints, appraisedPoints } = sheet;
  for (let u = 0; u < UNITS; u++) {
    for (let i = 0; i < indicatorCount; i++) {
      const cell = u * indicatorCount + i;
      const appraised = appraisedPoints[cell] as number;
      const points = Number.isNaN(appraised) ? (selfPoints[cell] as number) : appraised;
      const slot = u * 10 + ((i / 10) | 0);
      if (!Number.isNaN(points)) totals[slot] = (totals[slot] as number) + points;
    }
  }
  return totals[0] as number;
}

const floorTimes: number[] = [];
const scoreTimes: number[] = [];
const presentTimes: number[] = [];
let peakExtra = 0;
let rssAfterFirstRun = 0;
for (let run = 0; run < RUNS; run++) {
  gc?.();
  let start = performance.now();
  plainPass();
  floorTimes.push(performance.now() - start);

  gc?.();
  const before = process.memoryUsage();
  start = performance.now();
  const scores = scoreCohort(sheet);
  scoreTimes.push(performance.now() - start);
  const after = process.memoryUsage();
  peakExtra = Math.max(peakExtra, after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers));
  if (run === 0) rssAfterFirstRun = process.resourceUsage().maxRSS * 1024;

  start = performance.now();
  presentCohort(scores);
  presentTimes.push(performance.now() - start);
}

const scoreMedian = median(scoreTimes);
const floorMedian = median(floorTimes);
const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
console.log(`scoring bench: ${UNITS} units × ${indicatorCount} indicators, ${framework.nodes.length} nodes, ${RUNS} runs`);
console.log(
  `  scoreCohort (score + aggregate + rank): median ${scoreMedian.toFixed(1)} ms, min ${Math.min(...scoreTimes).toFixed(1)} ms (target ≤ 200 ms)`,
);
console.log(
  `  plain Float64Array pass (floor):       median ${floorMedian.toFixed(2)} ms — ratio ${(scoreMedian / floorMedian).toFixed(1)}×`,
);
console.log(`  presentCohort (JSON objects):          median ${median(presentTimes).toFixed(1)} ms`);
console.log(
  `  memory allocated by one scoring run:   ${mb(peakExtra)} MB (target ≤ 200 MB)${gc ? '' : ' (run with --expose-gc for a clean figure)'}`,
);
console.log(`  process peak RSS after one run:        ${mb(rssAfterFirstRun)} MB (Node itself, the input sheet and one scoring)`);
console.log(
  `  process peak RSS after ${RUNS} runs:       ${mb(process.resourceUsage().maxRSS * 1024)} MB (garbage of earlier runs not yet collected)`,
);
