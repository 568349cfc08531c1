import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDomainLabels } from '../../shared/labels';

const PLAN_STATUS_COLOURS: Record<string, string> = { draft: 'gray', issued: 'blue', closed: 'dark' };
const TASK_STATE_COLOURS: Record<string, string> = {
  notStarted: 'gray',
  inProgress: 'blue',
  done: 'green',
  overdue: 'red',
  cancelled: 'dark',
};

/** A plan's status, named as core names it. */
export function PlanStatusBadge({ status, ...props }: { status: string } & BadgeProps) {
  const labels = useDomainLabels();
  return (
    <Badge color={PLAN_STATUS_COLOURS[status] ?? 'gray'} variant="light" radius="sm" tt="none" {...props}>
      {labels.planStatus(status)}
    </Badge>
  );
}

/** A task's state as shown: an overdue task in red, whatever is stored underneath. */
export function TaskStateBadge({ state, children, ...props }: { state: string; children?: ReactNode } & BadgeProps) {
  const labels = useDomainLabels();
  return (
    <Badge
      color={TASK_STATE_COLOURS[state] ?? 'gray'}
      variant={state === 'overdue' ? 'filled' : 'light'}
      radius="sm"
      tt="none"
      style={{ whiteSpace: 'nowrap' }}
      {...props}
    >
      {children ?? labels.taskState(state)}
    </Badge>
  );
}
