import type { PlanTask } from './plan-records';

/** A plan's tasks counted as the list and the editor show them: by displayed state, and those without a lead. */
export function taskCounts(tasks: readonly Pick<PlanTask, 'displayedState' | 'lead'>[]) {
  const count = { total: tasks.length, notStarted: 0, inProgress: 0, done: 0, overdue: 0, cancelled: 0, unassigned: 0 };
  for (const task of tasks) {
    count[task.displayedState] += 1;
    if (task.lead === null && task.displayedState !== 'cancelled') count.unassigned += 1;
  }
  return count;
}
