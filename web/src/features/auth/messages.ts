import type { Dictionary } from '../../i18n/locale';

type Key = 'title' | 'username' | 'password' | 'submit' | 'required' | 'hint';

export const authMessages: Dictionary<Key> = {
  vi: {
    title: 'Đăng nhập',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    required: 'Vui lòng nhập',
    hint: 'Tài khoản do quản trị hệ thống cấp. Khách xem kết quả công bố không cần đăng nhập.',
  },
  en: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    required: 'Required',
    hint: 'Accounts are issued by the administrator. Visitors can read published results without signing in.',
  },
};
