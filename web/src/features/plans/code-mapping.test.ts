import { describe, expect, it } from 'vitest';
import { parseCodeMapping } from './code-mapping';

describe('parseCodeMapping', () => {
  it('reads one old → new pair per line, with any of the usual separators, skipping blank lines', () => {
    expect(parseCodeMapping('3.1 → DTI-05\n\n3.2 -> DTI-06\r\n4.1=>DTI-10\n4.2 = DTI-11\n4.3;DTI-12\n4.4\tDTI-13\n')).toEqual({
      mapping: [
        { from: '3.1', to: 'DTI-05' },
        { from: '3.2', to: 'DTI-06' },
        { from: '4.1', to: 'DTI-10' },
        { from: '4.2', to: 'DTI-11' },
        { from: '4.3', to: 'DTI-12' },
        { from: '4.4', to: 'DTI-13' },
      ],
      badLines: [],
    });
  });

  it('names the lines that are not a pair, or repeat an old code, by number', () => {
    expect(parseCodeMapping('3.1 → DTI-05\n3.2\n3.1 → DTI-07\n → DTI-08\na → b → c')).toEqual({
      mapping: [{ from: '3.1', to: 'DTI-05' }],
      badLines: [2, 3, 4, 5],
    });
  });
});
