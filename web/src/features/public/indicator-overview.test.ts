import { describe, expect, it } from 'vitest';
import { heatmapMatrix, heatmapOption, labelColour, overviewTable, SCALE, scaleColour, toCsv } from './indicator-overview';
import type { IndicatorOverview } from './public-api';

const item = (code: string, mainIndex: string, max: number | null, counts: number[], lost: number) => ({
  code,
  name: `Chỉ số ${code}`,
  nameEn: null,
  mainIndex,
  max,
  full: counts[0] ?? 0,
  partial: counts[1] ?? 0,
  zero: counts[2] ?? 0,
  notAssessed: counts[3] ?? 0,
  lost,
  meanShare: 0.5,
});

const overview: IndicatorOverview = {
  framework: { id: 'tiny', name: 'Bộ chỉ số thử', nameEn: null, year: 2024, precision: 4 },
  publishedAt: '2024-06-01T00:00:00.000Z',
  mainIndices: [
    { code: '1', name: 'Nhận thức số', nameEn: 'Digital awareness', max: 30, indicators: ['1.1', '1.2'], lost: 17.5 },
    { code: '2', name: 'Thể chế số', nameEn: null, max: 30, indicators: ['2.1'], lost: 5 },
  ],
  indicators: [
    item('1.2', '1', 20, [0, 2, 0, 0], 15),
    item('2.1', '2', 30, [1, 1, 0, 0], 5),
    item('1.1', '1', 10, [1, 0, 0, 1], 2.5),
  ],
  indicatorOrder: ['1.1', '1.2', '2.1'],
  units: [
    { code: 'A', name: 'Huyện A', rank: 1, value: 0.9, mainIndexValues: [0.75, 1], indicatorPoints: [10, 12.5, 30] },
    { code: 'B', name: 'Huyện <B>', rank: 2, value: 0.5, mainIndexValues: [0.25, 0.8333], indicatorPoints: [null, 2.5, 25] },
  ],
};
const vietnamese = (node: { name: string }) => node.name;

describe('heatmapMatrix', () => {
  it('gives units × main indices with the published values', () => {
    const matrix = heatmapMatrix(overview, null, vietnamese);
    expect(matrix.columns.map((column) => column.code)).toEqual(['1', '2']);
    expect(matrix.shares).toEqual([
      [0.75, 1],
      [0.25, 0.8333],
    ]);
    expect(matrix.points).toBeNull();
  });

  it('drills into one main index: its indicators, points and shares of their maxima, null where not assessed', () => {
    const matrix = heatmapMatrix(overview, '1', vietnamese);
    expect(matrix.columns).toEqual([
      { code: '1.1', name: 'Chỉ số 1.1', max: 10 },
      { code: '1.2', name: 'Chỉ số 1.2', max: 20 },
    ]);
    expect(matrix.points).toEqual([
      [10, 12.5],
      [null, 2.5],
    ]);
    expect(matrix.shares).toEqual([
      [1, 0.625],
      [null, 0.125],
    ]);
  });
});

describe('heatmapOption', () => {
  const texts = {
    formatValue: (value: number) => value.toFixed(2).replace('.', ','),
    formatPoints: (value: number) => String(value).replace('.', ','),
    pointsOf: (points: string, max: string) => `${points}/${max} điểm`,
    noValue: 'không đánh giá',
    legendLow: 'Thấp',
    legendHigh: 'Cao',
  };

  it('prints the number in each cell, in a colour that contrasts with it, and an empty cell grey with a dash', () => {
    const option = heatmapOption(heatmapMatrix(overview, '1', vietnamese), texts, false);
    const series = (option.series as { data: { value: number[]; label: { formatter: string; color: string } }[] }[])[0];
    expect(series?.data.map((cell) => [cell.value, cell.label.formatter])).toEqual([
      [[0, 0, 1], '10'],
      [[1, 0, 0.625], '12,5'],
      [[0, 1, -1], '–'],
      [[1, 1, 0.125], '2,5'],
    ]);
    // The darkest end of the scale takes white, the lightest dark text.
    expect(series?.data[3]?.label.color).toBe('#ffffff');
    expect(series?.data[0]?.label.color).toBe('#1a1b1e');
  });

  it('says in the tooltip which unit, which indicator and the points out of the maximum, names escaped', () => {
    const option = heatmapOption(heatmapMatrix(overview, '1', vietnamese), texts, false);
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    expect(tooltip.formatter({ value: [1, 1, 0.125] })).toBe('Huyện &lt;B&gt;<br/>1.2. Chỉ số 1.2: <b>2,5/20 điểm (0,13)</b>');
    expect(tooltip.formatter({ value: [0, 1, -1] })).toContain('không đánh giá');
  });
});

describe('heatmap column labels', () => {
  const texts = {
    formatValue: String,
    formatPoints: String,
    pointsOf: (points: string, max: string) => `${points}/${max}`,
    noValue: '',
    legendLow: '',
    legendHigh: '',
  };
  const labelOf = (option: ReturnType<typeof heatmapOption>) =>
    (option.xAxis as { axisLabel: { formatter?: (code: string) => string } }).axisLabel.formatter;

  it('names the main indices in full on a wide screen, codes only on a phone and for indicators', () => {
    expect(labelOf(heatmapOption(heatmapMatrix(overview, null, vietnamese), texts, false))?.('1')).toBe('1. Nhận thức số');
    expect(labelOf(heatmapOption(heatmapMatrix(overview, null, vietnamese), texts, true))).toBeUndefined();
    expect(labelOf(heatmapOption(heatmapMatrix(overview, '1', vietnamese), texts, false))).toBeUndefined();
  });
});

describe('colours', () => {
  it('runs the viridis scale from its first to its last stop', () => {
    expect(scaleColour(0)).toBe(SCALE[0]);
    expect(scaleColour(1)).toBe(SCALE[4]);
    expect(scaleColour(0.5)).toBe(SCALE[2]);
    expect(labelColour('#ffffff')).toBe('#1a1b1e');
  });
});

describe('overviewTable', () => {
  const headers = {
    code: 'Mã',
    indicator: 'Chỉ số',
    mainIndex: 'Chỉ số chính',
    max: 'Điểm tối đa',
    full: 'Đạt tối đa',
    partial: 'Đạt một phần',
    zero: 'Không đạt',
    notAssessed: 'Không đánh giá',
    lost: 'Điểm bị mất',
    meanShare: 'Tỷ lệ đạt bình quân',
  };

  it('writes the indicators in the order shown, for Excel set to Vietnamese with semicolons and decimal commas', () => {
    const csv = toCsv(overviewTable(overview, headers, vietnamese), 4, 'excel-vi');
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFMã;Chỉ số;Chỉ số chính;Điểm tối đa;Đạt tối đa;Đạt một phần;Không đạt;Không đánh giá;Điểm bị mất;Tỷ lệ đạt bình quân',
      '1.2;Chỉ số 1.2;1. Nhận thức số;20;0;2;0;0;15,00;0,5000',
      '2.1;Chỉ số 2.1;2. Thể chế số;30;1;1;0;0;5,00;0,5000',
      '1.1;Chỉ số 1.1;1. Nhận thức số;10;1;0;0;1;2,50;0,5000',
      '',
    ]);
  });

  it('keeps only the drilled main index', () => {
    expect(overviewTable(overview, headers, vietnamese, '2').rows.map((row) => row[0])).toEqual(['2.1']);
  });
});
