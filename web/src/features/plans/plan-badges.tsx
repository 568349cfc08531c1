import { Badge, type BadgeProps } from '@mantine/core';
import { useDomainLabels } from '../../shared/labels';

const PLAN_STATUS_COLOURS: Record<string, string> = { draft: 'gray', issued: 'blue', closed: 'dark' };
/** A plan's status, named as core names it. */
export function PlanStatusBadge({ status, ...props }: { status: string } & BadgeProps) {
  const labels = useDomainLabels();
  return (
    <Badge color={PLAN_STATUS_COLOURS[status] ?? 'gray'} variant="light" radius="sm" tt="none" {...props}>
      {labels.planStatus(status)}
    </Badge>
  );
}
