import {
  COHORT_LABELS,
  compileFramework,
  describeMethod,
  type FrameworkDocument,
  formatCalendarDay,
  formatLocaleNumber,
  type Locale,
  type UnitKind,
} from '@opendti/core';
import { listBuiltinFrameworkIds, loadBuiltinFramework, loadFrameworkFile, resolveFramework } from '@opendti/frameworks';

import { renderTable } from '../terminal-table.js';

export function listFrameworks(format: 'table' | 'json', locale: Locale): string {
  const documents = listBuiltinFrameworkIds().map((id) => loadBuiltinFramework(id));
  if (format === 'json') {
    return `${JSON.stringify(
      documents.map((document) => summary(document)),
      null,
      2,
    )}\n`;
  }
  const vi = locale === 'vi';
  return `${renderTable(
    [
      { title: 'Id' },
      { title: vi ? 'Năm' : 'Year', align: 'right' },
      { title: vi ? 'Đối tượng' : 'Assesses' },
      { title: vi ? 'Chỉ số chính' : 'Main', align: 'right' },
      { title: vi ? 'Thành phần' : 'Indicators', align: 'right' },
      { title: vi ? 'Điểm' : 'Points', align: 'right' },
      { title: vi ? 'Căn cứ' : 'Legal basis' },
      { title: vi ? 'Tên' : 'Name' },
    ],
    documents.map((document) => {
      const item = summary(document);
      return [
        item.id,
        String(item.year),
        unitKindName(document.unitKind, locale),
        String(item.mainIndices),
        String(item.indicators),
        item.maxPoints === null ? '–' : formatLocaleNumber(item.maxPoints, 0, locale),
        document.legalBasis.document === ''
          ? locale === 'vi'
            ? 'chưa có căn cứ (bản chép chưa kiểm chứng)'
            : 'no legal basis yet (unverified transcription)'
          : `${document.legalBasis.document} (${formatCalendarDay(document.legalBasis.date)})`,
        item.name,
      ];
    }),
  )}\n`;
}

/**
 * Who a framework assesses, named as the published rankings name the cohort ("Huyện, thị xã, thành
 * phố"), as the web does, not by the file's key.
 */
function unitKindName(kind: UnitKind, locale: Locale): string {
  return COHORT_LABELS[kind][locale];
}

/** What `list --format json` prints for programs: keys and ISO dates, as the framework file has them. */
function summary(document: FrameworkDocument) {
  return {
    id: document.id,
    name: document.name,
    year: document.year,
    unitKind: document.unitKind,
    mainIndices: document.mainIndices.length,
    indicators: document.mainIndices.reduce((count, main) => count + main.indicators.length, 0),
    maxPoints: document.maxPoints ?? null,
    legalBasis: `${document.legalBasis.document} (${document.legalBasis.date})`,
  };
}

export function showFramework(idOrPath: string, format: 'table' | 'json', locale: Locale): string {
  const document = resolveFramework(idOrPath);
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  const framework = compileFramework(document);
  const vi = locale === 'vi';
  const rows: string[][] = [];
  const points = (value: number) => (Number.isFinite(value) ? formatLocaleNumber(value, value % 1 === 0 ? 0 : 2, locale) : '–');
  const visit = (index: number, depth: number): void => {
    const node = framework.nodes[index];
    if (!node) return;
    if (node.level !== 'framework') {
      const showMax = document.aggregation === 'sum';
      rows.push([
        '  '.repeat(depth - 1) + node.code,
        // Keep the tree readable in a terminal; --format json has the full text.
        node.name.length > 100 ? `${node.name.slice(0, 99)}…` : node.name,
        showMax ? points(node.maxPoints) : '',
        node.level === 'indicator'
          ? describeMethod(node.method, locale)
          : node.unscored
            ? vi
              ? 'không tính điểm'
              : 'not scored'
            : '',
      ]);
    }
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(0, 0);
  const basis = document.legalBasis;
  const header = [
    `${document.name} (${document.id})`,
    `${vi ? 'Căn cứ' : 'Legal basis'}: ${basis.document}, ${formatCalendarDay(basis.date)}, ${basis.issuer}${basis.table ? `, ${basis.table}` : ''}`,
    `${vi ? 'Đối tượng' : 'Assesses'}: ${unitKindName(document.unitKind, locale)} · ${vi ? 'Năm' : 'Year'} ${document.year} · ${
      document.aggregation === 'sum'
        ? `${vi ? 'Tổng điểm' : 'Total'} ${points(framework.maxPoints)}`
        : vi
          ? 'Trung bình có trọng số'
          : 'Weighted mean'
    } · ${vi ? 'Làm tròn' : 'Precision'} ${document.precision}`,
  ];
  const pillars = (document.pillars ?? []).map((pillar) => `  ${pillar.code}  ${pillar.name}: ${pillar.mainIndices.join(', ')}`);
  return `${header.join('\n')}\n\n${renderTable(
    [
      { title: vi ? 'Mã' : 'Code' },
      { title: vi ? 'Tên' : 'Name' },
      { title: vi ? 'Điểm' : 'Max', align: 'right' },
      { title: vi ? 'Cách chấm' : 'Method' },
    ],
    rows,
  )}\n${pillars.length > 0 ? `\n${vi ? 'Trụ cột' : 'Pillars'}:\n${pillars.join('\n')}\n` : ''}`;
}

/** Validates a framework file; throws the DomainError listing every problem. */
export function validateFrameworkFile(path: string, locale: Locale): string {
  const document = loadFrameworkFile(path);
  const framework = compileFramework(document);
  const indicators = framework.indicatorNodes.length;
  return locale === 'vi'
    ? `${path}: hợp lệ — ${document.id}, ${document.mainIndices.length} chỉ số chính, ${indicators} chỉ số thành phần\n`
    : `${path}: valid — ${document.id}, ${document.mainIndices.length} main indices, ${indicators} indicators\n`;
}
