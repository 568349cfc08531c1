import { Badge, type BadgeProps } from '@mantine/core';
import { type DisplayedTaskState, REPORT_STATUS_LABELS, type ReportStatus, TASK_STATE_LABELS } from '@opendti/core/labels';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/locale';

/** Colours: overdue and missing in red, late in orange, done and on time in green, waiting in grey. */
const TASK_STATE_COLOURS: Record<DisplayedTaskState, string> = {
  notStarted: 'gray',
  inProgress: 'blue',
  done: 'green',
  overdue: 'red',
  cancelled: 'dark',
};

const REPORT_STATUS_COLOURS: Record<ReportStatus, string> = {
  submitted: 'green',
  late: 'orange',
  missing: 'red',
  pending: 'gray',
};

/** A task's state as pages show it (overdue derived by the server), named as core names it. */
export function TaskStateBadge({ state, children, ...props }: { state: string; children?: ReactNode } & BadgeProps) {
  const { locale } = useLocale();
  const known = Object.hasOwn(TASK_STATE_LABELS, state) ? (state as DisplayedTaskState) : undefined;
  return (
    <Badge
      color={known ? TASK_STATE_COLOURS[known] : 'gray'}
      variant="light"
      radius="sm"
      tt="none"
      style={{ whiteSpace: 'nowrap' }}
      {...props}
    >
      {children ?? (known ? TASK_STATE_LABELS[known][locale] : state)}
    </Badge>
  );
}

/** A task's report in a round: on time, late, missing, not due yet. */
export function ReportStatusBadge({ status, children, ...props }: { status: string; children?: ReactNode } & BadgeProps) {
  const { locale } = useLocale();
  const known = Object.hasOwn(REPORT_STATUS_LABELS, status) ? (status as ReportStatus) : undefined;
  return (
    <Badge
      color={known ? REPORT_STATUS_COLOURS[known] : 'gray'}
      variant="light"
      fw={known === 'missing' || known === 'late' ? 700 : undefined}
      // A round's name goes in too ("Quý II/2026: chưa báo cáo"): on a phone it wraps rather than being cut.
      styles={{
        root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible' },
      }}
      radius="sm"
      tt="none"
      {...props}
    >
      {children ?? (known ? REPORT_STATUS_LABELS[known][locale] : status)}
    </Badge>
  );
}

export function reportStatusLabel(status: string, locale: 'vi' | 'en'): string {
  return Object.hasOwn(REPORT_STATUS_LABELS, status) ? REPORT_STATUS_LABELS[status as ReportStatus][locale] : status;
}
