import {
  APPRAISAL_DECISION_LABELS,
  ASSESSMENT_STATE_LABELS,
  COHORT_LABELS,
  type Labels,
  type Locale,
  PARTICIPATION_LABELS,
  PERIOD_STATE_LABELS,
  PLAN_STATUS_LABELS,
  ROLE_LABELS,
  TASK_ACTION_LABELS,
  TASK_STATE_LABELS,
  UNIT_KIND_LABELS,
  UNIT_PROGRESS_LABELS,
} from '@opendti/core/labels';
import { useMemo } from 'react';
import { useLocale } from '../i18n/locale';

/**
 * The closed lists of the domain and their names, from core's tables (the names the server's
 * messages use), in the reader's language. Features list and name roles, kinds and states only
 * through here, so a new state or a reworded role changes in one place.
 */
export {
  ASSESSMENT_STATES,
  type AssessmentState,
  type DisplayedTaskState,
  PERIOD_STATES,
  type PeriodState,
  PLAN_STATUSES,
  type PlanStatus,
  ROLES,
  type Role,
  SCOPED_ROLES,
  TASK_ACTIONS,
  TASK_STATES,
  type TaskAction,
  type TaskState,
  UNIT_KINDS,
  UNIT_PROGRESS_STATUSES,
  UNIT_ROLES,
  type UnitKind,
  type UnitProgressStatus,
} from '@opendti/core/labels';

/** A lookup that shows an unknown value (bad data, a newer server) as its code rather than hiding it. */
function lookup<Key extends string>(labels: Labels<Key>, locale: Locale) {
  return (value: string | null | undefined): string =>
    value ? (Object.hasOwn(labels, value) ? labels[value as Key][locale] : value) : '–';
}

export function domainLabels(locale: Locale) {
  return {
    role: lookup(ROLE_LABELS, locale),
    /** One unit's kind: "Cấp huyện". */
    unitKind: lookup(UNIT_KIND_LABELS, locale),
    /** The units of a kind ranked together: "Huyện, thị xã, thành phố". */
    cohort: lookup(COHORT_LABELS, locale),
    periodState: lookup(PERIOD_STATE_LABELS, locale),
    assessmentState: lookup(ASSESSMENT_STATE_LABELS, locale),
    /** The council's decision on an indicator: "Công nhận", "Điều chỉnh", "Yêu cầu bổ sung". */
    decision: lookup(APPRAISAL_DECISION_LABELS, locale),
    /** Where a unit stands with its self-assessment (the manager's board): "Chưa bắt đầu", "Nộp muộn"… */
    unitProgress: lookup(UNIT_PROGRESS_LABELS, locale),
    /** The manager's decision on a unit: "Không tham gia", "Tính 0 điểm". */
    participation: lookup(PARTICIPATION_LABELS, locale),
    /** An improvement plan's status: "Dự thảo", "Đã ban hành", "Đã kết thúc". */
    planStatus: lookup(PLAN_STATUS_LABELS, locale),
    /** A plan task's state as shown (overdue derived): "Chưa thực hiện", "Quá hạn"… */
    taskState: lookup(TASK_STATE_LABELS, locale),
    /** A task action, phrased to follow "không thể …": "huỷ nhiệm vụ". */
    taskAction: lookup(TASK_ACTION_LABELS, locale),
  };
}

export type DomainLabels = ReturnType<typeof domainLabels>;

/** Names of roles, unit kinds, cohorts and states in the current language. */
export function useDomainLabels(): DomainLabels {
  const { locale } = useLocale();
  return useMemo(() => domainLabels(locale), [locale]);
}

/** A select's options for a closed list: the value and its name. */
export function labelledOptions(values: readonly string[], label: (value: string) => string) {
  return values.map((value) => ({ value, label: label(value) }));
}
