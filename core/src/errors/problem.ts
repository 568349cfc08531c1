/**
 * One error vocabulary for the whole project.
 *
 * A `Problem` is one thing wrong with some input: a closed `code`, the parameters that make the
 * message specific, and where it is (file, row, column, framework code). Messages are rendered from
 * a catalogue in Vietnamese (default) or English, so the CLI, the server and the web app all say the
 * same thing. A `DomainError` carries one or more problems; the server maps its `kind` to an HTTP
 * status in one place.
 */

export type Locale = 'vi' | 'en';

/** Where a problem is. Every field is optional; the more is known, the more precise the message. */
export interface ProblemLocation {
  file?: string;
  /** 1-based row in a spreadsheet or CSV, counting the header as row 1. */
  row?: number;
  column?: string;
  /** A framework node code (indicator, main index, group) or unit code. */
  code?: string;
  /** A JSON path inside a document, e.g. "/mainIndices/2/indicators/0/maxPoints". */
  path?: string;
}

/** A parameter that reads differently per language, such as the name of a thing (see `named`). */
export interface LocalizedText {
  vi: string;
  en: string;
}

type Params = Record<string, string | number | LocalizedText>;

/** The things a message can name ("không tìm thấy đơn vị MLA" / "unit MLA not found"). */
const THING_NAMES = {
  period: { vi: 'kỳ đánh giá', en: 'period' },
  unit: { vi: 'đơn vị', en: 'unit' },
  user: { vi: 'người dùng', en: 'user' },
  framework: { vi: 'bộ chỉ số', en: 'framework' },
  supplementationRequest: { vi: 'yêu cầu bổ sung', en: 'supplementation request' },
  rebuttalContest: { vi: 'kiến nghị', en: 'contest' },
  evidence: { vi: 'tài liệu kiểm chứng', en: 'evidence' },
  appraisal: { vi: 'quyết định thẩm định', en: 'appraisal decision' },
  answer: { vi: 'câu trả lời', en: 'answer' },
  assessment: { vi: 'bản đánh giá', en: 'assessment' },
  publishedResults: { vi: 'kết quả đã công bố', en: 'published results' },
  cohort: { vi: 'nhóm đơn vị của kỳ đánh giá', en: 'cohort of the period' },
  route: { vi: 'đường dẫn', en: 'route' },
  unitMap: { vi: 'bản đồ', en: 'map' },
  appraisalAssignment: { vi: 'phân công thẩm định', en: 'appraisal assignment' },
  councilMinutes: { vi: 'biên bản họp Hội đồng', en: 'council minutes' },
  notification: { vi: 'thông báo', en: 'notification' },
  failedJob: { vi: 'tác vụ lỗi', en: 'failed job' },
  plan: { vi: 'kế hoạch', en: 'plan' },
  planTask: { vi: 'nhiệm vụ kế hoạch', en: 'plan task' },
  planTaskEvidence: { vi: 'tài liệu kiểm chứng của nhiệm vụ', en: 'task evidence' },
  documentTemplate: { vi: 'mẫu văn bản', en: 'document template' },
  documentSettings: { vi: 'thông tin văn bản của tỉnh', en: 'document settings' },
} as const satisfies Record<string, LocalizedText>;

export type ThingKind = keyof typeof THING_NAMES;

/** A thing's name in both languages, with its identifier if given: named('unit', 'MLA'). */
export function named(kind: ThingKind, id?: string | number): LocalizedText {
  const name = THING_NAMES[kind];
  return id === undefined ? { ...name } : { vi: `${name.vi} ${id}`, en: `${name.en} ${id}` };
}

/** message templates: {name} is replaced by params.name */
const catalogue = {
  // framework files
  'framework.unreadable': {
    vi: 'không đọc được tệp bộ chỉ số: {detail}',
    en: 'cannot read the framework file: {detail}',
  },
  'framework.schema': {
    vi: 'sai cấu trúc: {detail}',
    en: 'invalid structure: {detail}',
  },
  'framework.duplicate-code': {
    vi: 'mã "{code}" bị trùng (đã dùng cho {first})',
    en: 'code "{code}" is used twice (first for {first})',
  },
  'framework.points-mismatch': {
    vi: 'các chỉ số thành phần cộng lại được {sum} điểm nhưng chỉ số chính "{code}" có điểm tối đa {max}',
    en: 'indicators add up to {sum} points, but main index "{code}" has {max}',
  },
  'framework.total-mismatch': {
    vi: 'các chỉ số chính cộng lại được {sum} điểm nhưng bộ chỉ số có điểm tối đa {max}',
    en: 'main indices add up to {sum} points, but the framework has {max}',
  },
  'framework.missing-max': {
    vi: 'chỉ số chính "{code}" thiếu điểm tối đa (maxPoints), bắt buộc khi tính điểm cộng dồn',
    en: 'main index "{code}" has no maxPoints, which a sum framework requires',
  },
  'framework.missing-total': {
    vi: 'bộ chỉ số thiếu tổng điểm tối đa (maxPoints), bắt buộc khi tính điểm cộng dồn',
    en: 'the framework has no maxPoints, which a sum framework requires',
  },
  'framework.bad-method-parameter': {
    vi: 'chỉ số "{code}", phương pháp {method}: {detail}',
    en: 'indicator "{code}", method {method}: {detail}',
  },
  'framework.unknown-method': {
    vi: 'chỉ số "{code}": phương pháp chấm điểm "{method}" không tồn tại (có: {known})',
    en: 'indicator "{code}": unknown scoring method "{method}" (known: {known})',
  },
  'framework.unknown-group': {
    vi: 'chỉ số chính "{code}" thuộc nhóm "{group}" không có trong danh sách nhóm',
    en: 'main index "{code}" names group "{group}", which is not defined',
  },
  'framework.unknown-main-index': {
    vi: 'trụ cột "{code}" nhắc đến chỉ số chính "{mainIndex}" không tồn tại',
    en: 'pillar "{code}" names main index "{mainIndex}", which does not exist',
  },
  'framework.not-found': {
    vi: 'không có bộ chỉ số "{id}" (có: {known})',
    en: 'no framework "{id}" (available: {known})',
  },
  // score input
  'input.unreadable': {
    vi: 'không đọc được tệp dữ liệu: {detail}',
    en: 'cannot read the input file: {detail}',
  },
  'input.file-not-found': {
    vi: 'không tìm thấy tệp {path}',
    en: 'file not found: {path}',
  },
  'input.missing-column': {
    vi: 'thiếu cột "{column}" (tiêu đề cần có: {expected})',
    en: 'missing column "{column}" (expected headers: {expected})',
  },
  'input.empty': {
    vi: 'tệp không có dòng dữ liệu nào',
    en: 'the file has no data rows',
  },
  'input.unknown-indicator': {
    vi: 'mã chỉ số "{indicator}" không có trong bộ chỉ số {framework}',
    en: 'indicator "{indicator}" is not in framework {framework}',
  },
  'input.not-a-number': {
    vi: '"{value}" không phải là số',
    en: '"{value}" is not a number',
  },
  'input.bad-value': {
    vi: 'giá trị "{value}" của "{indicator}" không hợp lệ (phương pháp {method}), cần {expected}',
    en: 'value "{value}" of "{indicator}" does not fit method {method}: expected {expected}',
  },
  'input.points-above-max': {
    vi: 'điểm {points} vượt điểm tối đa {max} của "{indicator}"',
    en: 'points {points} exceed the maximum {max} of "{indicator}"',
  },
  'input.negative-points': {
    vi: 'điểm {points} của "{indicator}" âm',
    en: 'points {points} of "{indicator}" are negative',
  },
  'input.negative-value': {
    vi: 'giá trị {value} của "{indicator}" không được âm',
    en: 'value {value} of "{indicator}" cannot be negative',
  },
  'input.ratio-above-one': {
    vi: 'tỷ lệ {value} của "{indicator}" vượt 100%: tử số a ({numerator}) không được lớn hơn mẫu số b ({denominator})',
    en: 'ratio {value} of "{indicator}" exceeds 100%: the numerator a ({numerator}) cannot be larger than the denominator b ({denominator})',
  },
  'input.points-off-step': {
    vi: 'điểm {points} của "{indicator}" không theo bước {step} điểm (gần nhất: {below} hoặc {above})',
    en: 'points {points} of "{indicator}" are not in steps of {step} (nearest: {below} or {above})',
  },
  'input.duplicate-row': {
    vi: 'đơn vị "{unit}", chỉ số "{indicator}" đã có ở dòng {firstRow}',
    en: 'unit "{unit}", indicator "{indicator}" already given on row {firstRow}',
  },
  'input.missing-unit': {
    vi: 'thiếu mã đơn vị',
    en: 'the unit code is empty',
  },
  'input.unit-name-conflict': {
    vi: 'đơn vị "{unit}" có tên "{name}" khác với tên "{firstName}" ở dòng {firstRow}',
    en: 'unit "{unit}" is named "{name}", but "{firstName}" on row {firstRow}',
  },
  'input.bad-flag': {
    vi: '"{value}" không hợp lệ cho "không đánh giá" (dùng x, true, 1 hoặc để trống)',
    en: '"{value}" is not a valid not-assessed flag (use x, true, 1 or leave empty)',
  },
  'input.value-level': {
    vi: '"{indicator}" là {kind}: chỉ nhận giá trị 0–1 hoặc điểm, không nhận "{value}"',
    en: '"{indicator}" is a {kindEn}: give a 0–1 value or points, not "{value}"',
  },
  'input.no-max-for-indicator': {
    vi: 'chỉ số "{indicator}" không có điểm tối đa công bố; hãy nhập giá trị của chỉ số chính "{mainIndex}"',
    en: 'indicator "{indicator}" has no published maximum; give the value of main index "{mainIndex}" instead',
  },
  'input.missing-main-index-value': {
    vi: 'đơn vị "{unit}" chưa có giá trị của chỉ số chính "{mainIndex}" (bộ chỉ số không công bố điểm từng chỉ số thành phần); nhập giá trị 0–1 hoặc đánh dấu "không đánh giá"',
    en: 'unit "{unit}" has no value for main index "{mainIndex}" (its indicator points are not published); give a 0–1 value or mark it not assessed',
  },
  'input.previous-unreadable': {
    vi: 'không đọc được kết quả năm trước: {detail}',
    en: 'cannot read the previous results: {detail}',
  },
  'input.too-many-problems': {
    vi: 'còn {count} lỗi khác không hiển thị',
    en: '{count} more problems not shown',
  },
  'input.too-many-rows': {
    vi: 'tệp có nhiều hơn {max} dòng, mức tối đa cho lần nhập này ({basis}); đã dừng đọc ở dòng {row}, chưa lưu gì',
    en: 'the file has more than {max} rows, the most this import takes ({basis}); reading stopped at row {row} and nothing was saved',
  },
  'input.too-large-unzipped': {
    vi: 'tệp .xlsx khi giải nén lớn {size}, vượt giới hạn {max} (một phiếu nhập liệu chỉ vài trăm KB; tệp có thể bị hỏng hoặc cố ý làm đầy máy chủ); chưa đọc gì',
    en: 'the .xlsx unzips to {size}, over the limit of {max} (an answer sheet is a few hundred kB; the file may be damaged or built to fill the server); nothing was read',
  },
  'input.duplicate-unit': {
    vi: 'mã đơn vị "{unit}" bị trùng (đã có ở dòng {firstRow})',
    en: 'unit code "{unit}" is listed twice (first on row {firstRow})',
  },
  // evidence (tài liệu kiểm chứng)
  'evidence.no-files': {
    vi: 'chưa có tệp nào được gửi lên (gửi tệp trong trường "files" của biểu mẫu multipart/form-data)',
    en: 'no file was sent (send files in the "files" field of a multipart/form-data form)',
  },
  'evidence.unexpected-field': {
    vi: 'trường "{field}" không được dùng; gửi tệp trong trường "files"',
    en: 'field "{field}" is not used; send files in the "files" field',
  },
  'evidence.empty-file': {
    vi: 'tệp "{file}" rỗng (0 byte)',
    en: 'file "{file}" is empty (0 bytes)',
  },
  'evidence.executable': {
    vi: 'tệp "{file}" là {detected}: không được tải lên chương trình hay mã lệnh, dù đặt tên gì',
    en: 'file "{file}" is {detectedEn}: programs and scripts cannot be uploaded, whatever their name',
  },
  'evidence.macro': {
    vi: 'tệp "{file}" chứa macro (mã lệnh VBA/Basic); hãy lưu lại thành tệp .docx, .xlsx, .pptx, .odt hoặc .ods không có macro',
    en: 'file "{file}" contains macros (VBA/Basic code); save it again as a macro-free .docx, .xlsx, .pptx, .odt or .ods',
  },
  'evidence.extension-not-allowed': {
    vi: 'tệp "{file}": không nhận tệp có đuôi {extension}; chỉ nhận {allowed}',
    en: 'file "{file}": {extension} files are not accepted; accepted: {allowed}',
  },
  'evidence.type-mismatch': {
    vi: 'tệp "{file}" có đuôi {extension} nhưng nội dung là {detected}; hãy kiểm tra lại tệp hoặc lưu lại đúng định dạng',
    en: 'file "{file}" is named {extension} but its content is {detectedEn}; check the file or save it in the right format',
  },
  'evidence.not-utf8': {
    vi: 'tệp "{file}" không phải văn bản mã hoá UTF-8; hãy lưu lại với bảng mã UTF-8 (trong Excel: "CSV UTF-8")',
    en: 'file "{file}" is not UTF-8 text; save it again as UTF-8 (in Excel: "CSV UTF-8")',
  },
  'evidence.unreadable': {
    vi: 'tệp "{file}" không phải tệp {extension} hợp lệ (bị hỏng hoặc không nhận ra định dạng)',
    en: 'file "{file}" is not a valid {extension} file (damaged or unrecognised)',
  },
  'evidence.locked': {
    vi: 'không thể thêm hoặc xoá tài liệu kiểm chứng khi bản đánh giá ở trạng thái "{state}"; chỉ được khi đang tự đánh giá, hoặc khi Hội đồng yêu cầu bổ sung',
    en: 'evidence cannot be added or removed while the assessment is "{stateEn}"; only during self-assessment, or when the council asks for supplementation',
  },
  'evidence.no-open-request': {
    vi: 'Hội đồng không yêu cầu bổ sung chỉ số {indicator}; trong giai đoạn bổ sung chỉ được thêm tài liệu cho chỉ số đang có yêu cầu bổ sung',
    en: 'the council has not asked to supplement indicator {indicator}; during supplementation evidence can only be added to indicators with an open request',
  },
  'evidence.submitted-locked': {
    vi: 'tài liệu "{what}" đã nộp cùng bản tự đánh giá nên không xoá được khi bổ sung; chỉ xoá được tài liệu bổ sung',
    en: 'evidence "{what}" was submitted with the self-assessment and cannot be removed during supplementation; only supplementary evidence can',
  },
  'evidence.blank-field': {
    vi: '{field} không được để trống',
    en: '{fieldEn} must not be empty',
  },
  'evidence.bad-date': {
    vi: 'ngày ban hành "{value}" không hợp lệ; dùng dd/mm/yyyy (ví dụ 31/10/2022)',
    en: 'document date "{value}" is not valid; use dd/mm/yyyy (e.g. 31/10/2022) or yyyy-mm-dd',
  },
  'evidence.bad-link': {
    vi: 'đường dẫn "{value}" không hợp lệ; chỉ nhận địa chỉ bắt đầu bằng http:// hoặc https://',
    en: 'link "{value}" is not valid; only http:// and https:// addresses are accepted',
  },
  // evidence file storage
  'storage.corrupt': {
    vi: 'tệp kiểm chứng bị hỏng (nội dung không còn khớp mã SHA-256 {sha256}); hãy báo quản trị viên khôi phục từ bản sao lưu',
    en: 'evidence file is damaged (its content no longer matches SHA-256 {sha256}); ask the administrator to restore it from a backup',
  },
  'storage.missing': {
    vi: 'không tìm thấy nội dung tệp kiểm chứng (SHA-256 {sha256}) trong kho lưu trữ; hãy báo quản trị viên khôi phục từ bản sao lưu',
    en: 'the content of evidence file SHA-256 {sha256} is missing from storage; ask the administrator to restore it from a backup',
  },
  'storage.write-failed': {
    vi: 'không lưu được tệp vào kho lưu trữ (ổ đĩa đầy hoặc không ghi được); hãy thử lại hoặc báo quản trị viên',
    en: 'the file could not be stored (disk full or not writable); try again or tell the administrator',
  },
  'storage.unavailable': {
    vi: 'kho lưu trữ tệp không phản hồi; hãy thử lại sau hoặc báo quản trị viên',
    en: 'file storage is not responding; try again later or tell the administrator',
  },
  'storage.bad-hash': {
    vi: 'mã SHA-256 "{sha256}" của tệp không hợp lệ',
    en: 'file SHA-256 "{sha256}" is not valid',
  },
  // unit boundary maps (GeoJSON)
  'map.not-json': {
    vi: 'tệp "{file}" không phải JSON hợp lệ ({detail}); tệp bản đồ phải là GeoJSON',
    en: 'file "{file}" is not valid JSON ({detail}); a map file must be GeoJSON',
  },
  'map.topojson': {
    vi: 'tệp "{file}" là TopoJSON, chưa phải GeoJSON; hãy chuyển sang GeoJSON (ví dụ bằng mapshaper hoặc QGIS) rồi tải lên lại',
    en: 'file "{file}" is TopoJSON, not GeoJSON; convert it to GeoJSON (e.g. with mapshaper or QGIS) and upload it again',
  },
  'map.not-feature-collection': {
    vi: 'tệp "{file}" không phải một GeoJSON FeatureCollection (gốc của tệp là {found}); cần dạng {"type": "FeatureCollection", "features": [...]}',
    en: 'file "{file}" is not a GeoJSON FeatureCollection (its root is {found}); expected {"type": "FeatureCollection", "features": [...]}',
  },
  'map.too-large': {
    vi: 'tệp "{file}" có {bytes} byte, lớn hơn giới hạn {limit} ({limitBytes} byte); hãy đơn giản hoá ranh giới (ví dụ bằng mapshaper) rồi tải lên lại',
    en: 'file "{file}" has {bytes} bytes, more than the limit of {limit} ({limitBytes} bytes); simplify its boundaries (e.g. with mapshaper) and upload it again',
  },
  'map.no-features': {
    vi: 'tệp "{file}" không có đối tượng (feature) nào',
    en: 'file "{file}" has no features',
  },
  'map.too-many-features': {
    vi: 'tệp có {count} đối tượng, nhiều hơn mức tối đa {max} (một tỉnh có vài nghìn đơn vị là nhiều nhất); hãy kiểm tra lại tệp',
    en: 'the file has {count} features, more than the maximum of {max} (a province has a few thousand units at most); check the file',
  },
  'map.not-a-feature': {
    vi: 'đối tượng thứ {feature} không phải một Feature GeoJSON (cần "type": "Feature")',
    en: 'feature {feature} is not a GeoJSON Feature (expected "type": "Feature")',
  },
  'map.no-geometry': {
    vi: 'đối tượng thứ {feature}{label} không có hình (geometry rỗng)',
    en: 'feature {feature}{label} has no geometry',
  },
  'map.geometry-type': {
    vi: 'đối tượng thứ {feature}{label} có hình kiểu {type}; chỉ nhận ranh giới vùng kiểu Polygon hoặc MultiPolygon',
    en: 'feature {feature}{label} is a {type}; only area boundaries (Polygon or MultiPolygon) are accepted',
  },
  'map.bad-coordinates': {
    vi: 'đối tượng thứ {feature}{label}: toạ độ sai cấu trúc ({detail})',
    en: 'feature {feature}{label}: malformed coordinates ({detail})',
  },
  'map.coordinate-out-of-range': {
    vi: 'đối tượng thứ {feature}{label}: điểm [{x}, {y}] nằm ngoài kinh độ −180…180 / vĩ độ −90…90; tệp phải dùng toạ độ WGS84 (EPSG:4326) theo độ, không dùng VN-2000 hay UTM (mét)',
    en: 'feature {feature}{label}: point [{x}, {y}] is outside longitude −180…180 / latitude −90…90; the file must use WGS84 (EPSG:4326) degrees, not VN-2000 or UTM metres',
  },
  'map.code-missing': {
    vi: 'đối tượng thứ {feature}{label} không có giá trị ở thuộc tính mã đơn vị "{property}"',
    en: 'feature {feature}{label} has no value in the unit code property "{property}"',
  },
  'map.duplicate-code': {
    vi: 'đối tượng thứ {feature}: mã đơn vị "{code}" đã dùng cho đối tượng thứ {first}; mỗi đơn vị chỉ có một hình (gộp các phần thành một MultiPolygon)',
    en: 'feature {feature}: unit code "{code}" is already used by feature {first}; each unit has one shape (merge its parts into one MultiPolygon)',
  },
  'map.unknown-property': {
    vi: 'không đối tượng nào có thuộc tính "{property}" (các thuộc tính có trong tệp: {properties})',
    en: 'no feature has a property "{property}" (properties in the file: {properties})',
  },
  'map.no-code-property': {
    vi: 'hãy chọn thuộc tính chứa mã đơn vị: không thuộc tính nào có giá trị trùng với mã của đơn vị loại "{kind}" (các thuộc tính có trong tệp: {properties})',
    en: 'choose the property holding the unit code: no property has values matching the codes of "{kind}" units (properties in the file: {properties})',
  },
  // workflow (period and assessment states) and access
  'workflow.unknown-action': {
    vi: 'thao tác "{actionCode}" không tồn tại (có: {known})',
    en: 'there is no action "{actionCode}" (known: {known})',
  },
  'workflow.transition-not-allowed': {
    vi: 'không thể {action} khi đang ở trạng thái "{state}"',
    en: 'cannot {actionEn} while the state is "{stateEn}"',
  },
  'workflow.role-not-allowed': {
    vi: 'vai trò "{role}" không được {action}; chỉ {allowed} được làm việc này',
    en: 'the role "{roleEn}" may not {actionEn}; only {allowedEn} may',
  },
  'workflow.reason-required': {
    vi: 'cần ghi rõ lý do để {action}',
    en: 'a reason is required to {actionEn}',
  },
  'workflow.period-state': {
    vi: 'không thể {action} khi kỳ đánh giá đang ở trạng thái "{periodState}" (chỉ được khi kỳ ở trạng thái: {allowed})',
    en: 'cannot {actionEn} while the period is "{periodStateEn}" (only while it is: {allowedEn})',
  },
  'workflow.deadline-passed': {
    vi: 'đã quá hạn nộp bản tự đánh giá (hạn chót ngày {deadline}); hãy đề nghị Cơ quan quản lý kỳ đánh giá gia hạn',
    en: 'the self-assessment deadline ({deadline}) has passed; ask the period manager for an extension',
  },
  'appraisal.points-required': {
    vi: 'chỉ số {indicator}: cần nhập điểm thẩm định khi điều chỉnh',
    en: 'indicator {indicator}: an adjustment needs the appraised points',
  },
  'appraisal.reason-required': {
    vi: 'chỉ số {indicator}: điều chỉnh điểm cần nêu lý do',
    en: 'indicator {indicator}: an adjustment needs a reason',
  },
  'appraisal.request-text-required': {
    vi: 'chỉ số {indicator}: cần nêu nội dung yêu cầu bổ sung, giải trình',
    en: 'indicator {indicator}: say what the unit must add or explain',
  },
  'workflow.due-date-required': {
    vi: 'cần nêu hạn bổ sung, giải trình (ngày dd/mm/yyyy)',
    en: 'a due date for the supplementation is required',
  },
  'workflow.due-date-invalid': {
    vi: 'hạn bổ sung "{value}" không phải là ngày hợp lệ',
    en: 'due date "{value}" is not a valid date',
  },
  'workflow.due-date-past': {
    vi: 'hạn bổ sung {dueOn} đã qua; hãy chọn từ hôm nay trở đi',
    en: 'due date {dueOn} is in the past; choose today or later',
  },
  'workflow.locked': {
    vi: 'không sửa được khi bản đánh giá đang ở trạng thái "{state}"',
    en: 'cannot be changed while the assessment is "{state}"',
  },
  'workflow.not-all-finalised': {
    vi: 'chưa công bố được: còn {count} bản đánh giá chưa được Chủ tịch Hội đồng thẩm định chốt kết quả',
    en: 'cannot publish yet: {count} assessments are not finalised by the council chair',
  },
  'workflow.no-participants': {
    vi: 'kỳ đánh giá không có đơn vị tham gia nào nên không có kết quả để công bố',
    en: 'the period has no participating unit, so there are no results to publish',
  },
  'workflow.no-data-undecided': {
    vi: 'chưa công bố được: còn {count} đơn vị không có dữ liệu tự đánh giá; hãy quyết định từng đơn vị (không tham gia hoặc tính 0 điểm) trên bảng theo dõi đơn vị',
    en: 'cannot publish yet: {count} units entered no self-assessment data; decide each one (not participating, or scored as zero) on the unit status board',
  },
  // the period manager's controls over one unit
  'unit-action.period-state': {
    vi: 'chỉ làm được khi kỳ đánh giá ở trạng thái: {allowed}',
    en: 'only possible while the period is: {allowed}',
  },
  'unit-action.already-submitted': {
    vi: 'đơn vị đã nộp bản tự đánh giá (hoặc không tham gia) nên không cần gia hạn',
    en: 'the unit has already submitted (or does not participate), so it needs no extension',
  },
  'unit-action.not-participating': {
    vi: 'đơn vị đã được đánh dấu không tham gia kỳ đánh giá',
    en: 'the unit is already marked as not participating',
  },
  'unit-action.participating': {
    vi: 'đơn vị đang tham gia kỳ đánh giá',
    en: 'the unit already participates',
  },
  'unit-action.has-data': {
    vi: 'chỉ tính 0 điểm cho đơn vị không nhập dữ liệu nào khi đóng tự đánh giá',
    en: 'only a unit that entered no data by the close can be scored as zero',
  },
  'unit-action.extension-not-later': {
    vi: 'ngày gia hạn {date} phải sau hạn tự đánh giá của kỳ ({deadline})',
    en: 'the extension {date} must be later than the period deadline ({deadline})',
  },
  'unit-action.reason-required': {
    vi: 'cần ghi rõ lý do',
    en: 'a reason is required',
  },
  'workflow.undecided-indicators': {
    vi: 'chưa chốt được: còn {count} chỉ số chưa được công nhận hoặc điều chỉnh điểm ({codes})',
    en: 'cannot finalise yet: {count} indicators are neither accepted nor adjusted ({codes})',
  },
  'workflow.awaiting-unit': {
    vi: 'chỉ số {indicator} đang chờ đơn vị bổ sung, giải trình; hãy thẩm định sau khi đơn vị gửi lại',
    en: "indicator {indicator} is waiting for the unit's supplementation; decide it once the unit sends it back",
  },
  'workflow.rebuttal-off': {
    vi: 'kỳ đánh giá này không có vòng giải trình, kiến nghị; Chủ tịch Hội đồng chốt kết quả trực tiếp',
    en: 'this period holds no rebuttal round; the council chair finalises directly',
  },
  'workflow.rebuttal-not-sent': {
    vi: 'chưa chốt được: hãy gửi kết quả thẩm định cho đơn vị để đơn vị giải trình, kiến nghị trước',
    en: 'cannot finalise yet: first send the appraisal results to the unit for its rebuttal',
  },
  'workflow.rebuttal-window-open': {
    vi: 'chưa chốt được: đơn vị còn được giải trình, kiến nghị đến hết ngày {dueOn}',
    en: 'cannot finalise yet: the unit may contest the results until the end of {dueOn}',
  },
  'workflow.rebuttal-window-passed': {
    vi: 'thời hạn giải trình, kiến nghị đã hết ngày {dueOn}',
    en: 'the rebuttal window ended on {dueOn}',
  },
  'workflow.unanswered-contests': {
    vi: 'chưa chốt được: còn {count} kiến nghị của đơn vị chưa được Hội đồng trả lời ({codes})',
    en: "cannot finalise yet: {count} of the unit's contests are not answered by the council ({codes})",
  },
  'evidence.no-contest': {
    vi: 'chỉ thêm được tài liệu kiểm chứng cho chỉ số đơn vị đang kiến nghị; hãy viết kiến nghị cho chỉ số {indicator} trước',
    en: 'evidence may be added only to an indicator the unit contests; write the contest of indicator {indicator} first',
  },
  'rebuttal.not-contestable': {
    vi: 'chỉ số {indicator} không bị Hội đồng điều chỉnh điểm nên không có gì để kiến nghị',
    en: 'indicator {indicator} was not adjusted by the council, so there is nothing to contest',
  },
  'rebuttal.not-contested': {
    vi: 'đơn vị không kiến nghị về chỉ số {indicator}',
    en: 'the unit did not contest indicator {indicator}',
  },
  'rebuttal.points-required': {
    vi: 'chỉ số {indicator}: khi thay đổi điểm cần nhập điểm thẩm định mới',
    en: 'indicator {indicator}: changing the points needs the new appraised points',
  },
  'rebuttal.reason-required': {
    vi: 'chỉ số {indicator}: cần nêu lý do trả lời kiến nghị',
    en: 'indicator {indicator}: the answer to the contest needs a reason',
  },
  'rebuttal.explanation-required': {
    vi: 'chỉ số {indicator}: cần nêu nội dung giải trình, kiến nghị',
    en: 'indicator {indicator}: the contest needs an explanation',
  },
  'workflow.unanswered-requests': {
    vi: 'còn {count} yêu cầu bổ sung, giải trình chưa được trả lời ({codes})',
    en: '{count} supplementation requests are not answered yet ({codes})',
  },
  'workflow.no-open-request': {
    vi: 'chỉ số {indicator} không có yêu cầu bổ sung nào đang chờ đơn vị trả lời để rút lại',
    en: 'indicator {indicator} has no supplementation request waiting for the unit to withdraw',
  },
  // the council's assignments and minutes
  'assignment.empty-scope': {
    vi: 'cần chọn đơn vị hoặc chỉ số chính để phân công',
    en: 'choose a unit or a main index to assign',
  },
  'assignment.not-council-member': {
    vi: 'chỉ phân công được thành viên hoặc Chủ tịch Hội đồng thẩm định đang hoạt động',
    en: 'only an active council member or chair can be assigned',
  },
  'assignment.unknown-main-index': {
    vi: 'chỉ số chính {code} không có trong bộ chỉ số của kỳ đánh giá',
    en: 'main index {code} is not in the frameworks of the period',
  },
  'assignment.unknown-unit': {
    vi: 'đơn vị không tham gia kỳ đánh giá này',
    en: 'the unit does not take part in this period',
  },
  'assignment.duplicate': {
    vi: 'thành viên này đã được phân công phần việc này',
    en: 'this member is already assigned this work',
  },
  'minutes.date-invalid': {
    vi: 'ngày họp "{value}" không phải là ngày hợp lệ',
    en: 'meeting date "{value}" is not a valid date',
  },
  'minutes.date-future': {
    vi: 'ngày họp {meetingOn} chưa đến; biên bản ghi cuộc họp đã diễn ra',
    en: 'the meeting date {meetingOn} is in the future; minutes record a meeting that took place',
  },
  'minutes.no-members': {
    vi: 'cần chọn ít nhất một thành viên Hội đồng có mặt',
    en: 'choose at least one council member present',
  },
  'minutes.unknown-member': {
    vi: 'người được chọn không phải thành viên Hội đồng thẩm định',
    en: 'a person chosen is not a member of the appraisal council',
  },
  'minutes.decision-empty': {
    vi: 'cần ghi nội dung kết luận của Hội đồng',
    en: "the council's decision must not be empty",
  },
  'access.unauthenticated': {
    vi: 'cần đăng nhập để {what}',
    en: 'sign in to {whatEn}',
  },
  'access.forbidden': {
    vi: 'tài khoản với vai trò "{role}" không có quyền {what}',
    en: 'an account with the role "{roleEn}" may not {whatEn}',
  },
  'access.unavailable': {
    vi: 'không thể {what}: nội dung này chưa được công bố',
    en: 'cannot {whatEn}: this has not been published',
  },
  // improvement plans (core/src/plans): ownership table, tasks, their workflow
  'owners.missing-column': {
    vi: 'thiếu cột "{column}" (tiêu đề cần có: indicator,lead,coordinating)',
    en: 'missing column "{column}" (expected headers: indicator,lead,coordinating)',
  },
  'owners.unknown-indicator': {
    vi: 'cột indicator: mã chỉ số "{indicator}" không có trong bộ chỉ số {framework}',
    en: 'column indicator: indicator "{indicator}" is not in framework {framework}',
  },
  'owners.unknown-unit': {
    vi: 'cột {column}: không có đơn vị mã "{unit}"',
    en: 'column {column}: there is no unit with code "{unit}"',
  },
  'owners.missing-lead': {
    vi: 'cột lead: chỉ số {indicator} cần một đơn vị chủ trì',
    en: 'column lead: indicator {indicator} needs a lead unit',
  },
  'owners.lead-also-coordinating': {
    vi: 'cột coordinating: đơn vị {unit} đã là đơn vị chủ trì của chỉ số {indicator}, không ghi lại là đơn vị phối hợp',
    en: 'column coordinating: unit {unit} already leads indicator {indicator}; do not list it as coordinating too',
  },
  'owners.duplicate-row': {
    vi: 'chỉ số {indicator} đã được phân công ở dòng {firstRow}; mỗi chỉ số chỉ một dòng',
    en: 'indicator {indicator} is already assigned on row {firstRow}; one row per indicator',
  },
  'plan.task-missing-text': {
    vi: 'trường text: nhiệm vụ chưa có nội dung',
    en: 'field text: the task has no text',
  },
  'plan.task-unknown-indicator': {
    vi: 'trường indicators: mã chỉ số "{indicator}" không có trong bộ chỉ số {framework}',
    en: 'field indicators: indicator "{indicator}" is not in framework {framework}',
  },
  'plan.task-unknown-unit': {
    vi: 'trường {field}: không có đơn vị mã "{unit}"',
    en: 'field {field}: there is no unit with code "{unit}"',
  },
  'plan.task-lead-inactive': {
    vi: 'trường lead: đơn vị chủ trì {unit} không hoạt động trong năm {year} của kế hoạch',
    en: 'field lead: the lead unit {unit} is not active in the plan’s year {year}',
  },
  'plan.task-due-before-plan': {
    vi: 'trường dueOn: thời hạn {dueOn} trước ngày ban hành kế hoạch {planDate}',
    en: 'field dueOn: the due date {dueOnEn} is before the plan’s date {planDateEn}',
  },
  'plan.task-due-before-start': {
    vi: 'trường dueOn: thời hạn {dueOn} trước ngày bắt đầu {startOn}',
    en: 'field dueOn: the due date {dueOnEn} is before the start date {startOnEn}',
  },
  'plan.task-bad-date': {
    vi: 'trường {field}: "{value}" không phải là ngày (dd/mm/yyyy hoặc yyyy-mm-dd)',
    en: 'field {field}: "{value}" is not a date (dd/mm/yyyy or yyyy-mm-dd)',
  },
  'plan.task-duplicate': {
    vi: 'nhiệm vụ trùng với nhiệm vụ ở dòng {firstRow} (cùng nội dung, chỉ số và đơn vị chủ trì)',
    en: 'this task duplicates the one on row {firstRow} (same text, indicators and lead unit)',
  },
  'plan.task-unknown-state': {
    vi: 'trường state: "{value}" không phải là trạng thái nhiệm vụ (dùng: {known})',
    en: 'field state: "{value}" is not a task state (use: {knownEn})',
  },
  'plan.task-cancel-reason-missing': {
    vi: 'trường cancelReason: nhiệm vụ đã huỷ cần ghi lý do huỷ',
    en: 'field cancelReason: a cancelled task needs the reason it was cancelled',
  },
  'plan.task-cancel-reason-not-cancelled': {
    vi: 'trường cancelReason: chỉ nhiệm vụ đã huỷ mới có lý do huỷ (trạng thái đang là "{state}")',
    en: 'field cancelReason: only a cancelled task has a cancel reason (the state is "{stateEn}")',
  },
  'plan.task-duplicate-id': {
    vi: 'trường id: mã nhiệm vụ "{id}" đã dùng ở dòng {firstRow}',
    en: 'field id: task id "{id}" is already used on row {firstRow}',
  },
  'plan.report-on-cancelled': {
    vi: 'không thể báo cáo tiến độ nhiệm vụ "{task}": nhiệm vụ đã bị huỷ ({reason})',
    en: 'cannot report progress on task "{task}": the task was cancelled ({reason})',
  },
  'plan.report-bad-percent': {
    vi: 'trường percent: tỷ lệ hoàn thành phải từ 0 đến 100, không phải "{value}"',
    en: 'field percent: the completion must be between 0 and 100, not "{value}"',
  },
  'plan.missing-document-number': {
    vi: 'trường documentNumber: cần số văn bản ban hành kế hoạch trước khi ban hành',
    en: 'field documentNumber: the issuing document’s number is needed before the plan is issued',
  },
  'plan.target-unknown-code': {
    vi: 'trường code: mã "{code}" không phải chỉ số hay chỉ số chính của bộ chỉ số {framework}',
    en: 'field code: "{code}" is not an indicator or main index of framework {framework}',
  },
  'plan.closed': {
    vi: 'kế hoạch đã kết thúc; không thể thay đổi',
    en: 'the plan is closed; it cannot be changed',
  },
  'plan.not-issued': {
    vi: 'kế hoạch chưa ban hành (trạng thái "{state}"); nhiệm vụ chỉ được cập nhật khi kế hoạch đã ban hành',
    en: 'the plan is not issued (state "{stateEn}"); tasks are updated only in an issued plan',
  },
  'plan.no-published-cohort': {
    vi: 'kỳ đánh giá chưa công bố kết quả của nhóm đơn vị "{unitKind}"; chỉ lập kế hoạch từ kết quả đã công bố',
    en: 'the period has not published the results of cohort "{unitKind}"; plans are drafted from published results only',
  },
  'plan.unit-not-in-cohort': {
    vi: 'đơn vị {unit} không có trong kết quả đã công bố của nhóm này',
    en: 'unit {unit} is not in this cohort’s published results',
  },
  'plan.task-party-not-allowed': {
    vi: 'chỉ {allowed} mới được {action}',
    en: 'only {allowedEn} may {actionEn}',
  },
  'plan.import-not-draft': {
    vi: 'chỉ nhập bảng nhiệm vụ vào kế hoạch dự thảo; kế hoạch đang ở trạng thái "{state}" (sửa từng nhiệm vụ hoặc huỷ nhiệm vụ kèm lý do)',
    en: 'a task table is imported only into a draft plan; the plan is "{stateEn}" (edit tasks one by one, or cancel them with a reason)',
  },
  'plan.import-state-in-draft': {
    vi: 'trường state: nhiệm vụ của kế hoạch dự thảo là "Chưa thực hiện", không phải "{state}"; trạng thái chỉ thay đổi sau khi ban hành',
    en: 'field state: a draft plan’s task is "Not started", not "{stateEn}"; states change only once the plan is issued',
  },
  'plan.publish-not-issued': {
    vi: 'chỉ công khai tóm tắt của kế hoạch đã ban hành hoặc đã kết thúc; kế hoạch đang ở trạng thái "{state}"',
    en: 'only an issued or closed plan’s summary can be published; the plan is "{stateEn}"',
  },
  'plan.carry-over-same-framework': {
    vi: 'trường fromFrameworkId: chọn một bộ chỉ số khác với bộ chỉ số {framework} để kế thừa phân công',
    en: 'field fromFrameworkId: choose a framework other than {framework} to carry the ownership from',
  },
  'plan.carry-over-unknown-code': {
    vi: 'trường {field}: "{code}" không phải mã chỉ số của bộ chỉ số {framework}',
    en: 'field {field}: "{code}" is not an indicator code of framework {framework}',
  },
  // reporting rounds, progress reports and comments (plans/reporting-rounds.ts)
  'plan.schedule-unknown-entry': {
    vi: 'trường reportingSchedule: "{value}" không phải lịch báo cáo; dùng quarterly (hằng quý, trước ngày 15 tháng cuối quý), half-yearly (trước 15/06 và 15/12) hoặc một ngày (15/11, 15/11/2023 hoặc 2023-11-15)',
    en: 'field reportingSchedule: "{value}" is not a reporting schedule entry; use quarterly (before the 15th of each quarter’s last month), half-yearly (before 15/06 and 15/12) or a day (15/11, 15/11/2023 or 2023-11-15)',
  },
  'plan.schedule-before-plan': {
    vi: 'trường reportingSchedule: kỳ báo cáo hạn {dueOn} trước ngày ban hành kế hoạch {planDate}',
    en: 'field reportingSchedule: the reporting round due {dueOnEn} is before the plan’s date {planDateEn}',
  },
  'plan.unknown-round': {
    vi: 'kế hoạch không có kỳ báo cáo hạn {dueOn} (các kỳ báo cáo: {known})',
    en: 'the plan has no reporting round due {dueOnEn} (its rounds: {knownEn})',
  },
  'plan.round-not-open': {
    vi: 'kỳ báo cáo hạn {dueOn} chưa mở (mở từ ngày {opensOn}); hãy báo cáo kỳ đang mở',
    en: 'the reporting round due {dueOnEn} is not open yet (it opens on {opensOnEn}); report in the open round',
  },
  'plan.report-lead-only': {
    vi: 'chỉ đơn vị chủ trì nhiệm vụ mới được {action}; đơn vị phối hợp và cơ quan quản lý kế hoạch góp ý trong phần trao đổi',
    en: 'only the task’s lead unit may {actionEn}; coordinating units and the plan’s manager comment instead',
  },
  'plan.report-missing-text': {
    vi: 'trường text: cần nêu kết quả thực hiện nhiệm vụ trong kỳ',
    en: 'field text: describe what was done in the round',
  },
  'plan.report-state-backwards': {
    vi: 'trường state: không thể báo cáo "{to}" khi nhiệm vụ đang "{from}"',
    en: 'field state: cannot report "{toEn}" while the task is "{fromEn}"',
  },
  'plan.report-unknown-evidence': {
    vi: 'trường evidenceIds: tệp {id} không phải tài liệu kiểm chứng đã tải lên cho nhiệm vụ này',
    en: 'field evidenceIds: file {id} is not evidence uploaded for this task',
  },
  'plan.report-bad-link': {
    vi: 'trường links: đường dẫn "{value}" không hợp lệ; chỉ nhận địa chỉ bắt đầu bằng http:// hoặc https://',
    en: 'field links: "{value}" is not a valid link; only http:// and https:// addresses are accepted',
  },
  'plan.comment-empty': {
    vi: 'trường text: nội dung trao đổi không được để trống',
    en: 'field text: the comment is empty',
  },
  // official documents (issue 13)
  'document.template-unreadable': {
    vi: 'tệp mẫu không phải văn bản Word .docx đọc được: {detail}',
    en: 'the template is not a readable Word .docx file: {detail}',
  },
  'document.template-broken-tag': {
    vi: 'mẫu có trường trộn viết sai: {detail}',
    en: 'the template has a malformed field: {detail}',
  },
  'document.template-unknown-tags': {
    vi: 'mẫu có trường không dùng được cho "{document}": {tags}',
    en: 'the template has fields that "{documentEn}" does not provide: {tags}',
  },
  'document.template-missing-tags': {
    vi: 'mẫu thiếu trường bắt buộc của "{document}": {tags}',
    en: 'the template lacks required fields of "{documentEn}": {tags}',
  },
  'document.not-published': {
    vi: 'kỳ đánh giá chưa công bố kết quả; tài liệu chỉ lập từ kết quả đã công bố',
    en: 'the period has not published its results; documents are made from published results only',
  },
  'document.unit-not-in-results': {
    vi: 'đơn vị {unit} không có trong kết quả đã công bố của kỳ đánh giá',
    en: 'unit {unit} is not in the period’s published results',
  },
  'document.pdf-failed': {
    vi: 'không chuyển được văn bản sang PDF: {detail}',
    en: 'the document could not be converted to PDF: {detail}',
  },
  // command line
  'cli.usage': {
    vi: '{detail}',
    en: '{detail}',
  },
  'cli.output-unwritable': {
    vi: 'không ghi được tệp kết quả: {detail}',
    en: 'cannot write the output: {detail}',
  },
  // HTTP API
  'http.validation': {
    vi: 'dữ liệu gửi lên không hợp lệ: {detail}',
    en: 'invalid request: {detail}',
  },
  'http.malformed-body': {
    vi: 'nội dung gửi lên không đọc được (JSON sai cú pháp)',
    en: 'the request body is not valid JSON',
  },
  'http.payload-too-large': {
    vi: 'dữ liệu gửi lên quá lớn (tối đa {limit})',
    en: 'the request is too large (at most {limit})',
  },
  'http.not-found': {
    vi: 'không tìm thấy {what}',
    en: '{what} not found',
  },
  'http.unauthenticated': {
    vi: 'cần đăng nhập',
    en: 'sign-in required',
  },
  'http.forbidden': {
    vi: 'không có quyền thực hiện thao tác này',
    en: 'not allowed',
  },
  'http.csrf': {
    vi: 'thiếu hoặc sai mã chống giả mạo (CSRF); hãy tải lại trang',
    en: 'missing or wrong CSRF token; reload the page',
  },
  'http.stale-version': {
    vi: '{what} đã được người khác thay đổi (phiên bản {current}, bạn sửa từ phiên bản {based}); hãy xem bản mới rồi sửa lại',
    en: '{what} was changed by someone else (version {current}, you edited version {based}); review the new version and edit again',
  },
  'http.rate-limited': {
    vi: 'quá nhiều lần thử; hãy thử lại sau {seconds} giây',
    en: 'too many attempts; try again in {seconds} seconds',
  },
  // sign-in
  'auth.wrong-credentials': {
    vi: 'tên đăng nhập hoặc mật khẩu không đúng',
    en: 'wrong username or password',
  },
  'auth.locked': {
    vi: 'tài khoản tạm khoá do nhập sai mật khẩu nhiều lần; hãy thử lại sau {minutes} phút hoặc liên hệ quản trị viên',
    en: 'account temporarily locked after repeated wrong passwords; try again in {minutes} minutes or contact the administrator',
  },
  'auth.wrong-current-password': {
    vi: 'mật khẩu hiện tại không đúng',
    en: 'the current password is wrong',
  },
  'auth.weak-password': {
    vi: 'mật khẩu mới chưa đủ mạnh: cần {detail}',
    en: 'the new password is too weak: it needs {detailEn}',
  },
  'auth.password-unchanged': {
    vi: 'mật khẩu mới phải khác mật khẩu hiện tại',
    en: 'the new password must differ from the current one',
  },
  'auth.must-change-password': {
    vi: 'tài khoản đang dùng mật khẩu tạm thời do quản trị viên cấp; hãy đổi mật khẩu (Tài khoản → Đổi mật khẩu) trước khi làm việc khác',
    en: 'this account has a temporary password set by the administrator; change the password (Account → Change password) before anything else',
  },
  // units and periods
  'unit.parent-loop': {
    vi: 'trường parentId: {unit} không thể thuộc {parent}, vì {parent} đang nằm dưới {unit} (chuỗi: {chain}); cây đơn vị không được có vòng lặp',
    en: 'field parentId: {unit} cannot sit under {parent}, because {parent} is below {unit} (chain: {chain}); the unit tree cannot loop',
  },
  'unit.self-parent': {
    vi: 'trường parentId: đơn vị {unit} không thể là đơn vị cấp trên của chính nó',
    en: 'field parentId: unit {unit} cannot be its own parent',
  },
  'unit.ends-before-start': {
    vi: 'trường activeTo: ngày kết thúc hoạt động {activeTo} trước ngày bắt đầu {activeFrom}',
    en: 'field activeTo: the end of activity {activeTo} is before its start {activeFrom}',
  },
  'period.dates-out-of-order': {
    vi: 'trường {field}: {detail}',
    en: 'field {field}: {detail}',
  },
  'publication.decision-invalid': {
    vi: 'trường {field}: {detail}',
    en: 'field {field}: {detail}',
  },
  'period.unknown-units': {
    vi: 'trường unitIds: không có đơn vị nào với mã định danh {ids}',
    en: 'field unitIds: there is no unit with the id {ids}',
  },
  // accounts
  'user.last-administrator': {
    vi: 'không thể khoá hoặc đổi vai trò của quản trị viên cuối cùng còn hoạt động: hãy cấp quyền quản trị cho một tài khoản khác trước',
    en: 'the last active administrator cannot be disabled or given another role: make another account an administrator first',
  },
  'job.queue-stopped': {
    vi: 'hàng đợi tác vụ nền không chạy trong tiến trình máy chủ này; hãy thử lại sau khi máy chủ khởi động xong',
    en: 'the job queue is not running in this server process; try again once the server has started',
  },
  // backup
  'backup.invalid': {
    vi: 'tệp sao lưu không hợp lệ: {detail}',
    en: 'invalid backup file: {detail}',
  },
  'backup.no-database': {
    vi: 'không có cơ sở dữ liệu OpenDTI ở {where}: hãy kiểm tra DATA_DIR hoặc DATABASE_URL',
    en: 'there is no OpenDTI database at {where}: check DATA_DIR or DATABASE_URL',
  },
  'backup.foreign-directory': {
    vi: 'thư mục dữ liệu {where} đã chứa tệp khác, không phải của OpenDTI: hãy khôi phục vào một thư mục trống hoặc chưa có',
    en: 'the data directory {where} already holds other files, not OpenDTI’s: restore into an empty or new directory',
  },
  'backup.unreadable': {
    vi: 'không đọc được tệp sao lưu {file}: {detail}',
    en: 'cannot read the backup file {file}: {detail}',
  },
  'user.exists': {
    vi: 'đã có tài khoản "{username}": dùng "opendti users reset-password {username}" để cấp lại mật khẩu',
    en: 'the account "{username}" already exists: use "opendti users reset-password {username}" to give it a new password',
  },
  'backup.not-empty': {
    vi: 'chỉ khôi phục vào cơ sở dữ liệu trống (đã có người dùng); hãy dùng thư mục dữ liệu mới',
    en: 'restore only into an empty database (this one has users); use a new data directory',
  },
  internal: {
    vi: 'lỗi hệ thống, vui lòng báo cho quản trị viên (mã tra cứu {reference})',
    en: 'internal error, please tell the administrator (reference {reference})',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ProblemCode = keyof typeof catalogue;

export interface Problem {
  code: ProblemCode;
  params?: Params;
  location?: ProblemLocation;
}

/** The class of failure; the server maps each to one HTTP status. */
export type DomainErrorKind = 'invalid-input' | 'not-found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'internal';

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly problems: Problem[];

  constructor(kind: DomainErrorKind, problems: Problem[]) {
    super(problems.map((problem) => formatProblem(problem, 'en')).join('\n'));
    this.name = 'DomainError';
    this.kind = kind;
    this.problems = problems;
  }
}

export function invalidInput(problems: Problem[]): DomainError {
  return new DomainError('invalid-input', problems);
}

const locationLabels: Record<Locale, { row: string; column: string }> = {
  vi: { row: 'dòng', column: 'cột' },
  en: { row: 'row', column: 'column' },
};

export function formatMessage(problem: Problem, locale: Locale): string {
  const template: string = catalogue[problem.code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = problem.params?.[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[locale] : String(value);
  });
}

/** "file.csv, row 12, column value: "abc" is not a number" */
export function formatProblem(problem: Problem, locale: Locale): string {
  const where: string[] = [];
  const location = problem.location ?? {};
  const labels = locationLabels[locale];
  if (location.file) where.push(location.file);
  if (location.row !== undefined) where.push(`${labels.row} ${location.row}`);
  if (location.column) where.push(`${labels.column} ${location.column}`);
  const prefix = where.length > 0 ? `${where.join(', ')}: ` : '';
  return prefix + formatMessage(problem, locale);
}
