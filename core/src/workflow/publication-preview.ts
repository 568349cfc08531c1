/**
 * What the manager should look at before publishing (xem trước khi công bố): the table the public
 * will see is the published snapshot's own computation; these are the warnings beside it, each
 * naming its unit. They do not block publishing by themselves (core's `canPublish` does that for
 * unfinalised assessments); they say what the manager is about to make public.
 */
import type { Locale, LocalizedText } from '../errors/problem.js';
import { formatLocaleNumber } from '../scoring/parse-number.js';
import type { ResultSet } from '../scoring/result-set.js';
import { ASSESSMENT_STATE_LABELS } from './assessment-workflow.js';
import { labelOf } from './transition-table.js';

/**
 * A "large swing" from the unit's result in the previous published period of the same cohort:
 * 5 places or more in the ranking, or 0,1 or more on the 0–1 index (a tenth of the scale, about what
 * separates the top and bottom thirds of a DTI cohort). Either is worth a second look before the
 * public sees it: a data-entry slip or a council decision that changed a lot.
 */
export const PUBLICATION_SWING_THRESHOLDS = { rankPlaces: 5, indexChange: 0.1 } as const;

export const PUBLICATION_WARNING_KINDS = ['no-answers', 'not-finalised', 'undecided-indicators', 'large-swing'] as const;
export type PublicationWarningKind = (typeof PUBLICATION_WARNING_KINDS)[number];

/** What the caller knows about one participating unit's assessment. */
export interface PreviewUnitFacts {
  unitKind: string;
  code: string;
  name: string;
  /** The assessment's state (draft, submitted, …, finalised). */
  state: string;
  /** Indicators with an answer (a value, points, or "không đánh giá"). */
  answered: number;
  /** Indicators neither accepted nor adjusted by the council (core's `undecidedIndicators`). */
  undecided: number;
  /**
   * The manager's decision on the unit (unit-progress PARTICIPATIONS); absent = participating. A unit
   * taken out is not in the table and gets no warning; a unit scored as zero is published with 0
   * without a council's finalisation, so only its missing answers are said.
   */
  participation?: string;
}

export interface PublicationWarning {
  kind: PublicationWarningKind;
  unitKind: string;
  unitCode: string;
  unitName: string;
  message: string;
}

/** One cohort's table as it will be published, and the previous published table of the same cohort, if any. */
export interface PreviewCohort {
  unitKind: string;
  results: ResultSet;
  previous?: { year: number; results: ResultSet } | undefined;
}

function message(kind: PublicationWarningKind, unit: string, params: Record<string, string | number>): LocalizedText {
  switch (kind) {
    case 'no-answers':
      return {
        vi: `${unit}: đơn vị không có câu trả lời nào`,
        en: `${unit}: the unit has no answer at all`,
      };
    case 'not-finalised':
      return {
        vi: `${unit}: bản đánh giá đang ở trạng thái "${params.state}", chưa được Chủ tịch Hội đồng chốt kết quả`,
        en: `${unit}: the assessment is "${params.stateEn}", not finalised by the council chair`,
      };
    case 'undecided-indicators':
      return {
        vi: `${unit}: còn ${params.count} chỉ số chưa được Hội đồng công nhận hoặc điều chỉnh điểm`,
        en: `${unit}: ${params.count} indicators are neither accepted nor adjusted by the council`,
      };
    case 'large-swing':
      return {
        vi: `${unit}: thay đổi lớn so với năm ${params.year} (${params.detail})`,
        en: `${unit}: a large change from ${params.year} (${params.detailEn})`,
      };
  }
}

const signed = (value: number, decimals: number, locale: Locale) =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatLocaleNumber(Math.abs(value), decimals, locale)}`;

/**
 * The warnings, unit by unit in the order of `units`: no answers, not finalised, undecided
 * indicators, then (from the tables) a large swing in rank or index from the previous published
 * period (PUBLICATION_SWING_THRESHOLDS). Messages in `locale`.
 */
export function publicationWarnings(
  units: readonly PreviewUnitFacts[],
  cohorts: readonly PreviewCohort[],
  locale: Locale,
): PublicationWarning[] {
  const warnings: PublicationWarning[] = [];
  const add = (unit: PreviewUnitFacts, kind: PublicationWarningKind, params: Record<string, string | number> = {}) =>
    warnings.push({
      kind,
      unitKind: unit.unitKind,
      unitCode: unit.code,
      unitName: unit.name,
      message: message(kind, unit.name, params)[locale],
    });
  const cohortOf = new Map(cohorts.map((cohort) => [cohort.unitKind, cohort]));
  for (const unit of units) {
    if (unit.participation === 'notParticipating') continue;
    if (unit.answered === 0) add(unit, 'no-answers');
    if (unit.state !== 'finalised' && unit.participation !== 'scoredAsZero') {
      add(unit, 'not-finalised', {
        state: labelOf(ASSESSMENT_STATE_LABELS, unit.state, 'vi'),
        stateEn: labelOf(ASSESSMENT_STATE_LABELS, unit.state, 'en'),
      });
    }
    if (unit.undecided > 0 && unit.answered > 0) add(unit, 'undecided-indicators', { count: unit.undecided });
    const cohort = cohortOf.get(unit.unitKind);
    const swing = cohort ? swingOf(cohort, unit.code) : undefined;
    if (cohort?.previous && swing) {
      const precision = cohort.results.framework.precision;
      const parts = (lang: Locale) =>
        [
          swing.rank === undefined
            ? undefined
            : lang === 'vi'
              ? `hạng ${swing.rank.before} → ${swing.rank.after}`
              : `rank ${swing.rank.before} → ${swing.rank.after}`,
          swing.value === undefined ? undefined : `${lang === 'vi' ? 'chỉ số' : 'index'} ${signed(swing.value, precision, lang)}`,
        ]
          .filter(Boolean)
          .join(', ');
      add(unit, 'large-swing', { year: cohort.previous.year, detail: parts('vi'), detailEn: parts('en') });
    }
  }
  return warnings;
}

/** The unit's change from the previous table when it reaches a threshold; undefined otherwise. */
export function swingOf(
  cohort: PreviewCohort,
  unitCode: string,
): { rank?: { before: number; after: number }; value?: number } | undefined {
  const now = cohort.results.units.find((unit) => unit.code === unitCode);
  const before = cohort.previous?.results.units.find((unit) => unit.code === unitCode);
  if (!now || !before) return undefined;
  const swing: { rank?: { before: number; after: number }; value?: number } = {};
  if (now.rank !== null && before.rank !== null && Math.abs(before.rank - now.rank) >= PUBLICATION_SWING_THRESHOLDS.rankPlaces) {
    swing.rank = { before: before.rank, after: now.rank };
  }
  if (now.value !== null && before.value !== null) {
    const precision = cohort.results.framework.precision;
    const change = Math.round((now.value - before.value) * 10 ** precision) / 10 ** precision;
    // A hair under the threshold in floating point (0,1 = 0,0999…) still counts.
    if (Math.abs(change) >= PUBLICATION_SWING_THRESHOLDS.indexChange - 1e-9) swing.value = change;
  }
  return swing.rank || swing.value !== undefined ? swing : undefined;
}
