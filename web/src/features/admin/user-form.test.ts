import { describe, expect, it } from 'vitest';
import { generateTemporaryPassword, passwordProblem, scopeOptions, userPayload, validateUserForm } from './user-form';

describe('the account form', () => {
  const base = {
    username: 'nhaplieu.sct',
    displayName: 'Cán bộ Sở Công Thương',
    role: 'unitReporter' as const,
    unitId: 'u1',
    assignedScopes: [],
    email: '',
  };

  it('accepts a complete form', () => {
    expect(validateUserForm(base, 'create')).toEqual({});
  });

  it('explains what is missing or malformed', () => {
    expect(validateUserForm({ ...base, username: 'Nguyễn Văn A', displayName: ' ', unitId: null }, 'create')).toEqual({
      username: 'errorUsernameFormat',
      displayName: 'errorRequired',
      unitId: 'errorUnitRequired',
    });
    expect(validateUserForm({ ...base, role: '' }, 'create')).toEqual({ role: 'errorRequired' });
    expect(validateUserForm({ ...base, email: 'ten@tinh' }, 'create')).toEqual({ email: 'errorEmailFormat' });
    expect(validateUserForm({ ...base, email: ' ten@tinh.gov.vn ' }, 'create')).toEqual({});
    expect(userPayload({ ...base, email: ' ten@tinh.gov.vn ' }).email).toBe('ten@tinh.gov.vn');
    // The username cannot change after creation, so it is not checked when editing.
    expect(validateUserForm({ ...base, username: '' }, 'edit')).toEqual({});
  });

  it('sends a unit only for unit roles and scopes only for appraisers', () => {
    expect(userPayload({ ...base, role: 'appraiser', assignedScopes: ['1', '2.3'] })).toEqual({
      displayName: 'Cán bộ Sở Công Thương',
      role: 'appraiser',
      unitId: null,
      assignedScopes: ['1', '2.3'],
      email: null,
    });
    expect(userPayload({ ...base, assignedScopes: ['1'] })).toMatchObject({ unitId: 'u1', assignedScopes: [] });
  });
});

describe('temporary passwords', () => {
  it('always pass the server rule: 14 characters with lower case, upper case and digits', () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const password = generateTemporaryPassword();
      expect(password).toHaveLength(14);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[2-9]/);
      expect(password).not.toMatch(/[01OIl]/);
      expect(passwordProblem(password)).toBeUndefined();
    }
  });

  it('hold even with a degenerate random source', () => {
    const password = generateTemporaryPassword((array) => array.fill(0));
    expect(passwordProblem(password)).toBeUndefined();
  });

  it('are checked like the server does', () => {
    expect(passwordProblem('ngắn')).toBe('errorPasswordShort');
    expect(passwordProblem('chuthuongthoi')).toBe('errorPasswordKinds');
  });
});

describe('appraiser scopes', () => {
  it('offers each main index and each of its indicators', () => {
    const options = scopeOptions(
      {
        id: 'f',
        name: 'F',
        year: 2025,
        unitKind: 'commune',
        legalBasis: { document: '1', date: '2025-01-01', issuer: 'x' },
        aggregation: 'sum',
        precision: 4,
        mainIndices: [
          { code: '1', name: 'Nhận thức số', indicators: [{ code: '1.1', name: 'Trưởng ban', method: { type: 'yesNo' } }] },
        ],
      },
      'cả chỉ số chính',
    );
    expect(options).toEqual([
      {
        group: '1. Nhận thức số',
        items: [
          { value: '1', label: '1 — cả chỉ số chính: Nhận thức số' },
          { value: '1.1', label: '1.1 — Trưởng ban' },
        ],
      },
    ]);
  });
});
