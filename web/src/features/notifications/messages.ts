import type { Dictionary } from '../../i18n/locale';

type Key =
  | 'bell'
  | 'bellWithCount'
  | 'title'
  | 'description'
  | 'unreadOnly'
  | 'markAllRead'
  | 'markRead'
  | 'open'
  | 'empty'
  | 'emptyUnread'
  | 'unread'
  | 'read'
  | 'loadError'
  | 'emailSent'
  | 'emailOff'
  | 'emailNoAddress'
  | 'emailFailed'
  | 'emailWaiting'
  | 'page_first'
  | 'page_previous'
  | 'page_next'
  | 'page_last';

export const notificationMessages: Dictionary<Key> = {
  vi: {
    bell: 'Thông báo',
    bellWithCount: 'Thông báo: {count} chưa đọc',
    title: 'Thông báo',
    description:
      'Những việc liên quan đến bạn: kỳ đánh giá mở, sắp đến hạn nộp, yêu cầu bổ sung, kết quả công bố, tài khoản. Số chưa đọc được cập nhật mỗi phút.',
    unreadOnly: 'Chỉ hiện thông báo chưa đọc',
    markAllRead: 'Đánh dấu tất cả đã đọc',
    markRead: 'Đánh dấu đã đọc',
    open: 'Mở',
    empty: 'Chưa có thông báo nào.',
    emptyUnread: 'Không có thông báo chưa đọc.',
    unread: 'Chưa đọc',
    read: 'Đã đọc',
    loadError: 'Không tải được thông báo. Hãy thử lại.',
    emailSent: 'Đã gửi e-mail',
    emailOff: 'Hệ thống chưa bật e-mail',
    emailNoAddress: 'Tài khoản chưa có địa chỉ e-mail',
    emailFailed: 'Gửi e-mail không thành công',
    emailWaiting: 'Đang chờ gửi e-mail',
    page_first: 'Trang đầu',
    page_previous: 'Trang trước',
    page_next: 'Trang sau',
    page_last: 'Trang cuối',
  },
  en: {
    bell: 'Notifications',
    bellWithCount: 'Notifications: {count} unread',
    title: 'Notifications',
    description:
      'What concerns you: periods opening, deadlines approaching, supplementation requests, published results, your account. The unread count refreshes every minute.',
    unreadOnly: 'Unread only',
    markAllRead: 'Mark all as read',
    markRead: 'Mark as read',
    open: 'Open',
    empty: 'No notifications yet.',
    emptyUnread: 'No unread notifications.',
    unread: 'Unread',
    read: 'Read',
    loadError: 'The notifications could not be loaded. Try again.',
    emailSent: 'E-mail sent',
    emailOff: 'E-mail is not turned on',
    emailNoAddress: 'The account has no e-mail address',
    emailFailed: 'The e-mail could not be sent',
    emailWaiting: 'E-mail waiting to be sent',
    page_first: 'First page',
    page_previous: 'Previous page',
    page_next: 'Next page',
    page_last: 'Last page',
  },
};
