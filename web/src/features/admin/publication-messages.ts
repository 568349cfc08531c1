import type { Dictionary } from '../../i18n/locale';

/** Texts of the publication preview (xem trước công bố) and its publish form, Vietnamese first. */
const vi = {
  previewLink: 'Xem trước bảng công bố',
  previewHelp: 'Xem đúng bảng xếp hạng sẽ công bố cùng các cảnh báo cần kiểm tra, rồi nhập quyết định công bố.',
  previewTitle: 'Xem trước bảng công bố',
  previewIntro:
    'Đây đúng là bảng công chúng sẽ thấy trên trang công khai sau khi công bố, tính bằng cùng một cách như khi công bố. Hãy đọc các cảnh báo trước khi công bố.',
  warningsTitle: 'Cảnh báo ({count})',
  warningsNone: 'Không có cảnh báo: mọi đơn vị đều có câu trả lời, đã được chốt kết quả và không thay đổi lớn so với năm trước.',
  warningsThresholds: 'Thay đổi lớn: từ {places} hạng trở lên, hoặc chỉ số thay đổi từ {change} trở lên so với kỳ công bố trước.',
  'warningKind_no-answers': 'Không có câu trả lời',
  'warningKind_not-finalised': 'Chưa chốt kết quả',
  'warningKind_undecided-indicators': 'Chỉ số chưa thẩm định',
  'warningKind_large-swing': 'Thay đổi lớn',
  cohortTable: 'Bảng xếp hạng {cohort}: {count} đơn vị',
  comparedWith: 'Cột thay đổi so với kỳ công bố năm {year}.',
  noPrevious: 'Chưa có kỳ công bố trước của nhóm này để so sánh.',
  tableCaption: 'Bảng xếp hạng {cohort} sẽ công bố, kỳ {year}',
  decisionTitle: 'Quyết định công bố',
  decisionHelp:
    'Bắt buộc khi công bố; được ghi trên trang công khai và trong tệp tải về: “Công bố theo Quyết định số … ngày … của …”.',
  decisionNumber: 'Số quyết định',
  decisionNumberHelp: 'Ví dụ: 123/QĐ-UBND',
  decisionDate: 'Ngày ký',
  decisionSignerName: 'Họ tên người ký',
  decisionSignerTitle: 'Chức vụ người ký',
  decisionSignerTitleHelp: 'Ví dụ: Phó Chủ tịch Ủy ban nhân dân tỉnh',
  decisionPreview: 'Trang công khai sẽ ghi:',
  publishButton: 'Công bố kết quả',
  publishBlocked: 'Chưa công bố được:',
  published: 'Đã công bố kết quả kỳ {year}.',
  backToPeriod: 'Quay lại kỳ đánh giá',
  serverRefused: 'Máy chủ từ chối công bố',
  notAppraisal: 'Kỳ đánh giá không ở bước thẩm định nên không có gì để công bố.',
};

export type PublicationKey = keyof typeof vi;

const en: Record<PublicationKey, string> = {
  previewLink: 'Preview the table to publish',
  previewHelp: 'See exactly the ranking that will be published with the warnings to check, then enter the publication decision.',
  previewTitle: 'Publication preview',
  previewIntro:
    'This is exactly the table the public will see once published, computed the same way as publication. Read the warnings before publishing.',
  warningsTitle: 'Warnings ({count})',
  warningsNone: 'No warnings: every unit has answers, is finalised, and has not changed much since last year.',
  warningsThresholds:
    'A large change: {places} places or more, or an index change of {change} or more since the previous published period.',
  'warningKind_no-answers': 'No answers',
  'warningKind_not-finalised': 'Not finalised',
  'warningKind_undecided-indicators': 'Undecided indicators',
  'warningKind_large-swing': 'Large change',
  cohortTable: 'Ranking of {cohort}: {count} units',
  comparedWith: 'Change columns compare with the period published for {year}.',
  noPrevious: 'There is no earlier published period of this cohort to compare with.',
  tableCaption: 'Ranking of {cohort} to be published, {year}',
  decisionTitle: 'Publication decision',
  decisionHelp: 'Required to publish; shown on the public pages and in the downloads: “Published under Decision No. … of …”.',
  decisionNumber: 'Decision number',
  decisionNumberHelp: 'For example: 123/QĐ-UBND',
  decisionDate: 'Date signed',
  decisionSignerName: "Signer's name",
  decisionSignerTitle: "Signer's title",
  decisionSignerTitleHelp: 'For example: Phó Chủ tịch Ủy ban nhân dân tỉnh',
  decisionPreview: 'The public pages will read:',
  publishButton: 'Publish results',
  publishBlocked: 'Cannot publish yet:',
  published: 'The results of {year} are published.',
  backToPeriod: 'Back to the period',
  serverRefused: 'The server refused to publish',
  notAppraisal: 'The period is not in appraisal, so there is nothing to publish.',
};

export const publicationMessages: Dictionary<PublicationKey> = { vi, en };
