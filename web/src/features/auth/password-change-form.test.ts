import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import {
  describeUnmetRules,
  EMPTY_PASSWORD_CHANGE,
  fieldErrorsFromServer,
  hasErrors,
  ruleChecklist,
  validatePasswordChange,
} from './password-change-form';

const filled = { currentPassword: 'Tam-thoi-2024!', newPassword: 'Mat-khau-rieng-2024', confirmation: 'Mat-khau-rieng-2024' };

describe('the password change form', () => {
  it('accepts a strong new password typed twice alike', () => {
    expect(validatePasswordChange(filled, 'vi')).toEqual({});
    expect(hasErrors(validatePasswordChange(filled, 'vi'))).toBe(false);
  });

  it('asks for every field', () => {
    expect(validatePasswordChange(EMPTY_PASSWORD_CHANGE, 'vi')).toEqual({
      currentPassword: { key: 'errorRequired' },
      newPassword: { key: 'errorRequired' },
      confirmation: { key: 'errorConfirmRequired' },
    });
  });

  it.each([
    ['Ngan-1', 'ít nhất 10 ký tự'],
    [
      'chicochuthuongthoi',
      'ít nhất hai trong bốn loại ký tự: chữ thường, chữ hoa, chữ số, ký tự khác (ký hiệu, dấu câu, chữ có dấu)',
    ],
    [
      'ngan',
      'ít nhất 10 ký tự; ít nhất hai trong bốn loại ký tự: chữ thường, chữ hoa, chữ số, ký tự khác (ký hiệu, dấu câu, chữ có dấu)',
    ],
  ])('names every rule %j breaks, in the words of core’s rule list', (weak, rules) => {
    const errors = validatePasswordChange({ ...filled, newPassword: weak, confirmation: weak }, 'vi');
    expect(errors).toEqual({ newPassword: { key: 'errorWeak', params: { rules } } });
  });

  it('says the rules in English too', () => {
    expect(describeUnmetRules('Ngan-1', 'en')).toBe('at least 10 characters');
  });

  it('refuses keeping the current (temporary) password', () => {
    const same = { currentPassword: filled.newPassword, newPassword: filled.newPassword, confirmation: filled.newPassword };
    expect(validatePasswordChange(same, 'vi')).toEqual({ newPassword: { key: 'errorSameAsCurrent' } });
  });

  it('refuses a confirmation that differs from the new password', () => {
    expect(validatePasswordChange({ ...filled, confirmation: 'Mat-khau-rieng-2025' }, 'vi')).toEqual({
      confirmation: { key: 'errorMismatch' },
    });
  });

  it('ticks the rules off as the password is typed', () => {
    const met = (password: string) => ruleChecklist(password, 'vi').map((rule) => [rule.id, rule.met]);
    expect(met('abc')).toEqual([
      ['min-length', false],
      ['character-kinds', false],
      ['max-length', true],
    ]);
    expect(met('abcdefghijK')).toEqual([
      ['min-length', true],
      ['character-kinds', true],
      ['max-length', true],
    ]);
  });

  it('puts the server’s refusals under the field they concern, as a sentence', () => {
    expect(fieldErrorsFromServer(new ApiError(400, 'auth.wrong-current-password', 'mật khẩu hiện tại không đúng'))).toEqual({
      currentPassword: { message: 'Mật khẩu hiện tại không đúng' },
    });
    expect(
      fieldErrorsFromServer(new ApiError(400, 'auth.weak-password', 'mật khẩu mới chưa đủ mạnh: cần ít nhất 10 ký tự')),
    ).toEqual({ newPassword: { message: 'Mật khẩu mới chưa đủ mạnh: cần ít nhất 10 ký tự' } });
    expect(
      fieldErrorsFromServer(new ApiError(400, 'auth.password-unchanged', 'mật khẩu mới phải khác mật khẩu hiện tại')),
    ).toEqual({ newPassword: { message: 'Mật khẩu mới phải khác mật khẩu hiện tại' } });
  });

  it('leaves other failures to the form-level notice', () => {
    expect(fieldErrorsFromServer(new ApiError(500, 'internal', 'lỗi hệ thống'))).toBeUndefined();
    expect(fieldErrorsFromServer(new ApiError(401, 'http.unauthenticated', 'cần đăng nhập'))).toBeUndefined();
    expect(fieldErrorsFromServer(new TypeError('Failed to fetch'))).toBeUndefined();
  });
});
