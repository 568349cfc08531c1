import type { Dictionary } from '../../i18n/locale';
import { type RankingTableKey, rankingTableMessages } from '../../shared/ranking-messages';

type Key =
  | RankingTableKey
  | 'pageTitle'
  | 'unitPageTitle'
  | 'period'
  | 'cohort'
  | 'noPublished'
  | 'noCohort'
  | 'publishedOn'
  | 'framework'
  | 'comparedWith'
  | 'noPrevious'
  | 'previousFailed'
  | 'search'
  | 'searchDescription'
  | 'shownCount'
  | 'noMatch'
  | 'downloads'
  | 'downloadCsv'
  | 'downloadXlsx'
  | 'downloadNote'
  | 'rankingHeading'
  | 'rankingCaption'
  | 'sortHint'
  | 'col_max'
  | 'col_previousRank'
  | 'col_code'
  | 'col_mainValue'
  | 'col_mainRank'
  | 'nodeColumns'
  | 'nodeColumns_mainIndices'
  | 'nodeColumns_pillars'
  | 'mainView'
  | 'mainView_values'
  | 'mainView_ranks'
  | 'downloadCsvExcelVi'
  | 'titleHeading'
  | 'titleAuthority'
  | 'titlePeriod'
  | 'titleCohort'
  | 'titlePublished'
  | 'titleDecision'
  | 'titleFramework'
  | 'notRanked'
  | 'chartHeading'
  | 'barChartLabel'
  | 'chartLoading'
  | 'sheetName'
  | 'fileName'
  | 'backToRanking'
  | 'unitSummary'
  | 'value'
  | 'rank'
  | 'rankOf'
  | 'percent'
  | 'points'
  | 'pointsOf'
  | 'changeSince'
  | 'mainIndicesHeading'
  | 'mainIndicesCaption'
  | 'col_mainIndex'
  | 'radarHeading'
  | 'radarLabel'
  | 'radarCaption'
  | 'cohortAverage'
  | 'analysisHeading'
  | 'analysisIntro'
  | 'analysisSummary'
  | 'analysisCaption'
  | 'status_full'
  | 'status_partial'
  | 'status_zero'
  | 'status_notAssessed'
  | 'col_indicator'
  | 'col_status'
  | 'col_lost'
  | 'notAnswered'
  | 'indicatorPoints'
  | 'lostPoints'
  | 'historyHeading'
  | 'historyCaption'
  | 'historyLabel'
  | 'historyOneYear'
  | 'historyFailed'
  | 'col_year'
  | 'col_period'
  | 'mapHeading'
  | 'mapCaption'
  | 'mapLabel'
  | 'mapNoData'
  | 'mapNotRanked'
  | 'mapMissing'
  | 'mapFailed'
  | 'mapLegendNoData';

export const publicMessages: Dictionary<Key> = {
  vi: {
    ...rankingTableMessages.vi,
    pageTitle: 'Kết quả chỉ số chuyển đổi số',
    unitPageTitle: 'Kết quả của đơn vị',
    period: 'Kỳ đánh giá',
    cohort: 'Nhóm đơn vị',
    noPublished: 'Chưa có kết quả nào được công bố.',
    noCohort: 'Kỳ đánh giá này không có nhóm đơn vị đã chọn.',
    publishedOn: 'Công bố ngày {date}',
    framework: 'Bộ chỉ số: {name}',
    comparedWith: 'Thay đổi so với kỳ {year}',
    noPrevious: 'Chưa có kỳ trước của nhóm này để so sánh.',
    previousFailed: 'Không tải được kết quả kỳ trước; bảng chưa có cột thay đổi.',
    search: 'Tìm đơn vị',
    searchDescription: 'Gõ tên có dấu hoặc không dấu, ví dụ “dien bien”.',
    shownCount: 'Hiển thị {shown}/{total} đơn vị',
    noMatch: 'Không có đơn vị nào khớp với “{query}”.',
    downloads: 'Tải bảng xếp hạng đang hiển thị',
    downloadCsv: 'Tải CSV',
    downloadXlsx: 'Tải Excel (XLSX)',
    downloadNote:
      'Tệp tải về chứa đúng các đơn vị và thứ tự đang hiển thị, số làm tròn như trên màn hình. Tệp CSV dùng dấu phẩy phân cách và dấu chấm thập phân; tệp CSV cho Excel tiếng Việt dùng dấu chấm phẩy và dấu phẩy thập phân (0,2849).',
    rankingHeading: 'Bảng xếp hạng',
    rankingCaption: 'Xếp hạng {cohort}, kỳ {year}: {count} đơn vị.',
    sortHint: 'Bấm vào tiêu đề cột để sắp xếp.',
    col_max: 'Điểm tối đa',
    col_previousRank: 'Hạng kỳ trước',
    col_code: 'Mã',
    col_mainValue: '{name} – chỉ số',
    col_mainRank: '{name} – hạng',
    nodeColumns: 'Cột theo',
    nodeColumns_mainIndices: 'Chỉ số chính',
    nodeColumns_pillars: 'Trụ cột',
    mainView: 'Hiển thị',
    mainView_values: 'Giá trị',
    mainView_ranks: 'Thứ hạng',
    downloadCsvExcelVi: 'Tải CSV cho Excel tiếng Việt',
    titleHeading: 'Kết quả chỉ số chuyển đổi số năm {year}: {cohort}',
    titleAuthority: 'Cơ quan ban hành',
    titlePeriod: 'Kỳ đánh giá',
    titleCohort: 'Nhóm đơn vị',
    titlePublished: 'Ngày công bố',
    titleDecision: 'Quyết định công bố',
    titleFramework: 'Bộ chỉ số',
    notRanked: 'Không xếp hạng',
    mapHeading: 'Bản đồ chỉ số',
    mapCaption:
      'Màu càng đậm, chỉ số càng cao. Bấm vào một vùng để xem kết quả của đơn vị; bảng xếp hạng phía trên có đủ số liệu.',
    mapLabel:
      'Bản đồ {name}, tô màu theo chỉ số của {count} đơn vị: cao nhất {top} ({topValue}), thấp nhất {bottom} ({bottomValue}). Số liệu ở bảng xếp hạng.',
    mapNoData: 'Không có trong kết quả công bố',
    mapNotRanked: 'Chưa xếp hạng',
    mapMissing: 'Chưa có trên bản đồ: {units}.',
    mapFailed: 'Không tải được bản đồ. Số liệu vẫn có trong bảng.',
    mapLegendNoData: 'Màu xám: không có số liệu công bố.',
    chartHeading: 'Biểu đồ chỉ số',
    barChartLabel:
      'Biểu đồ cột ngang chỉ số của {count} đơn vị đang hiển thị, cao nhất {top} ({topValue}), thấp nhất {bottom} ({bottomValue}). Số liệu đầy đủ ở bảng xếp hạng phía trên.',
    chartLoading: 'Đang tải biểu đồ…',
    sheetName: 'Xếp hạng',
    fileName: 'ket-qua-dti',
    backToRanking: 'Bảng xếp hạng {cohort}, kỳ {year}',
    unitSummary: 'Tóm tắt kết quả',
    value: 'Chỉ số',
    rank: 'Hạng',
    rankOf: '{rank}/{count}',
    percent: 'Tỷ lệ',
    points: 'Điểm',
    pointsOf: '{points}/{max}',
    changeSince: 'So với kỳ {year}',
    mainIndicesHeading: 'Chỉ số chính',
    mainIndicesCaption: 'Các chỉ số chính của {unit}, kỳ {year}.',
    col_mainIndex: 'Chỉ số chính',
    radarHeading: 'So với trung bình nhóm',
    radarLabel: 'Biểu đồ radar chỉ số các chỉ số chính của {unit} so với trung bình {cohort}. Số liệu ở bảng sau biểu đồ.',
    radarCaption: 'Chỉ số chính của {unit} và trung bình nhóm',
    cohortAverage: 'Trung bình nhóm',
    analysisHeading: 'Phân tích chỉ số thành phần',
    analysisIntro:
      'Theo từng chỉ số chính: các chỉ số thành phần đạt tối đa, đạt một phần, không đạt, không đánh giá, và số điểm bị mất.',
    analysisSummary: '{points}/{max} điểm · mất {lost} điểm · {full} đạt tối đa, {partial} một phần, {zero} không đạt',
    analysisCaption: 'Chỉ số thành phần của “{name}”',
    status_full: 'Đạt tối đa',
    status_partial: 'Đạt một phần',
    status_zero: 'Không đạt',
    status_notAssessed: 'Không đánh giá',
    col_indicator: 'Chỉ số thành phần',
    col_status: 'Kết quả',
    col_lost: 'Điểm mất',
    notAnswered: 'không có số liệu',
    indicatorPoints: '{points}/{max} điểm',
    lostPoints: 'mất {lost} điểm',
    historyHeading: 'Qua các kỳ đánh giá',
    historyCaption: 'Chỉ số và hạng của {unit} qua các kỳ đã công bố.',
    historyLabel: 'Biểu đồ đường chỉ số và hạng của {unit} qua {count} kỳ: {points}. Số liệu ở bảng sau biểu đồ.',
    historyOneYear: 'Đơn vị mới có kết quả của một kỳ đã công bố.',
    historyFailed: 'Không tải được kết quả của một số kỳ; lịch sử có thể thiếu.',
    col_year: 'Năm',
    col_period: 'Kỳ đánh giá',
  },
  en: {
    ...rankingTableMessages.en,
    pageTitle: 'Digital transformation index results',
    unitPageTitle: 'Unit results',
    period: 'Assessment period',
    cohort: 'Cohort',
    noPublished: 'No results have been published yet.',
    noCohort: 'This period has no results for the chosen cohort.',
    publishedOn: 'Published on {date}',
    framework: 'Framework: {name}',
    comparedWith: 'Change since {year}',
    noPrevious: 'There is no earlier published period of this cohort to compare with.',
    previousFailed: 'The previous period could not be loaded; the table has no change columns.',
    search: 'Find a unit',
    searchDescription: 'Type a name with or without diacritics, e.g. “dien bien”.',
    shownCount: 'Showing {shown} of {total} units',
    noMatch: 'No unit matches “{query}”.',
    downloads: 'Download the ranking as shown',
    downloadCsv: 'Download CSV',
    downloadXlsx: 'Download Excel (XLSX)',
    downloadNote:
      'The file holds the units shown, in the order shown, with numbers rounded as on screen. The CSV uses commas and a decimal point; the CSV for Excel in Vietnamese uses semicolons and a decimal comma (0,2849).',
    rankingHeading: 'Ranking',
    rankingCaption: 'Ranking of {cohort}, {year}: {count} units.',
    sortHint: 'Select a column heading to sort.',
    col_max: 'Maximum points',
    col_previousRank: 'Previous rank',
    col_code: 'Code',
    col_mainValue: '{name} – index',
    col_mainRank: '{name} – rank',
    nodeColumns: 'Columns by',
    nodeColumns_mainIndices: 'Main indices',
    nodeColumns_pillars: 'Pillars',
    mainView: 'Show',
    mainView_values: 'Values',
    mainView_ranks: 'Ranks',
    downloadCsvExcelVi: 'Download CSV for Excel in Vietnamese',
    titleHeading: 'Digital transformation index {year}: {cohort}',
    titleAuthority: 'Issued by',
    titlePeriod: 'Assessment period',
    titleCohort: 'Cohort',
    titlePublished: 'Published on',
    titleDecision: 'Publication decision',
    titleFramework: 'Framework',
    notRanked: 'Not ranked',
    mapHeading: 'Index map',
    mapCaption:
      'The darker the area, the higher the index. Click an area to open the unit’s results; the ranking table above has every figure.',
    mapLabel:
      'Map of {name}, coloured by the index of {count} units: highest {top} ({topValue}), lowest {bottom} ({bottomValue}). The figures are in the ranking table.',
    mapNoData: 'Not in the published results',
    mapNotRanked: 'Not ranked',
    mapMissing: 'Not on the map: {units}.',
    mapFailed: 'The map could not be loaded. The table still has the figures.',
    mapLegendNoData: 'Grey: no published figure.',
    chartHeading: 'Index chart',
    barChartLabel:
      'Horizontal bar chart of the index of the {count} units shown, highest {top} ({topValue}), lowest {bottom} ({bottomValue}). The ranking table above has every figure.',
    chartLoading: 'Loading the chart…',
    sheetName: 'Ranking',
    fileName: 'dti-results',
    backToRanking: 'Ranking of {cohort}, {year}',
    unitSummary: 'Summary',
    value: 'Index',
    rank: 'Rank',
    rankOf: '{rank} of {count}',
    percent: 'Percent',
    points: 'Points',
    pointsOf: '{points} of {max}',
    changeSince: 'Since {year}',
    mainIndicesHeading: 'Main indices',
    mainIndicesCaption: 'Main indices of {unit}, {year}.',
    col_mainIndex: 'Main index',
    radarHeading: 'Against the cohort average',
    radarLabel:
      'Radar chart of the main indices of {unit} against the average of {cohort}. The table after the chart has the figures.',
    radarCaption: 'Main indices of {unit} and the cohort average',
    cohortAverage: 'Cohort average',
    analysisHeading: 'Indicator analysis',
    analysisIntro: 'Per main index: the indicators at full marks, partial marks, zero, not assessed, and the points lost.',
    analysisSummary: '{points} of {max} points · {lost} lost · {full} full, {partial} partial, {zero} zero',
    analysisCaption: 'Indicators of “{name}”',
    status_full: 'Full marks',
    status_partial: 'Partial',
    status_zero: 'Zero',
    status_notAssessed: 'Not assessed',
    col_indicator: 'Indicator',
    col_status: 'Result',
    col_lost: 'Points lost',
    notAnswered: 'no answer',
    indicatorPoints: '{points} of {max} points',
    lostPoints: '{lost} lost',
    historyHeading: 'Across assessment periods',
    historyCaption: 'Index and rank of {unit} across published periods.',
    historyLabel:
      'Line chart of the index and rank of {unit} over {count} periods: {points}. The table after the chart has the figures.',
    historyOneYear: 'The unit has results for one published period only.',
    historyFailed: 'Some periods could not be loaded; the history may be incomplete.',
    col_year: 'Year',
    col_period: 'Assessment period',
  },
};

type OverviewKey =
  | 'overviewTitle'
  | 'overviewLink'
  | 'overviewIntro'
  | 'backToRanking'
  | 'heatmapHeading'
  | 'heatmapIntro'
  | 'heatmapLabel'
  | 'drillLabel'
  | 'drillAll'
  | 'drillHeading'
  | 'drillIntro'
  | 'drillBack'
  | 'legendLow'
  | 'legendHigh'
  | 'noValue'
  | 'pointsOf'
  | 'matrixCaption'
  | 'drillCaption'
  | 'scrollHint'
  | 'listHeading'
  | 'listIntro'
  | 'listCaption'
  | 'col_code'
  | 'col_indicator'
  | 'col_mainIndex'
  | 'col_max'
  | 'col_full'
  | 'col_partial'
  | 'col_zero'
  | 'col_notAssessed'
  | 'col_lost'
  | 'col_meanShare'
  | 'col_unit'
  | 'col_rank'
  | 'downloads'
  | 'downloadCsv'
  | 'downloadCsvExcelVi'
  | 'fileName'
  | 'noIndicators'
  | 'unitLink';

/** The province-wide indicator overview (its own page beside the ranking). */
export const overviewMessages: Dictionary<OverviewKey> = {
  vi: {
    overviewTitle: 'Tổng quan chỉ số toàn tỉnh',
    overviewLink: 'Tổng quan chỉ số toàn tỉnh',
    overviewIntro:
      '{cohort}, {year}: mỗi chỉ số có bao nhiêu đơn vị đạt điểm tối đa, đạt một phần, không đạt điểm, và tổng số điểm cả nhóm bị mất.',
    backToRanking: 'Bảng xếp hạng',
    heatmapHeading: 'Bản đồ nhiệt theo đơn vị',
    heatmapIntro:
      'Mỗi ô là giá trị chỉ số chính của đơn vị (tỷ lệ điểm đạt được trên điểm tối đa, từ 0 đến 1): màu càng sáng càng cao. Chọn một chỉ số chính để xem từng chỉ số thành phần.',
    heatmapLabel: 'Bản đồ nhiệt {rows} đơn vị × {columns} chỉ số chính. Số liệu có trong bảng bên dưới.',
    drillLabel: 'Xem chi tiết',
    drillAll: 'Tất cả chỉ số chính',
    drillHeading: 'Chỉ số chính {name}',
    drillIntro: 'Mỗi ô là số điểm đơn vị đạt được ở chỉ số thành phần; màu theo tỷ lệ trên điểm tối đa.',
    drillBack: 'Trở lại tất cả chỉ số chính',
    legendLow: 'Thấp (0)',
    legendHigh: 'Cao (1)',
    noValue: 'không đánh giá',
    pointsOf: '{points}/{max} điểm',
    matrixCaption: 'Giá trị chỉ số chính của từng đơn vị, {cohort} năm {year}',
    drillCaption: 'Điểm từng chỉ số của chỉ số chính {name}, {cohort} năm {year}',
    scrollHint: 'Trên điện thoại, vuốt ngang trong khung để xem hết bản đồ nhiệt.',
    listHeading: 'Chỉ số mất nhiều điểm nhất',
    listIntro: 'Sắp xếp theo tổng số điểm bị mất của cả nhóm (điểm tối đa trừ điểm đạt, cộng qua các đơn vị được đánh giá).',
    listCaption: 'Số đơn vị theo kết quả và điểm bị mất ở từng chỉ số, {cohort} năm {year}',
    col_code: 'Mã',
    col_indicator: 'Chỉ số',
    col_mainIndex: 'Chỉ số chính',
    col_max: 'Điểm tối đa',
    col_full: 'Đạt tối đa',
    col_partial: 'Đạt một phần',
    col_zero: 'Không đạt',
    col_notAssessed: 'Không đánh giá',
    col_lost: 'Điểm bị mất',
    col_meanShare: 'Tỷ lệ đạt bình quân',
    col_unit: 'Đơn vị',
    col_rank: 'Hạng',
    downloads: 'Tải xuống',
    downloadCsv: 'Tải CSV',
    downloadCsvExcelVi: 'Tải CSV cho Excel tiếng Việt',
    fileName: 'Tổng quan chỉ số',
    noIndicators: 'Bộ chỉ số này chỉ công bố giá trị chỉ số chính, không có điểm từng chỉ số.',
    unitLink: 'So sánh với toàn tỉnh: tổng quan chỉ số',
  },
  en: {
    overviewTitle: 'Province-wide indicator overview',
    overviewLink: 'Province-wide indicator overview',
    overviewIntro:
      '{cohort}, {year}: for each indicator, how many units got full, partial or zero points, and the points the cohort lost.',
    backToRanking: 'Ranking',
    heatmapHeading: 'Heatmap by unit',
    heatmapIntro:
      "Each cell is the unit's main-index value (the share of the maximum points obtained, 0 to 1): the lighter, the higher. Choose a main index to see its indicators.",
    heatmapLabel: 'Heatmap of {rows} units × {columns} main indices. The figures are in the table below.',
    drillLabel: 'Show',
    drillAll: 'All main indices',
    drillHeading: 'Main index {name}',
    drillIntro: "Each cell is the unit's points on the indicator; the colour is the share of its maximum.",
    drillBack: 'Back to all main indices',
    legendLow: 'Low (0)',
    legendHigh: 'High (1)',
    noValue: 'not assessed',
    pointsOf: '{points}/{max} points',
    matrixCaption: 'Main-index values of each unit, {cohort} {year}',
    drillCaption: 'Points of each indicator of main index {name}, {cohort} {year}',
    scrollHint: 'On a phone, swipe sideways inside the frame to see the whole heatmap.',
    listHeading: 'Indicators losing the most points',
    listIntro: 'Sorted by the points the cohort lost (maximum minus points obtained, summed over the assessed units).',
    listCaption: 'Units by result and points lost on each indicator, {cohort} {year}',
    col_code: 'Code',
    col_indicator: 'Indicator',
    col_mainIndex: 'Main index',
    col_max: 'Maximum points',
    col_full: 'Full',
    col_partial: 'Partial',
    col_zero: 'Zero',
    col_notAssessed: 'Not assessed',
    col_lost: 'Points lost',
    col_meanShare: 'Mean share obtained',
    col_unit: 'Unit',
    col_rank: 'Rank',
    downloads: 'Downloads',
    downloadCsv: 'Download CSV',
    downloadCsvExcelVi: 'Download CSV for Excel in Vietnamese',
    fileName: 'Indicator overview',
    noIndicators: 'This framework publishes main-index values only, no indicator points.',
    unitLink: 'Compare with the province: indicator overview',
  },
};
