/** A property of the uploaded features, as the server's check reports it. */
export interface PropertyCandidate {
  name: string;
  filled: number;
  matches: number;
  samples: string[];
}

export interface CodePropertyChoice extends PropertyCandidate {
  suggested: boolean;
}

/**
 * The choices for the unit-code property: the server's suggestion first, then the properties with
 * the most values matching a unit code, then the others by name — so the likely answer is on top and
 * a file whose codes match nothing still lists every property to pick from.
 */
export function codePropertyChoices(properties: readonly PropertyCandidate[], suggested: string | null): CodePropertyChoice[] {
  return properties
    .map((property) => ({ ...property, suggested: property.name === suggested }))
    .sort(
      (a, b) =>
        Number(b.suggested) - Number(a.suggested) ||
        b.matches - a.matches ||
        b.filled - a.filled ||
        a.name.localeCompare(b.name, 'vi'),
    );
}

/** A report can be saved when its code property is known and nothing stands in the way. */
export function canSaveMap(report: { codeProperty: string | null; problems: readonly unknown[] }, name: string): boolean {
  return report.codeProperty !== null && report.problems.length === 0 && name.trim() !== '';
}

/** A map's default name from its file: "ranh-gioi_huyen.geojson" → "ranh gioi huyen". */
export function nameFromFile(fileName: string): string {
  return fileName
    .replace(/\.(geo)?json$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
}
