/**
 * The default schedule of a year's period, from seed 001: units submit "chậm nhất ngày 30/01 của
 * năm tiếp theo"; results are published in the first quarter.
 */

/** The default self-assessment deadline of a year's period: 30 January of the following year. */
export function defaultSelfAssessmentDeadline(year: number): string {
  return `${year + 1}-01-30`;
}

/** The default publication date: the end of the first quarter of the following year. */
export function defaultPublicationDue(year: number): string {
  return `${year + 1}-03-31`;
}
