import { type CompiledFramework, createSeededRandom, type UnitRef } from '@opendti/core';

/**
 * Plausible, clearly fictional answers for the demo: the ten pre-2025 districts of Điện Biên scored
 * on the district framework of Decision 2001/QĐ-UBND. Deterministic (seeded), so the demo file and
 * the demo ranking never change between runs. NOT real assessment results.
 */
export const DIEN_BIEN_DISTRICTS: (UnitRef & { capability: number })[] = [
  { code: 'DBP', name: 'Thành phố Điện Biên Phủ', capability: 0.86 },
  { code: 'MLA', name: 'Thị xã Mường Lay', capability: 0.7 },
  { code: 'DBI', name: 'Huyện Điện Biên', capability: 0.74 },
  { code: 'DBD', name: 'Huyện Điện Biên Đông', capability: 0.55 },
  { code: 'MAN', name: 'Huyện Mường Ảng', capability: 0.62 },
  { code: 'MCH', name: 'Huyện Mường Chà', capability: 0.52 },
  { code: 'MNH', name: 'Huyện Mường Nhé', capability: 0.44 },
  { code: 'NPO', name: 'Huyện Nậm Pồ', capability: 0.41 },
  { code: 'TCH', name: 'Huyện Tủa Chùa', capability: 0.5 },
  { code: 'TGI', name: 'Huyện Tuần Giáo', capability: 0.6 },
];

export interface DemoAnswer {
  unitCode: string;
  unitName: string;
  indicator: string;
  value: string;
  points: string;
  appraisedPoints: string;
  notAssessed: string;
}

const halfPoints = (value: number) => Math.round(value * 2) / 2;
const decimal = (value: number) => String(value).replace('.', ',');

/**
 * One row per unit and indicator: the raw value the unit typed (yes/no, a/b) or its self points,
 * and, where the council disagreed, appraised points (about one row in seven, usually lower).
 */
export function generateDemoAnswers(
  framework: CompiledFramework,
  units: (UnitRef & { capability: number })[] = DIEN_BIEN_DISTRICTS,
  seed = 2022,
): DemoAnswer[] {
  const random = createSeededRandom(seed);
  const answers: DemoAnswer[] = [];
  for (const unit of units) {
    for (const nodeIndex of framework.indicatorNodes) {
      const node = framework.nodes[nodeIndex];
      if (!node) continue;
      const max = node.maxPoints;
      const level = Math.min(Math.max(unit.capability + (random() - 0.5) * 0.5, 0), 1);
      const answer: DemoAnswer = {
        unitCode: unit.code,
        unitName: unit.name,
        indicator: node.code,
        value: '',
        points: '',
        appraisedPoints: '',
        notAssessed: '',
      };
      // A town without agricultural cooperatives is not assessed on the digital-economy index.
      if (unit.code === 'MLA' && node.code.startsWith('7.') && random() < 0.3) {
        answer.notAssessed = 'x';
        answers.push(answer);
        continue;
      }
      let selfPoints: number;
      switch (node.method?.type) {
        case 'yesNo': {
          const yes = random() < level + 0.15;
          answer.value = yes ? 'có' : 'không';
          selfPoints = yes ? max : 0;
          break;
        }
        case 'ratio': {
          const denominator = 20 + Math.floor(random() * 180);
          const numerator = Math.round(denominator * level);
          answer.value = `${numerator}/${denominator}`;
          selfPoints = (numerator * max) / denominator;
          break;
        }
        default: {
          selfPoints = halfPoints(max * level);
          answer.points = decimal(selfPoints);
        }
      }
      if (random() < 0.14 && selfPoints > 0) {
        // The council rarely raises a score; it usually trims one whose evidence was incomplete.
        const appraised = halfPoints(selfPoints * (0.4 + random() * 0.5));
        answer.appraisedPoints = decimal(Math.min(appraised, max));
      }
      answers.push(answer);
    }
  }
  return answers;
}

export const DEMO_HEADER = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Mã chỉ số',
  'Giá trị',
  'Điểm tự đánh giá',
  'Điểm thẩm định',
  'Không đánh giá',
];

export function demoAnswerCells(answer: DemoAnswer): string[] {
  return [
    answer.unitCode,
    answer.unitName,
    answer.indicator,
    answer.value,
    answer.points,
    answer.appraisedPoints,
    answer.notAssessed,
  ];
}
