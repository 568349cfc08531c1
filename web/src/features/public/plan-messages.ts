import type { Dictionary } from '../../i18n/locale';

type Key =
  | 'listTitle'
  | 'listDescription'
  | 'none'
  | 'documentOf'
  | 'year'
  | 'status_issued'
  | 'status_closed'
  | 'publishedOn'
  | 'tasksLine'
  | 'targetsLine'
  | 'targetsPending'
  | 'readMore'
  | 'backToList'
  | 'summaryHeading'
  | 'tasksHeading'
  | 'tasksChartLabel'
  | 'tasksTotal'
  | 'targetsHeading'
  | 'comparedWith'
  | 'noComparison'
  | 'state'
  | 'count'
  | 'allTasks'
  | 'notFound';

export const publicPlanMessages: Dictionary<Key> = {
  vi: {
    listTitle: 'Kế hoạch nâng cao chỉ số chuyển đổi số',
    listDescription:
      'Các kế hoạch tỉnh đã ban hành sau khi công bố kết quả đánh giá, với tiến độ nhiệm vụ và các chỉ tiêu đạt hay chưa đạt khi kết quả năm sau được công bố.',
    none: 'Chưa có kế hoạch nào được công khai.',
    documentOf: 'Số {number}, ngày {date}',
    year: 'Năm {year}',
    status_issued: 'Đang thực hiện',
    status_closed: 'Đã kết thúc',
    publishedOn: 'Công khai ngày {date}',
    tasksLine: '{total} nhiệm vụ: {done} hoàn thành, {inProgress} đang thực hiện, {overdue} quá hạn',
    targetsLine: '{met}/{total} chỉ tiêu đạt',
    targetsPending: '{total} chỉ tiêu, chờ kết quả năm sau',
    readMore: 'Xem kế hoạch',
    backToList: 'Tất cả kế hoạch',
    summaryHeading: 'Tóm tắt',
    tasksHeading: 'Tiến độ nhiệm vụ',
    tasksChartLabel: 'Biểu đồ cột chồng: số nhiệm vụ của kế hoạch theo trạng thái',
    tasksTotal: 'Tổng số nhiệm vụ',
    targetsHeading: 'Chỉ tiêu',
    comparedWith: 'Giá trị hiện tại theo kết quả đã công bố của kỳ "{name}" ({year}).',
    noComparison: 'Kết quả đạt hay chưa đạt sẽ có khi kết quả đánh giá năm sau được công bố.',
    state: 'Trạng thái',
    count: 'Số nhiệm vụ',
    allTasks: 'Nhiệm vụ',
    notFound: 'Không tìm thấy kế hoạch này, hoặc kế hoạch không còn được công khai.',
  },
  en: {
    listTitle: 'Digital transformation improvement plans',
    listDescription:
      'The plans the province issued after publishing its assessment results, with the progress of their tasks and the targets met or missed once next year’s results are published.',
    none: 'No plan has been made public yet.',
    documentOf: 'No. {number}, dated {date}',
    year: 'Year {year}',
    status_issued: 'Under way',
    status_closed: 'Closed',
    publishedOn: 'Public since {date}',
    tasksLine: '{total} tasks: {done} done, {inProgress} in progress, {overdue} overdue',
    targetsLine: '{met} of {total} targets met',
    targetsPending: '{total} targets, awaiting next year’s results',
    readMore: 'View the plan',
    backToList: 'All plans',
    summaryHeading: 'Summary',
    tasksHeading: 'Task progress',
    tasksChartLabel: 'Stacked bar chart: the plan’s tasks by state',
    tasksTotal: 'Tasks',
    targetsHeading: 'Targets',
    comparedWith: 'Current values from the published results of "{name}" ({year}).',
    noComparison: 'Met or missed appears once next year’s assessment results are published.',
    state: 'State',
    count: 'Tasks',
    allTasks: 'Tasks',
    notFound: 'This plan was not found, or it is no longer public.',
  },
};
