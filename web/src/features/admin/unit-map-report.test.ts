import { describe, expect, it } from 'vitest';
import { canSaveMap, codePropertyChoices, nameFromFile } from './unit-map-report';

describe('codePropertyChoices', () => {
  const properties = [
    { name: 'id', filled: 10, matches: 0, samples: ['1', '2', '3'] },
    { name: 'ten', filled: 10, matches: 0, samples: ['Mường Nhé'] },
    { name: 'ma_huyen', filled: 10, matches: 9, samples: ['094', '095'] },
    { name: 'ma_cu', filled: 4, matches: 9, samples: ['DBP'] },
    { name: 'ghi_chu', filled: 2, matches: 0, samples: [] },
  ];

  it('puts the suggestion first, then the best matches, then the rest by name', () => {
    expect(codePropertyChoices(properties, 'ma_huyen').map(({ name, suggested }) => [name, suggested])).toEqual([
      ['ma_huyen', true],
      ['ma_cu', false],
      ['id', false],
      ['ten', false],
      ['ghi_chu', false],
    ]);
  });

  it('lists every property when nothing matches a unit code', () => {
    expect(codePropertyChoices(properties.slice(0, 2), null).map(({ name }) => name)).toEqual(['id', 'ten']);
  });
});

describe('canSaveMap', () => {
  it('needs a code property, no problem and a name', () => {
    expect(canSaveMap({ codeProperty: 'ma', problems: [] }, 'Ranh giới huyện')).toBe(true);
    expect(canSaveMap({ codeProperty: null, problems: [] }, 'Ranh giới huyện')).toBe(false);
    expect(canSaveMap({ codeProperty: 'ma', problems: [{ code: 'map.code-missing' }] }, 'Ranh giới huyện')).toBe(false);
    expect(canSaveMap({ codeProperty: 'ma', problems: [] }, '  ')).toBe(false);
  });
});

describe('nameFromFile', () => {
  it('drops the extension and the separators', () => {
    expect(nameFromFile('ranh-gioi_huyen.geojson')).toBe('ranh gioi huyen');
    expect(nameFromFile('Dien Bien.JSON')).toBe('Dien Bien');
  });
});
