import type { PlanRound } from './progress-queries';

/** The round shown: the one in the address (?ky=yyyy-mm-dd), else the one being reported, else the last passed. */
export function shownRound(
  rounds: readonly Pick<PlanRound, 'dueOn' | 'current' | 'open'>[],
  asked: string | null,
): string | undefined {
  if (asked && rounds.some((round) => round.dueOn === asked)) return asked;
  return (rounds.find((round) => round.current) ?? [...rounds].reverse().find((round) => round.open) ?? rounds[0])?.dueOn;
}
