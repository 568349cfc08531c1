import type { Dictionary } from '../../i18n/locale';

type Key =
  | 'pageTitle'
  | 'pageDescription'
  | 'backToPlan'
  | 'reports'
  | 'documentOf'
  | 'draftNumber'
  | 'status_draft'
  | 'status_issued'
  | 'status_closed'
  | 'total'
  | 'targetsMet'
  | 'overdueAlert'
  | 'overdueTitle'
  | 'byMainIndex'
  | 'byMainIndexLabel'
  | 'byLeadUnit'
  | 'byLeadUnitLabel'
  | 'noTasks'
  | 'noMainIndex'
  | 'unassigned'
  | 'col_group'
  | 'col_total'
  | 'targetsHeading'
  | 'comparedWith'
  | 'noComparison'
  | 'publicationHeading'
  | 'publicationHelp'
  | 'publicationDraft'
  | 'summaryLabel'
  | 'summaryDescription'
  | 'publishedSwitch'
  | 'publishedSince'
  | 'notPublished'
  | 'viewPublic'
  | 'save'
  | 'saved'
  | 'staleTitle'
  | 'reload';

export const dashboardMessages: Dictionary<Key> = {
  vi: {
    pageTitle: 'Tổng quan kế hoạch',
    pageDescription:
      'Tiến độ nhiệm vụ theo chỉ số chính và đơn vị chủ trì, chỉ tiêu đạt hay chưa đạt khi kết quả kỳ đánh giá sau được công bố, và phần tóm tắt công khai.',
    backToPlan: 'Về kế hoạch',
    reports: 'Báo cáo tiến độ',
    documentOf: 'Số {number}, ngày {date}',
    draftNumber: 'Dự thảo, chưa có số văn bản',
    status_draft: 'Dự thảo',
    status_issued: 'Đã ban hành',
    status_closed: 'Đã kết thúc',
    total: 'Tổng số nhiệm vụ',
    targetsMet: 'Chỉ tiêu đạt',
    overdueTitle: 'Có nhiệm vụ quá hạn',
    overdueAlert: '{count} nhiệm vụ đã quá thời hạn mà chưa hoàn thành (tính đến ngày {date}).',
    byMainIndex: 'Nhiệm vụ theo chỉ số chính',
    byMainIndexLabel: 'Biểu đồ cột chồng: số nhiệm vụ theo trạng thái của từng chỉ số chính',
    byLeadUnit: 'Nhiệm vụ theo đơn vị chủ trì',
    byLeadUnitLabel: 'Biểu đồ cột chồng: số nhiệm vụ theo trạng thái của từng đơn vị chủ trì',
    noTasks: 'Kế hoạch chưa có nhiệm vụ.',
    noMainIndex: 'Không gắn chỉ số của bộ chỉ số',
    unassigned: 'Chưa phân công',
    col_group: 'Nhóm',
    col_total: 'Tổng',
    targetsHeading: 'Chỉ tiêu: kế hoạch có hiệu quả không?',
    comparedWith: 'Giá trị hiện tại lấy từ kết quả đã công bố của kỳ "{name}" ({year}), tính như giá trị xuất phát.',
    noComparison:
      'Chưa có kỳ đánh giá sau được công bố cho nhóm đơn vị này; giá trị hiện tại và kết quả đạt/chưa đạt sẽ có khi kết quả năm sau được công bố.',
    publicationHeading: 'Công khai tóm tắt',
    publicationHelp:
      'Người dân xem được tiêu đề, số và ngày văn bản, phần tóm tắt này, số nhiệm vụ theo trạng thái và các chỉ tiêu đạt/chưa đạt; không xem được nội dung báo cáo của đơn vị.',
    publicationDraft: 'Chỉ công khai được kế hoạch đã ban hành. Có thể soạn sẵn phần tóm tắt và lưu lại.',
    summaryLabel: 'Tóm tắt công khai',
    summaryDescription: 'Tối đa 5.000 ký tự; còn {left} ký tự.',
    publishedSwitch: 'Công khai trên cổng thông tin',
    publishedSince: 'Đang công khai từ {date}.',
    notPublished: 'Chưa công khai.',
    viewPublic: 'Xem trang công khai',
    save: 'Lưu',
    saved: 'Đã lưu phần công khai tóm tắt.',
    staleTitle: 'Kế hoạch vừa được thay đổi',
    reload: 'Tải lại',
  },
  en: {
    pageTitle: 'Plan dashboard',
    pageDescription:
      'Task progress per main index and lead unit, the targets met or missed once the next period’s results are published, and the public summary.',
    backToPlan: 'Back to the plan',
    reports: 'Progress reports',
    documentOf: 'No. {number}, dated {date}',
    draftNumber: 'Draft, no document number yet',
    status_draft: 'Draft',
    status_issued: 'Issued',
    status_closed: 'Closed',
    total: 'Tasks',
    targetsMet: 'Targets met',
    overdueTitle: 'Overdue tasks',
    overdueAlert: '{count} tasks are past their due date and not done (as of {date}).',
    byMainIndex: 'Tasks per main index',
    byMainIndexLabel: 'Stacked bar chart: tasks by state for each main index',
    byLeadUnit: 'Tasks per lead unit',
    byLeadUnitLabel: 'Stacked bar chart: tasks by state for each lead unit',
    noTasks: 'The plan has no tasks yet.',
    noMainIndex: 'No indicator of the framework',
    unassigned: 'Not assigned',
    col_group: 'Group',
    col_total: 'Total',
    targetsHeading: 'Targets: did the plan work?',
    comparedWith: 'Current values come from the published results of "{name}" ({year}), measured as the baseline was.',
    noComparison:
      'No later period has published this cohort yet; current values, met and missed, appear once next year’s results are published.',
    publicationHeading: 'Public summary',
    publicationHelp:
      'The public sees the title, the document’s number and date, this summary, the task counts by state and the targets met or missed; never the units’ reports.',
    publicationDraft: 'Only an issued plan can be made public. The summary can be written and saved beforehand.',
    summaryLabel: 'Public summary',
    summaryDescription: 'At most 5,000 characters; {left} left.',
    publishedSwitch: 'Public on the portal',
    publishedSince: 'Public since {date}.',
    notPublished: 'Not public.',
    viewPublic: 'View the public page',
    save: 'Save',
    saved: 'Public summary saved.',
    staleTitle: 'The plan was just changed',
    reload: 'Reload',
  },
};
