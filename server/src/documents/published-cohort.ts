import type { CohortScores, PublicationDecision, ResultSet } from '@opendti/core';

/**
 * What the documents of a published period are made of, whoever loads it (the server from the
 * snapshots, the CLI from a scored file): per cohort the results as published (compared with the
 * previous year when there is one) and the engine scores rebuilt from the same snapshot.
 */
export interface PublishedCohort {
  unitKind: string;
  /** "Sở, ban, ngành". */
  cohortName: string;
  results: ResultSet;
  /** Per-indicator points (strongest and weakest indicators, score sheets); absent for a bare results.json. */
  scores?: CohortScores;
  previousYear?: number;
}

export interface PeriodFacts {
  name: string;
  year: number;
  publicationDecision: PublicationDecision | null;
}
