import { describe, expect, it } from 'vitest';
import { unitFormFrom, unitPayload, validateMerge, validateUnitForm } from './unit-form';

describe('the unit form', () => {
  const form = {
    code: 'X-MUONGPHANG',
    name: ' Xã  Mường Phăng ',
    kind: 'commune',
    parentId: 'p',
    activeFrom: '1/7/2025',
    activeTo: '',
  };

  it('accepts a complete unit and sends its dates as days', () => {
    expect(validateUnitForm(form, ['SNV'])).toEqual({});
    expect(unitPayload(form)).toEqual({
      code: 'X-MUONGPHANG',
      name: 'Xã Mường Phăng',
      kind: 'commune',
      parentId: 'p',
      activeFrom: '2025-07-01',
      activeTo: null,
    });
  });

  it('explains each mistake', () => {
    expect(validateUnitForm({ ...form, code: 'xã 1', name: '', kind: '', activeFrom: '31/06/2025' }, [])).toEqual({
      code: 'errorUnitCode',
      name: 'errorRequired',
      kind: 'errorRequired',
      activeFrom: 'errorDate',
    });
    expect(validateUnitForm({ ...form, code: 'SNV', activeTo: '30/06/2025' }, ['SNV'])).toEqual({
      code: 'errorUnitCodeTaken',
      activeTo: 'errorDateOrder',
    });
  });

  it('starts from the unit being edited, dates written dd/mm/yyyy', () => {
    expect(
      unitFormFrom({
        id: 'u',
        code: 'DBP',
        name: 'TP Điện Biên Phủ',
        kind: 'district',
        parentId: 'p',
        activeFrom: null,
        activeTo: '2025-06-30',
        replacedById: null,
        createdAt: '2024-01-01T00:00:00.000Z',
      }),
    ).toMatchObject({ activeFrom: '', activeTo: '30/06/2025' });
  });
});

describe('the merge form', () => {
  it('needs old units, a different replacement and a date', () => {
    expect(validateMerge({ replacedIds: [], replacementId: null, on: '' })).toEqual({
      replacedIds: 'errorRequired',
      replacementId: 'errorRequired',
      on: 'errorRequired',
    });
    expect(validateMerge({ replacedIds: ['a', 'b'], replacementId: 'a', on: '30/06/2025' })).toEqual({
      replacementId: 'errorMergeSelf',
    });
    expect(validateMerge({ replacedIds: ['a', 'b'], replacementId: 'c', on: '30/06/2025' })).toEqual({});
  });
});
