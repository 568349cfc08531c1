/**
 * The old → new indicator codes a manager types when carrying ownership into a framework whose codes
 * changed (issue 11: "carried … by indicator code, and by a mapping where codes change"): one pair
 * per line, `3.1 → DTI-05` (also `->`, `=>`, `=`, a tab or `;` between the two). Blank lines are
 * skipped. Pure, so the form can say which line is wrong before anything is sent.
 */
export interface CodeMappingResult {
  mapping: { from: string; to: string }[];
  /** 1-based line numbers that are not a pair, or repeat an old code. */
  badLines: number[];
}

const SEPARATOR = /\s*(?:→|->|=>|=|;|\t)\s*/;

export function parseCodeMapping(text: string): CodeMappingResult {
  const mapping: { from: string; to: string }[] = [];
  const badLines: number[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    const parts = trimmed.split(SEPARATOR);
    const [from, to] = parts;
    if (parts.length !== 2 || !from || !to || seen.has(from)) {
      badLines.push(index + 1);
      return;
    }
    seen.add(from);
    mapping.push({ from, to });
  });
  return { mapping, badLines };
}
