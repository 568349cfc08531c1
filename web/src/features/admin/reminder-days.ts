import { normaliseReminderDays } from '@opendti/core/notifications';

/** "7, 3, 1" → [7, 3, 1] by core's rule (1–60, at most 5, largest first); undefined when it breaks it. */
export function readReminderDays(text: string): number[] | undefined {
  const parts = text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.some((part) => !/^\d+$/.test(part))) return undefined;
  return normaliseReminderDays(parts.map(Number));
}
