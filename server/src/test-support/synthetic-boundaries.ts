/**
 * SYNTHETIC boundaries for tests: one square per unit code, laid in a row of one-degree cells south
 * of the equator off the coast of Africa (0–10° E, 0–1° S), where no Vietnamese unit lies. Not
 * geography of any kind; only the shape of a GeoJSON file as an administrator would upload it, with
 * the unit code in a property ("ma_dv") beside a name and a numeric id.
 */
export function syntheticBoundaries(codes: readonly string[], extra: Record<string, unknown>[] = []) {
  return {
    type: 'FeatureCollection',
    name: 'synthetic-test-squares',
    features: [
      ...codes.map((code, index) => ({
        type: 'Feature',
        properties: { id: index + 1, ma_dv: code, ten: `Ô thử nghiệm ${code}` },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [index, 0],
              // A point on the edge, which simplification removes.
              [index + 0.5, 0],
              [index + 1, 0],
              [index + 1, -1],
              [index, -1],
              [index, 0],
            ],
          ],
        },
      })),
      ...extra,
    ],
  };
}

/** The ten districts of the demo (their codes only): what the test maps cover. */
export const DEMO_DISTRICT_CODES = ['DBP', 'MLA', 'DBI', 'DBD', 'MAN', 'MCH', 'MNH', 'NPO', 'TCH', 'TGI'] as const;
