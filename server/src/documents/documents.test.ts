import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareWithPrevious,
  compileFramework,
  DomainError,
  formatProblem,
  presentCohort,
  scoreCohort,
  sortByRank,
} from '@opendti/core';
import { resolveFramework } from '@opendti/frameworks';
import PizZip from 'pizzip';
import { beforeAll, describe, expect, it } from 'vitest';
import { readScoreFile } from '../cli/read-score-file.js';
import { docxPackageProblems, readDocxTables, readDocxText } from '../test-support/docx-package.js';
import { checkTemplate } from './check-template.js';
import { findSoffice } from './convert-with-libreoffice.js';
import { DOCUMENT_KINDS, tagTreeOf } from './document-layout.js';
import { fillTemplate } from './fill-template.js';
import { formatPoints, formatValue } from './format-values.js';
import { LAYOUTS } from './layouts.js';
import { buildPlanData, DRAFT_MARK, type PlanDocumentInput } from './plan-data.js';
import { DEFAULT_PROVINCE_HEADER, type ProvinceHeader } from './province-header.js';
import { readDefaultTemplate, renderDocument, renderDocuments } from './render-document.js';
import { buildDecisionAppendixData, buildResultReportData } from './result-report-data.js';
import { buildScoreSheetData } from './score-sheet-data.js';

const demo = new URL('../../../frameworks/demo/dienbien-2022-district.csv', import.meta.url).pathname;
const header: ProvinceHeader = {
  ...DEFAULT_PROVINCE_HEADER,
  parentBody: 'Ủy ban nhân dân tỉnh Điện Biên',
  place: 'Điện Biên',
  signerName: 'Nguyễn Văn Bình',
  recipients: ['UBND tỉnh (b/c)', 'Lưu: VT'],
};
const period = {
  name: 'Đánh giá năm 2022',
  year: 2022,
  publicationDecision: { number: '123/QĐ-UBND', date: '2023-03-15', signerName: 'Lò Văn Mừng', signerTitle: 'Chủ tịch' },
};

const planInput = (status: 'draft' | 'issued'): PlanDocumentInput => ({
  plan: {
    title: 'Kế hoạch nâng cao chỉ số chuyển đổi số năm 2023',
    documentNumber: status === 'draft' ? '' : '187/KH-UBND',
    date: '2023-03-03',
    year: 2023,
    purpose: 'Nâng cao chỉ số đánh giá, khắc phục những tồn tại, hạn chế.\nCải thiện vị trí xếp hạng chuyển đổi số.',
    status,
    reportingSchedule: ['half-yearly', '15/11'],
  },
  bases: ['kết quả đánh giá chỉ số chuyển đổi số "Đánh giá năm 2022" (bộ chỉ số: Điện Biên 2022)'],
  targets: [
    { code: '1', name: 'Nhận thức số', baseline: 0.375, target: 0.6, unit: 'value', dueOn: '2023-12-31' },
    { code: '1.1', name: 'Ban hành kế hoạch chuyển đổi số', baseline: 2.5, target: 5, unit: 'points', dueOn: '2023-06-30' },
  ],
  tasks: [
    {
      text: 'Ban hành kế hoạch chuyển đổi số năm 2023 của huyện',
      indicators: ['1.1'],
      leadName: 'Ủy ban nhân dân huyện Điện Biên',
      coordinatingNames: ['Sở Khoa học và Công nghệ', 'Văn phòng UBND tỉnh'],
      product: 'Kế hoạch và tài liệu kiểm chứng',
      dueOn: '2023-06-30',
      state: 'notStarted',
      cancelReason: null,
    },
    {
      text: 'Tập huấn kỹ năng số cho cán bộ, công chức',
      indicators: ['4.2', '4.3'],
      leadName: null,
      coordinatingNames: [],
      product: 'Báo cáo kết quả tập huấn',
      dueOn: '2023-09-15',
      state: 'cancelled',
      cancelReason: 'gộp vào nhiệm vụ 1',
    },
  ],
  header,
});

async function demoCohort() {
  const framework = compileFramework(resolveFramework('dienbien-2022-district'));
  const { sheet, problems } = await readScoreFile(framework, demo);
  expect(problems).toEqual([]);
  const scores = scoreCohort(sheet);
  return { scores, results: presentCohort(scores) };
}

describe('default templates', () => {
  it.each(DOCUMENT_KINDS)('%s: the shipped template holds exactly the tags of its layout', async (kind) => {
    const template = await readDefaultTemplate(kind);
    expect(docxPackageProblems(template)).toEqual([]);
    expect(() => checkTemplate(LAYOUTS[kind], template)).not.toThrow();
    const text = readDocxText(template);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(Object.keys(tagTreeOf(LAYOUTS[kind]))).toContain('documentNumber');
  });
});

describe('template check', () => {
  const edit = async (replace: (xml: string) => string) => {
    const zip = new PizZip(await readDefaultTemplate('unit-score-sheet'));
    zip.file('word/document.xml', replace(zip.file('word/document.xml')?.asText() ?? ''));
    return zip.generate({ type: 'nodebuffer' });
  };
  const messages = (run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof DomainError) return error.problems.map((problem) => formatProblem(problem, 'vi'));
      throw error;
    }
    return [];
  };

  it('refuses a broken placeholder, naming it', async () => {
    const broken = await edit((xml) => xml.replace('{unitName}', '{unitName'));
    const found = messages(() => checkTemplate(LAYOUTS['unit-score-sheet'], broken));
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(/trường trộn viết sai/);
  });

  it('refuses unknown and missing fields, naming each', async () => {
    const changed = await edit((xml) => xml.replace('{indexValue}', '{chiSoMoi}').replace('{unitName}', '{unitName} {giamDoc}'));
    const found = messages(() => checkTemplate(LAYOUTS['unit-score-sheet'], changed));
    expect(found.join('\n')).toContain('{giamDoc}, {chiSoMoi}');
    expect(found.join('\n')).toContain('thiếu trường bắt buộc của "Phiếu tổng hợp kết quả chấm điểm": {indexValue}');
  });

  it('accepts a field moved or reworded, and a loop field used inside its loop only', async () => {
    const reworded = await edit((xml) => xml.replace('Tổng điểm tự đánh giá', 'Tổng cộng điểm đơn vị tự chấm'));
    expect(() => checkTemplate(LAYOUTS['unit-score-sheet'], reworded)).not.toThrow();
    const outside = await edit((xml) => xml.replace('{unitName}', '{unitName} {reason}'));
    expect(messages(() => checkTemplate(LAYOUTS['unit-score-sheet'], outside)).join('\n')).toContain('{reason}');
  });

  it('refuses a file that is not a .docx', () => {
    expect(messages(() => checkTemplate(LAYOUTS['result-report'], Buffer.from('not a zip'))).join('\n')).toMatch(
      /không phải văn bản Word/,
    );
  });
});

describe('improvement plan document', () => {
  it('a valid package: header, number and date, targets and the task table as the plan holds them', async () => {
    const input = planInput('issued');
    const { bytes } = await renderDocument('improvement-plan', buildPlanData(input), 'docx');
    expect(docxPackageProblems(bytes)).toEqual([]);
    const text = readDocxText(bytes);
    expect(text).not.toMatch(/\{[#/@]?[A-Za-z]+\}/);
    expect(text).not.toContain(DRAFT_MARK);
    expect(text).toContain('Số: 187/KH-UBND');
    expect(text).toContain('Điện Biên, ngày 03 tháng 3 năm 2023');
    expect(text).toContain('KẾ HOẠCH');
    expect(text).toContain('Nâng cao chỉ số chuyển đổi số năm 2023');
    expect(text).toContain('Căn cứ kết quả đánh giá chỉ số chuyển đổi số "Đánh giá năm 2022"');
    expect(text).toContain('Cải thiện vị trí xếp hạng chuyển đổi số.');
    // The reporting rounds of core's reportingRounds, in words.
    expect(text).toContain('6 tháng đầu năm 2023: chậm nhất ngày 15/06/2023;');
    expect(text).toContain('Báo cáo tháng 11/2023: chậm nhất ngày 15/11/2023;');
    expect(text).toContain('6 tháng cuối năm 2023: chậm nhất ngày 15/12/2023;');
    expect(text).toContain('UBND tỉnh (b/c)');
    const tables = readDocxTables(bytes);
    const targets = tables.find((table) => table[0]?.[2] === 'Xuất phát');
    expect(targets?.slice(1)).toEqual([
      ['1', '1. Nhận thức số', '0,3750', '0,6000', '31/12/2023'],
      ['2', '1.1. Ban hành kế hoạch chuyển đổi số', '2,5 điểm', '5 điểm', '30/06/2023'],
    ]);
    const tasks = tables.find((table) => table[0]?.[1] === 'Nhiệm vụ');
    expect(tasks?.[0]).toEqual(['STT', 'Nhiệm vụ', 'Chỉ số', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Sản phẩm']);
    expect(tasks?.slice(1)).toEqual([
      [
        '1',
        'Ban hành kế hoạch chuyển đổi số năm 2023 của huyện',
        '1.1',
        'Ủy ban nhân dân huyện Điện Biên',
        'Sở Khoa học và Công nghệ; Văn phòng UBND tỉnh',
        '30/06/2023',
        'Kế hoạch và tài liệu kiểm chứng',
      ],
      [
        '2',
        'Tập huấn kỹ năng số cho cán bộ, công chức (đã hủy: gộp vào nhiệm vụ 1)',
        '4.2, 4.3',
        'Chưa phân công',
        '',
        '15/09/2023',
        'Báo cáo kết quả tập huấn',
      ],
    ]);
  });

  it('a draft is marked DỰ THẢO and numbered blank, in Word and in the PDF drawn without an office suite', async () => {
    const data = buildPlanData(planInput('draft'));
    const docx = (await renderDocument('improvement-plan', data, 'docx')).bytes;
    const text = readDocxText(docx);
    expect(text).toContain(DRAFT_MARK);
    expect(text).toMatch(/Số: +\/KH-SKHCN/);
    const { bytes, renderer } = await renderDocument('improvement-plan', data, 'pdf', { pdfRenderer: 'pdfmake' });
    expect([renderer, bytes.subarray(0, 5).toString()]).toEqual(['pdfmake', '%PDF-']);
  });

  it('a plan without targets, tasks or schedule still reads as a sentence', async () => {
    const input = planInput('draft');
    const data = buildPlanData({ ...input, plan: { ...input.plan, purpose: '', reportingSchedule: [] }, targets: [], tasks: [] });
    const text = readDocxText((await renderDocument('improvement-plan', data, 'docx')).bytes);
    expect(text).toContain('Kế hoạch chưa đặt chỉ tiêu.');
    expect(text).toContain('Kế hoạch chưa có nhiệm vụ.');
    expect(text).toContain('báo cáo kết quả thực hiện khi hoàn thành nhiệm vụ.');
    expect(text).toContain('Nâng cao chỉ số chuyển đổi số năm 2023, khắc phục');
  });
});

describe('documents from a scored cohort', () => {
  let cohort: Awaited<ReturnType<typeof demoCohort>>;
  beforeAll(async () => {
    cohort = await demoCohort();
  });

  it('result report: a valid package whose ranking table is the results, number for number', async () => {
    const data = buildResultReportData(
      period,
      [{ unitKind: 'district', cohortName: 'Huyện, thị xã, thành phố', ...cohort }],
      header,
      '2023-03-20',
    );
    const { bytes } = await renderDocument('result-report', data, 'docx');
    expect(docxPackageProblems(bytes)).toEqual([]);
    const text = readDocxText(bytes);
    expect(text).not.toMatch(/\{[#/@]?[A-Za-z]+\}/);
    expect(text).toContain('Điện Biên, ngày 20 tháng 3 năm 2023');
    expect(text).toContain('Quyết định số 123/QĐ-UBND ngày 15/03/2023');
    const precision = cohort.results.framework.precision;
    const ranking = readDocxTables(bytes).find((table) => table[0]?.[5] === 'Thay đổi hạng');
    expect(ranking?.slice(1)).toEqual(
      sortByRank(cohort.results.units).map((unit) => [
        String(unit.rank),
        unit.name,
        `${formatPoints(unit.points)} / ${formatPoints(unit.max)}`,
        formatValue(unit.value, precision),
        '–',
        '–',
      ]),
    );
    expect(ranking?.[1]?.[3]).toMatch(/^0,\d{4}$/);
    // The chart is a picture part of the package.
    expect(Object.keys(new PizZip(bytes).files)).toContain('word/media/opendti-image-1.png');
  });

  it('result report: the change from the previous year, signed, in the ranking table', async () => {
    // Last year: every unit 0,05 lower, and the first two swapped.
    const [a, b] = sortByRank(cohort.results.units);
    const previous = {
      ...cohort.results,
      units: cohort.results.units.map((unit) => ({
        ...unit,
        value: unit.value === null ? null : unit.value - 0.05,
        rank: unit.code === a?.code ? 2 : unit.code === b?.code ? 1 : unit.rank,
      })),
    };
    const results = compareWithPrevious(cohort.results, previous);
    const data = buildResultReportData(
      period,
      [{ unitKind: 'district', cohortName: 'Huyện', results, scores: cohort.scores, previousYear: 2021 }],
      header,
      '2023-03-20',
    );
    const { bytes } = await renderDocument('result-report', data, 'docx');
    const ranking = readDocxTables(bytes).find((table) => table[0]?.[5] === 'Thay đổi hạng');
    expect(ranking?.[1]?.slice(4)).toEqual(['+0,0500', '+1']);
    expect(ranking?.[2]?.slice(4)).toEqual(['+0,0500', '−1']);
    expect(readDocxText(bytes)).toContain('So với năm 2021: 1 đơn vị tăng hạng, 1 đơn vị giảm hạng.');
  });

  it('decision appendix and score sheet carry the published numbers', async () => {
    const cohortInput = { unitKind: 'district', cohortName: 'Huyện, thị xã, thành phố', ...cohort };
    const appendix = (
      await renderDocument('decision-appendix', buildDecisionAppendixData(period, [cohortInput], header, '2023-03-20'), 'docx')
    ).bytes;
    expect(docxPackageProblems(appendix)).toEqual([]);
    expect(readDocxText(appendix)).toContain('(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/03/2023');
    const unit = cohort.results.units[0];
    if (!unit) throw new Error('no unit');
    const sheetData = buildScoreSheetData({
      period,
      cohortName: 'Huyện, thị xã, thành phố',
      ...cohort,
      unitCode: unit.code,
      reasons: new Map([['1.1', 'Thiếu văn bản kiểm chứng']]),
      header,
      day: '2023-03-20',
    });
    const sheet = (await renderDocument('unit-score-sheet', sheetData, 'docx')).bytes;
    expect(docxPackageProblems(sheet)).toEqual([]);
    const text = readDocxText(sheet);
    expect(text).toContain(`Chỉ số chuyển đổi số: ${formatValue(unit.value, 4)}`);
    expect(text).toContain(`tổng điểm thẩm định: ${formatPoints(unit.points)}`);
    const rows = readDocxTables(sheet).find((table) => table[0]?.[5]?.startsWith('Lý do'));
    expect(rows?.find((row) => row[0] === '1.1')?.[5]).toBe('Thiếu văn bản kiểm chứng');
  });

  it('PDF without an office suite: pdfmake embeds the font and the Vietnamese text is extractable', async () => {
    const data = buildScoreSheetData({
      period,
      cohortName: 'Huyện, thị xã, thành phố',
      ...cohort,
      unitCode: cohort.results.units[0]?.code ?? '',
      reasons: new Map(),
      header,
      day: '2023-03-20',
    });
    const { bytes, renderer } = await renderDocument('unit-score-sheet', data, 'pdf', { pdfRenderer: 'pdfmake' });
    expect(renderer).toBe('pdfmake');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/FontFile2/);
  });

  // CI installs LibreOffice and poppler (.ci/run); elsewhere this says why it is skipped.
  const soffice = findSoffice();
  const pdftoppm = (() => {
    try {
      execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (!soffice || !pdftoppm) {
    console.log(
      `LibreOffice conversion test skipped: ${!soffice ? 'LibreOffice (soffice) not found on PATH or is turned off by OPENDTI_SOFFICE=off' : 'pdftoppm (poppler-utils) not found'}`,
    );
  }
  it.skipIf(!soffice || !pdftoppm)(
    'LibreOffice converts each filled document, and page 1 renders to PNG (kept as an artifact)',
    async () => {
      const cohortInput = { unitKind: 'district', cohortName: 'Huyện, thị xã, thành phố', ...cohort };
      const first = sortByRank(cohort.results.units)[0];
      const documents = [
        ['result-report', buildResultReportData(period, [cohortInput], header, '2023-03-20')],
        ['decision-appendix', buildDecisionAppendixData(period, [cohortInput], header, '2023-03-20')],
        [
          'unit-score-sheet',
          buildScoreSheetData({
            period,
            cohortName: cohortInput.cohortName,
            ...cohort,
            unitCode: first?.code ?? '',
            reasons: new Map(),
            header,
            day: '2023-03-20',
          }),
        ],
        ['improvement-plan', buildPlanData(planInput('draft'))],
      ] as const;
      const folder = process.env.OPENDTI_DOCUMENT_ARTIFACTS ?? mkdtempSync(join(tmpdir(), 'opendti-documents-'));
      for (const [kind, data] of documents) {
        const { bytes, renderer } = await renderDocument(kind, data, 'pdf', { pdfRenderer: 'auto' });
        expect(renderer).toBe('libreoffice');
        writeFileSync(join(folder, `${kind}.pdf`), bytes);
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(folder, `${kind}.pdf`), join(folder, kind)]);
        const png = readFileSync(join(folder, `${kind}-1.png`));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        const text = execFileSync('pdftotext', ['-l', '1', join(folder, `${kind}.pdf`), '-']).toString();
        expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        // The score sheet's index is on its last page; its first page names the unit; the plan's, its draft mark.
        expect(text).toContain(
          kind === 'unit-score-sheet'
            ? (first?.name ?? '')
            : kind === 'improvement-plan'
              ? DRAFT_MARK
              : formatValue(first?.value, 4),
        );
      }
      console.log(`LibreOffice PDFs and page-1 PNGs in ${folder}`);
    },
    180_000,
  );

  it.skipIf(!soffice || !pdftoppm)(
    'LibreOffice converts a batch of score sheets in one run, each PDF its own unit’s, in order',
    async () => {
      const units = cohort.results.units.slice(0, 3);
      const batch = units.map((unit) =>
        buildScoreSheetData({
          period,
          cohortName: 'Huyện',
          ...cohort,
          unitCode: unit.code,
          reasons: new Map(),
          header,
          day: '2023-03-20',
        }),
      );
      const rendered = await renderDocuments('unit-score-sheet', batch, 'pdf', { pdfRenderer: 'auto' });
      const folder = mkdtempSync(join(tmpdir(), 'opendti-batch-'));
      rendered.forEach((document, index) => {
        expect(document.renderer).toBe('libreoffice');
        writeFileSync(join(folder, `${index}.pdf`), document.bytes);
        const text = execFileSync('pdftotext', ['-l', '1', join(folder, `${index}.pdf`), '-']).toString();
        expect(text).toContain(units[index]?.name ?? '');
      });
    },
    180_000,
  );
});

it('fillTemplate leaves an unknown field empty rather than failing', async () => {
  const bytes = fillTemplate(await readDefaultTemplate('decision-appendix'), {});
  expect(docxPackageProblems(bytes)).toEqual([]);
});
