import type { FrameworkDocument, ScoringMethod } from '@opendti/core';

/**
 * A realistic 100-indicator framework for benchmarks: 2 groups, 10 main indices of 10 indicators,
 * 3 pillars, 1,000 points, and the method mix of real provincial frameworks (mostly direct points,
 * ratios and yes/no, some thresholds and options, a few scored against the best unit).
 */
export function benchFramework(): FrameworkDocument {
  const methods: ScoringMethod[] = [
    { type: 'direct' },
    { type: 'ratio' },
    { type: 'yesNo' },
    { type: 'direct' },
    { type: 'ratio' },
    {
      type: 'thresholds',
      steps: [
        { atLeast: 4, points: 10 },
        { atLeast: 3, points: 7.5 },
        { atLeast: 2, points: 5 },
        { atLeast: 1, points: 2.5 },
      ],
    },
    {
      type: 'options',
      options: [
        { code: 'head', label: 'Người đứng đầu', points: 10 },
        { code: 'deputy', label: 'Cấp phó', points: 5 },
      ],
    },
    { type: 'relativeToBest' },
    { type: 'direct' },
    { type: 'ratio' },
  ];
  return {
    id: 'bench-100',
    name: 'Bộ chỉ số thử tải 100 chỉ số',
    year: 2025,
    unitKind: 'commune',
    legalBasis: { document: 'BENCH', date: '2025-01-01', issuer: 'OpenDTI' },
    aggregation: 'sum',
    maxPoints: 1000,
    precision: 4,
    groups: [
      { code: 'NT', name: 'Nền tảng' },
      { code: 'HD', name: 'Hoạt động' },
    ],
    mainIndices: Array.from({ length: 10 }, (_, m) => ({
      code: String(m + 1),
      name: `Chỉ số chính ${m + 1}`,
      group: m < 6 ? 'NT' : 'HD',
      maxPoints: 100,
      indicators: Array.from({ length: 10 }, (_, i) => ({
        code: `${m + 1}.${i + 1}`,
        name: `Chỉ số thành phần ${m + 1}.${i + 1}`,
        maxPoints: 10,
        method: methods[i] as ScoringMethod,
      })),
    })),
    pillars: [
      { code: 'CQS', name: 'Chính quyền số', mainIndices: ['1', '2', '3', '4', '5', '6', '7'] },
      { code: 'KTS', name: 'Kinh tế số', mainIndices: ['1', '2', '3', '4', '5', '6', '8', '9'] },
      { code: 'XHS', name: 'Xã hội số', mainIndices: ['1', '2', '3', '4', '5', '6', '10'] },
    ],
  };
}

/** The raw text a unit would type for indicator position i (method index i % 10). */
export function rawAnswer(position: number, random: () => number): string {
  switch (position % 10) {
    case 1:
    case 4:
    case 9: {
      const denominator = 10 + Math.floor(random() * 200);
      return `${Math.floor(denominator * random())}/${denominator}`;
    }
    case 2:
      return random() < 0.6 ? 'có' : 'không';
    case 5:
      return String(Math.floor(random() * 6));
    case 6:
      return random() < 0.5 ? 'head' : 'deputy';
    case 7:
      return String(Math.floor(random() * 5000));
    default:
      return String(Math.round(random() * 20) / 2);
  }
}
