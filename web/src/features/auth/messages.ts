import type { Dictionary } from '../../i18n/locale';

type Key =
  | 'title'
  | 'username'
  | 'password'
  | 'submit'
  | 'required'
  | 'hint'
  | 'change.title'
  | 'change.intro'
  | 'change.temporaryTitle'
  | 'change.temporary'
  | 'change.rulesTitle'
  | 'change.ruleMet'
  | 'change.ruleUnmet'
  | 'change.current'
  | 'change.new'
  | 'change.confirmation'
  | 'change.showCurrent'
  | 'change.showNew'
  | 'change.showConfirmation'
  | 'change.submit'
  | 'change.failed'
  | 'change.doneTitle'
  | 'change.done'
  | 'change.continue'
  | 'change.signInTitle'
  | 'change.signIn'
  | 'errorRequired'
  | 'errorWeak'
  | 'errorSameAsCurrent'
  | 'errorConfirmRequired'
  | 'errorMismatch';

export const authMessages: Dictionary<Key> = {
  vi: {
    title: 'Đăng nhập',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    required: 'Vui lòng nhập',
    hint: 'Tài khoản do quản trị hệ thống cấp. Khách xem kết quả công bố không cần đăng nhập.',
    'change.title': 'Đổi mật khẩu',
    'change.intro': 'Tài khoản {username}. Nhập mật khẩu đang dùng, rồi mật khẩu mới hai lần.',
    'change.temporaryTitle': 'Cần đổi mật khẩu trước khi tiếp tục',
    'change.temporary':
      'Mật khẩu tạm thời do quản trị viên cấp chỉ dùng để đăng nhập lần đầu: quản trị viên biết mật khẩu đó. Hãy đặt mật khẩu riêng mà chỉ bạn biết; sau đó mới dùng được các chức năng khác.',
    'change.rulesTitle': 'Mật khẩu mới cần:',
    'change.ruleMet': 'đã đạt',
    'change.ruleUnmet': 'chưa đạt',
    'change.current': 'Mật khẩu hiện tại',
    'change.new': 'Mật khẩu mới',
    'change.confirmation': 'Nhập lại mật khẩu mới',
    'change.showCurrent': 'Hiện mật khẩu hiện tại',
    'change.showNew': 'Hiện mật khẩu mới',
    'change.showConfirmation': 'Hiện mật khẩu nhập lại',
    'change.submit': 'Đổi mật khẩu',
    'change.failed': 'Chưa đổi được mật khẩu',
    'change.doneTitle': 'Đã đổi mật khẩu',
    'change.done':
      'Từ nay hãy đăng nhập bằng mật khẩu mới. Các phiên đăng nhập khác của tài khoản này (trên máy hoặc trình duyệt khác) đã kết thúc; phiên đang dùng vẫn tiếp tục.',
    'change.continue': 'Đến trang làm việc',
    'change.signInTitle': 'Cần đăng nhập',
    'change.signIn': 'Hãy đăng nhập để đổi mật khẩu của tài khoản.',
    errorRequired: 'Vui lòng nhập',
    errorWeak: 'Mật khẩu mới chưa đủ mạnh: cần {rules}',
    errorSameAsCurrent: 'Mật khẩu mới phải khác mật khẩu hiện tại',
    errorConfirmRequired: 'Vui lòng nhập lại mật khẩu mới',
    errorMismatch: 'Hai lần nhập mật khẩu mới không khớp nhau',
  },
  en: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    required: 'Required',
    hint: 'Accounts are issued by the administrator. Visitors can read published results without signing in.',
    'change.title': 'Change password',
    'change.intro': 'Account {username}. Enter the password you use now, then the new one twice.',
    'change.temporaryTitle': 'Change your password before going on',
    'change.temporary':
      'A temporary password set by the administrator is for the first sign-in only: the administrator knows it. Choose a password only you know; the other functions open once it is changed.',
    'change.rulesTitle': 'The new password needs:',
    'change.ruleMet': 'met',
    'change.ruleUnmet': 'not met yet',
    'change.current': 'Current password',
    'change.new': 'New password',
    'change.confirmation': 'Repeat the new password',
    'change.showCurrent': 'Show the current password',
    'change.showNew': 'Show the new password',
    'change.showConfirmation': 'Show the repeated password',
    'change.submit': 'Change password',
    'change.failed': 'The password was not changed',
    'change.doneTitle': 'Password changed',
    'change.done':
      'Sign in with the new password from now on. The other sessions of this account (on other computers or browsers) have ended; this one goes on.',
    'change.continue': 'Go to my workspace',
    'change.signInTitle': 'Sign-in required',
    'change.signIn': 'Sign in to change the password of your account.',
    errorRequired: 'Required',
    errorWeak: 'The new password is too weak: it needs {rules}',
    errorSameAsCurrent: 'The new password must differ from the current one',
    errorConfirmRequired: 'Repeat the new password',
    errorMismatch: 'The two new passwords do not match',
  },
};
