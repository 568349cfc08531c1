import type { DocumentKind, DocumentLayout, TableColumn } from './document-layout.js';

/**
 * The documents of issue 13, in Vietnamese as they are issued. Adding a document (the DTI
 * analysis) is one more layout here and one data builder.
 */

const rankingColumns: TableColumn[] = [
  { title: 'Hạng', field: 'rank', width: 8, align: 'center' },
  { title: 'Đơn vị', field: 'name', width: 32 },
  { title: 'Điểm / tối đa', field: 'points', width: 16, align: 'center' },
  { title: 'Chỉ số', field: 'value', width: 12, align: 'center' },
  { title: 'Thay đổi chỉ số', field: 'valueChange', width: 14, align: 'center' },
  { title: 'Thay đổi hạng', field: 'rankChange', width: 12, align: 'center' },
];

const indicatorCountColumns: TableColumn[] = [
  { title: 'Mã', field: 'code', width: 8, align: 'center' },
  { title: 'Chỉ số thành phần', field: 'name', width: 44 },
  { title: 'Tối đa', field: 'max', width: 9, align: 'center' },
  { title: 'Đạt tối đa', field: 'full', width: 10, align: 'center' },
  { title: 'Một phần', field: 'partial', width: 10, align: 'center' },
  { title: 'Không điểm', field: 'zero', width: 10, align: 'center' },
  { title: 'Điểm bị mất', field: 'lost', width: 11, align: 'center' },
];

export const RESULT_REPORT: DocumentLayout = {
  kind: 'result-report',
  documentType: 'BÁO CÁO',
  title: 'Kết quả đánh giá chỉ số chuyển đổi số năm {periodYear}',
  body: [
    { kind: 'heading', text: 'I. TỔNG QUAN' },
    {
      kind: 'paragraph',
      text: 'Kỳ đánh giá "{periodName}" đánh giá {unitCount} đơn vị trong {cohortCount} nhóm. Kết quả được công bố theo {publicationText}. Chỉ số của mỗi đơn vị bằng tổng điểm thẩm định chia cho tổng điểm tối đa (trừ các chỉ số không đánh giá), làm tròn {precision} chữ số thập phân; các đơn vị bằng chỉ số đồng hạng.',
    },
    { kind: 'heading', text: 'II. KẾT QUẢ THEO NHÓM ĐƠN VỊ' },
    {
      kind: 'section',
      loop: 'cohorts',
      blocks: [
        { kind: 'heading', text: '{cohortNumber}. {cohortName}' },
        {
          kind: 'paragraph',
          text: 'Bộ chỉ số: {frameworkName} ({maxPoints} điểm). Số đơn vị: {cohortUnitCount}. Chỉ số trung bình: {averageValue}; cao nhất: {bestUnit} ({bestValue}); thấp nhất: {worstUnit} ({worstValue}). {previousText}',
        },
        { kind: 'paragraph', text: 'Bảng {cohortNumber}.1. Xếp hạng chỉ số chuyển đổi số', align: 'center', italic: true },
        { kind: 'table', loop: 'ranking', columns: rankingColumns },
        { kind: 'chart', tag: 'rankingChart' },
        { kind: 'paragraph', text: 'Hình {cohortNumber}. Chỉ số chuyển đổi số của các đơn vị', align: 'center', italic: true },
        { kind: 'paragraph', text: 'Bảng {cohortNumber}.2. Các chỉ số chính', align: 'center', italic: true },
        {
          kind: 'table',
          loop: 'mainIndices',
          columns: [
            { title: 'Mã', field: 'code', width: 8, align: 'center' },
            { title: 'Chỉ số chính', field: 'name', width: 32 },
            { title: 'Tối đa', field: 'max', width: 10, align: 'center' },
            { title: 'Trung bình', field: 'average', width: 12, align: 'center' },
            { title: 'Cao nhất', field: 'best', width: 19 },
            { title: 'Thấp nhất', field: 'worst', width: 19 },
          ],
        },
        {
          kind: 'paragraph',
          text: 'Bảng {cohortNumber}.3. Các chỉ số thành phần mất nhiều điểm nhất',
          align: 'center',
          italic: true,
        },
        { kind: 'table', loop: 'weakest', columns: indicatorCountColumns },
        { kind: 'paragraph', text: 'Bảng {cohortNumber}.4. Các chỉ số thành phần đạt tốt nhất', align: 'center', italic: true },
        { kind: 'table', loop: 'strongest', columns: indicatorCountColumns },
      ],
    },
    { kind: 'pageBreak' },
    { kind: 'heading', text: 'PHỤ LỤC: GIÁ TRỊ VÀ XẾP HẠNG THEO CHỈ SỐ CHÍNH' },
    {
      kind: 'section',
      loop: 'cohorts',
      blocks: [
        { kind: 'heading', text: '{cohortNumber}. {cohortName}' },
        {
          kind: 'section',
          loop: 'mainIndexTables',
          blocks: [
            { kind: 'paragraph', text: '{title}', bold: true, align: 'left' },
            {
              kind: 'table',
              loop: 'rows',
              columns: [
                { title: 'Hạng', field: 'rank', width: 10, align: 'center' },
                { title: 'Đơn vị', field: 'name', width: 50 },
                { title: 'Điểm / tối đa', field: 'points', width: 20, align: 'center' },
                { title: 'Giá trị', field: 'value', width: 20, align: 'center' },
              ],
            },
          ],
        },
      ],
    },
  ],
  signatures: [{ title: '{signerTitle}', name: '{signerName}' }],
  recipients: true,
  required: ['cohorts', 'ranking', 'mainIndices'],
};

export const DECISION_APPENDIX: DocumentLayout = {
  kind: 'decision-appendix',
  documentType: 'PHỤ LỤC',
  title: 'KẾT QUẢ XẾP HẠNG CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM {periodYear}',
  subtitle: '(Kèm theo Quyết định số {decisionNumber} ngày {decisionDate} của {decisionIssuer})',
  body: [
    {
      kind: 'section',
      loop: 'cohorts',
      blocks: [
        { kind: 'heading', text: '{cohortNumber}. {cohortName} (bộ chỉ số: {frameworkName}, {maxPoints} điểm)' },
        {
          kind: 'table',
          loop: 'ranking',
          columns: [
            { title: 'STT', field: 'stt', width: 7, align: 'center' },
            { title: 'Đơn vị', field: 'name', width: 43 },
            { title: 'Điểm / tối đa', field: 'points', width: 18, align: 'center' },
            { title: 'Chỉ số', field: 'value', width: 16, align: 'center' },
            { title: 'Xếp hạng', field: 'rank', width: 16, align: 'center' },
          ],
        },
      ],
    },
  ],
  signatures: [{ title: '{signerTitle}', name: '{signerName}' }],
  recipients: false,
  required: ['cohorts', 'ranking', 'decisionNumber'],
};

export const UNIT_SCORE_SHEET: DocumentLayout = {
  kind: 'unit-score-sheet',
  documentType: 'PHIẾU TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM',
  title: 'Chỉ số chuyển đổi số năm {periodYear}: {unitName}',
  subtitle: '(Bộ chỉ số: {frameworkName}; kỳ đánh giá: {periodName})',
  body: [
    {
      kind: 'table',
      loop: 'indicators',
      columns: [
        { title: 'Mã', field: 'code', width: 8, align: 'center' },
        { title: 'Chỉ số', field: 'name', width: 42 },
        { title: 'Tối đa', field: 'max', width: 8, align: 'center' },
        { title: 'Tự đánh giá', field: 'selfPoints', width: 11, align: 'center' },
        { title: 'Thẩm định', field: 'points', width: 11, align: 'center' },
        { title: 'Lý do điều chỉnh của Hội đồng', field: 'reason', width: 20 },
      ],
    },
    {
      kind: 'paragraph',
      text: 'Tổng điểm tự đánh giá: {selfTotal}; tổng điểm thẩm định: {pointsTotal} trên {effectiveMax} điểm được tính (tối đa {maxPoints}; không đánh giá: {notAssessedText}).',
    },
    {
      kind: 'paragraph',
      bold: true,
      text: 'Chỉ số chuyển đổi số: {indexValue} ({indexPercent}%); xếp hạng {rank} trong {rankedCount} đơn vị nhóm {cohortName}.',
    },
  ],
  signatures: [
    { title: 'THỦ TRƯỞNG ĐƠN VỊ', name: '{unitLeaderName}' },
    { title: 'CHỦ TỊCH HỘI ĐỒNG THẨM ĐỊNH', name: '{councilChairName}' },
  ],
  recipients: false,
  required: ['indicators', 'pointsTotal', 'indexValue', 'unitName'],
};

export const UNIT_SELF_ASSESSMENT: DocumentLayout = {
  kind: 'unit-self-assessment',
  documentType: 'BÁO CÁO',
  title: 'Tự đánh giá chỉ số chuyển đổi số năm {periodYear}',
  subtitle: '(Bộ chỉ số: {frameworkName}; kỳ đánh giá: {periodName})',
  body: [
    {
      kind: 'paragraph',
      text: '{unitName} báo cáo kết quả tự đánh giá chỉ số chuyển đổi số năm {periodYear} ({stateText}) như sau:',
    },
    { kind: 'heading', text: 'I. KẾT QUẢ TỰ ĐÁNH GIÁ' },
    {
      kind: 'table',
      loop: 'answers',
      columns: [
        { title: 'Mã', field: 'code', width: 8, align: 'center' },
        { title: 'Chỉ số', field: 'name', width: 32 },
        { title: 'Tối đa', field: 'max', width: 8, align: 'center' },
        { title: 'Kết quả', field: 'value', width: 13, align: 'center' },
        { title: 'Điểm tự đánh giá', field: 'selfPoints', width: 11, align: 'center' },
        { title: 'Giải trình', field: 'explanation', width: 28 },
      ],
    },
    {
      kind: 'paragraph',
      bold: true,
      text: 'Tổng điểm tự đánh giá: {selfTotal} trên {effectiveMax} điểm được tính; chỉ số tự đánh giá: {selfIndex}.',
    },
    { kind: 'heading', text: 'II. TÀI LIỆU KIỂM CHỨNG' },
    {
      kind: 'table',
      loop: 'evidence',
      columns: [
        { title: 'STT', field: 'stt', width: 6, align: 'center' },
        { title: 'Chỉ số', field: 'code', width: 8, align: 'center' },
        { title: 'Tài liệu', field: 'document', width: 36 },
        { title: 'Số, ngày văn bản', field: 'numberAndDate', width: 22 },
        { title: 'Trích yếu', field: 'summary', width: 28 },
      ],
    },
  ],
  signatures: [{ title: 'THỦ TRƯỞNG ĐƠN VỊ', name: '{unitLeaderName}' }],
  recipients: true,
  required: ['answers', 'selfTotal', 'unitName'],
};

/**
 * The improvement plan (Kế hoạch nâng cao chỉ số, issue 11) as seed 000 (187/KH-UBND) is written:
 * what it rests on, I. purpose, II. targets, III. the task table (STT, nhiệm vụ, chỉ số, chủ trì,
 * phối hợp, thời hạn, sản phẩm), IV. who does what and when they report (the plan's rounds).
 */
export const IMPROVEMENT_PLAN: DocumentLayout = {
  kind: 'improvement-plan',
  mark: '{draftMark}',
  documentType: 'KẾ HOẠCH',
  title: '{planTitle}',
  body: [
    { kind: 'section', loop: 'bases', blocks: [{ kind: 'paragraph', text: 'Căn cứ {basisText};' }] },
    { kind: 'heading', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
    { kind: 'section', loop: 'purpose', blocks: [{ kind: 'paragraph', text: '{purposeText}' }] },
    { kind: 'heading', text: 'II. CHỈ TIÊU' },
    { kind: 'paragraph', text: '{targetsIntro}' },
    {
      kind: 'table',
      loop: 'targets',
      columns: [
        { title: 'STT', field: 'stt', width: 7, align: 'center' },
        { title: 'Chỉ số', field: 'indicator', width: 45 },
        { title: 'Xuất phát', field: 'baseline', width: 15, align: 'center' },
        { title: 'Chỉ tiêu', field: 'target', width: 15, align: 'center' },
        { title: 'Thời hạn', field: 'dueOn', width: 14, align: 'center' },
      ],
    },
    { kind: 'heading', text: 'III. NHIỆM VỤ' },
    { kind: 'paragraph', text: '{tasksIntro}' },
    {
      kind: 'table',
      loop: 'tasks',
      columns: [
        { title: 'STT', field: 'stt', width: 7, align: 'center' },
        { title: 'Nhiệm vụ', field: 'task', width: 26 },
        { title: 'Chỉ số', field: 'indicators', width: 9, align: 'center' },
        { title: 'Đơn vị chủ trì', field: 'lead', width: 14 },
        { title: 'Đơn vị phối hợp', field: 'coordinating', width: 15 },
        { title: 'Thời hạn', field: 'dueOn', width: 13, align: 'center' },
        { title: 'Sản phẩm', field: 'product', width: 16 },
      ],
    },
    { kind: 'heading', text: 'IV. TỔ CHỨC THỰC HIỆN' },
    {
      kind: 'paragraph',
      text: '1. Các đơn vị chủ trì xây dựng kế hoạch thực hiện các nhiệm vụ được giao tại Mục III, bảo đảm đúng thời hạn và sản phẩm; {reportingText}',
    },
    { kind: 'section', loop: 'rounds', blocks: [{ kind: 'paragraph', text: '- {roundTitle}: chậm nhất ngày {roundDueOn};' }] },
    {
      kind: 'paragraph',
      text: '2. Các đơn vị phối hợp có trách nhiệm phối hợp, cung cấp thông tin và tài liệu kiểm chứng cho đơn vị chủ trì để hoàn thành nhiệm vụ.',
    },
    {
      kind: 'paragraph',
      text: '3. Cơ quan ban hành Kế hoạch là đầu mối theo dõi, hướng dẫn, đôn đốc các đơn vị triển khai thực hiện Kế hoạch; tổng hợp kết quả, báo cáo theo quy định.',
    },
    {
      kind: 'paragraph',
      text: 'Trên đây là Kế hoạch {planTitleLower}; các cơ quan, đơn vị tổ chức triển khai thực hiện nghiêm túc, hiệu quả./.',
    },
  ],
  signatures: [{ title: '{signerTitle}', name: '{signerName}' }],
  recipients: true,
  required: ['tasks', 'targets', 'draftMark'],
};

export const LAYOUTS: Readonly<Record<DocumentKind, DocumentLayout>> = {
  'result-report': RESULT_REPORT,
  'decision-appendix': DECISION_APPENDIX,
  'unit-score-sheet': UNIT_SCORE_SHEET,
  'unit-self-assessment': UNIT_SELF_ASSESSMENT,
  'improvement-plan': IMPROVEMENT_PLAN,
};

/** What each document is called, for messages and file names. */
export const DOCUMENT_NAMES: Readonly<Record<DocumentKind, { vi: string; en: string; file: string }>> = {
  'result-report': { vi: 'Báo cáo kết quả đánh giá', en: 'result report', file: 'bao-cao-ket-qua' },
  'decision-appendix': { vi: 'Phụ lục quyết định công bố', en: 'publication decision appendix', file: 'phu-luc-quyet-dinh' },
  'unit-score-sheet': { vi: 'Phiếu tổng hợp kết quả chấm điểm', en: 'unit score sheet', file: 'phieu-cham-diem' },
  'unit-self-assessment': { vi: 'Báo cáo tự đánh giá', en: 'self-assessment report', file: 'bao-cao-tu-danh-gia' },
  'improvement-plan': { vi: 'Kế hoạch nâng cao chỉ số', en: 'improvement plan', file: 'ke-hoach-nang-cao-chi-so' },
};
