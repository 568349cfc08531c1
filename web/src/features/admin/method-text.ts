import type { ScoringMethod, ScoringMethodType } from '@opendti/core';
import { formatPlain, type Locale } from '../../shared/format';

/** The names of the scoring methods, as a framework author reads them. */
export const METHOD_NAMES: Record<ScoringMethodType, Record<Locale, string>> = {
  yesNo: { vi: 'Có/Không', en: 'Yes/no' },
  ratio: { vi: 'Tỷ lệ a/b (được bao nhiêu tính điểm bấy nhiêu)', en: 'Ratio a/b (proportional)' },
  thresholds: { vi: 'Theo ngưỡng', en: 'Thresholds' },
  options: { vi: 'Chọn phương án', en: 'Options' },
  relativeToBest: { vi: 'So với đơn vị cao nhất', en: 'Relative to the best unit' },
  minMax: { vi: 'Chuẩn hoá min–max', en: 'Min–max normalised' },
  direct: { vi: 'Chấm điểm trực tiếp', en: 'Points judged directly' },
  parts: { vi: 'Cộng điểm các phần', en: 'Parts that add up' },
};

/**
 * One line describing how an indicator is scored, with its parameters: "Theo ngưỡng: ≥4 → 20;
 * ≥3 → 15", "Tỷ lệ a/b (đạt 90% được điểm tối đa)". The same wording as core's describeMethod,
 * which the web app cannot import without the framework validator.
 */
export function describeMethod(method: ScoringMethod | undefined, locale: Locale): string {
  if (!method) return '';
  const vi = locale === 'vi';
  switch (method.type) {
    case 'ratio':
      if (method.target === undefined || method.target === 1) return vi ? 'Tỷ lệ a/b' : 'Ratio a/b';
      return vi
        ? `Tỷ lệ a/b (đạt ${formatPlain(method.target * 100, locale)}% được điểm tối đa)`
        : `Ratio a/b (full marks at ${formatPlain(method.target * 100, locale)}%)`;
    case 'thresholds':
      return `${METHOD_NAMES.thresholds[locale]}: ${method.steps
        .map((step) => `≥${formatPlain(step.atLeast, locale)} → ${formatPlain(step.points, locale)}`)
        .join('; ')}`;
    case 'options':
      return `${vi ? 'Chọn' : 'Options'}: ${method.options
        .map((option) => `${option.label} = ${formatPlain(option.points, locale)}`)
        .join('; ')}`;
    case 'minMax':
      return method.direction === 1
        ? METHOD_NAMES.minMax[locale]
        : `${METHOD_NAMES.minMax[locale]} ${vi ? '(càng thấp càng tốt)' : '(lower is better)'}`;
    default:
      return METHOD_NAMES[method.type][locale];
  }
}
