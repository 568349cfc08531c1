/**
 * A4 portrait with the margins of Decree 30/2020/NĐ-CP (Appendix I §I.4: top and bottom 20–25 mm,
 * left 30–35 mm, right 15–20 mm), in twentieths of a point (twips) as Word counts.
 */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: 1134,
  bottom: 1134,
  left: 1701,
  right: 1077,
  textWidth: 11906 - 1701 - 1077,
  /** The issuing body's column of the header. */
  headerLeft: 3700,
} as const;

/** Twips → PDF points. */
export const twipsToPoints = (twips: number) => twips / 20;
