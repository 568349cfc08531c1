import type { Locale } from '../errors/problem.js';
import type { ScoringMethod } from './framework-model.js';

/**
 * A short description of a scoring method for people: the "Cách chấm" column of templates and
 * `opendti frameworks show`. Numbers in the reader's convention (decimal comma in Vietnamese).
 */
export function describeMethod(method: ScoringMethod | undefined, locale: Locale = 'vi'): string {
  if (!method) return '';
  const vi = locale === 'vi';
  const number = (value: number) =>
    new Intl.NumberFormat(vi ? 'vi-VN' : 'en-US', { maximumFractionDigits: 4, useGrouping: false }).format(value);
  switch (method.type) {
    case 'yesNo':
      return vi ? 'Có/Không' : 'Yes/no';
    case 'ratio': {
      const parts: string[] = [];
      if (method.target !== undefined && method.target !== 1) {
        parts.push(vi ? `đạt ${number(method.target * 100)}% được điểm tối đa` : `full marks at ${number(method.target * 100)}%`);
      }
      const percent = (ratio: number) => `${number(ratio * 100)}%`;
      if (method.zeroBelow !== undefined && method.zeroBelow >= 1 && method.fullAt === undefined) {
        parts.push(vi ? 'đạt 100% được điểm tối đa, dưới 100%: 0 điểm' : 'full marks at 100%, below 100%: 0 points');
      } else {
        if (method.fullAt !== undefined) {
          parts.push(
            vi
              ? `từ ${percent(method.fullAt)} trở lên: điểm tối đa, dưới: tỷ lệ × điểm tối đa`
              : `${percent(method.fullAt)} or more: full marks, below: ratio × maximum`,
          );
        }
        if (method.zeroBelow !== undefined) {
          parts.push(vi ? `dưới ${percent(method.zeroBelow)}: 0 điểm` : `below ${percent(method.zeroBelow)}: 0 points`);
        }
      }
      if (method.whenNoneCounted === 'full') {
        parts.push(vi ? 'không có đối tượng (mẫu số 0): điểm tối đa' : 'nothing to count (denominator 0): full marks');
      }
      if (method.allowOver100) parts.push(vi ? 'có thể vượt 100%' : 'may exceed 100%');
      const sum = (codes: readonly string[] | undefined) => {
        const list = codes ?? [];
        return list.length > 1 ? `(${list.join(' + ')})` : (list[0] ?? '?');
      };
      const name =
        method.inputs && method.inputs.length > 0
          ? `${vi ? 'Tỷ lệ' : 'Ratio'} ${sum(method.numerator)}/${sum(method.denominator)}`
          : vi
            ? 'Tỷ lệ a/b'
            : 'Ratio a/b';
      return parts.length === 0 ? name : `${name} (${parts.join('; ')})`;
    }
    case 'thresholds':
      return `${vi ? 'Theo ngưỡng' : 'Thresholds'}: ${method.steps.map((step) => `≥${number(step.atLeast)} → ${number(step.points)}`).join('; ')}${
        method.absentLabel === undefined ? '' : `; ${vi ? 'không' : 'no'} (${method.absentLabel}) → 0`
      }`;
    case 'options':
      return `${vi ? 'Chọn' : 'Options'}: ${method.options.map((option) => `${option.code} = ${number(option.points)}`).join(', ')}`;
    case 'relativeToBest':
      return vi ? 'So với đơn vị cao nhất' : 'Relative to the best unit';
    case 'minMax':
      if (method.direction === 1) return vi ? 'Chuẩn hoá min–max' : 'Min–max normalised';
      return vi ? 'Chuẩn hoá min–max (càng thấp càng tốt)' : 'Min–max normalised (lower is better)';
    case 'direct':
      return vi ? 'Chấm điểm trực tiếp' : 'Points judged directly';
    case 'parts':
      return `${vi ? 'Cộng điểm các phần' : 'Parts that add up'}: ${method.parts
        .map((part) => `${part.code} ${part.label} (${number(part.points)}: ${describeMethod(part.method, locale)})`)
        .join('; ')}`;
  }
}
