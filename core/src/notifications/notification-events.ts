import type { Locale } from '../errors/problem.js';
import { addDays, formatCalendarDay, vietnamDay } from '../workflow/calendar-day.js';

/**
 * The events that notify someone (issue 12), who receives each, and what it says in both languages.
 * The server writes a notification row per event and recipient in the transaction of the change that
 * causes it; the texts are rendered from the event's parameters here, once, for the app and e-mail.
 */
export const NOTIFICATION_EVENTS = [
  'period.selfAssessmentOpened',
  'deadline.approaching',
  'supplementation.requested',
  'supplementation.answered',
  'supplementation.overdue',
  'rebuttal.windowOpened',
  'rebuttal.windowClosing',
  'council.finalised',
  'results.published',
  'account.passwordReset',
  'account.lockedOut',
  'plan.tasksAssigned',
  'plan.taskDueSoon',
  'plan.taskOverdue',
  'plan.tasksOverdue',
  'plan.reportRoundOpen',
  'plan.reportLate',
  'plan.reportsLate',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** What a notification's texts are made of; each event uses the ones it names. */
export interface NotificationParams {
  periodName?: string;
  unitName?: string;
  indicatorCode?: string;
  /** yyyy-mm-dd */
  deadline?: string;
  /** yyyy-mm-dd */
  dueOn?: string;
  daysLeft?: number;
  /** An improvement plan's title (issue 11). */
  planTitle?: string;
  /** A plan task's STT and text. */
  taskPosition?: number;
  taskText?: string;
  /** How many tasks (or units) the notification is about. */
  leadCount?: number;
  coordinatingCount?: number;
  count?: number;
  /** How long an account is locked (account.lockedOut). */
  minutes?: number;
}

export interface NotificationText {
  title: string;
  body: string;
}

type Texts = Record<Locale, (params: NotificationParams) => NotificationText>;

const day = (value: string | undefined) => (value ? formatCalendarDay(value) : '?');

const TEXTS: Record<Exclude<NotificationEvent, `plan.${string}`>, Texts> = {
  'period.selfAssessmentOpened': {
    vi: (p) => ({
      title: `Mở kỳ tự đánh giá: ${p.periodName}`,
      body: `Kỳ đánh giá "${p.periodName}" đã mở cho đơn vị ${p.unitName} tự đánh giá. Hạn nộp: ${day(p.deadline)}.`,
    }),
    en: (p) => ({
      title: `Self-assessment open: ${p.periodName}`,
      body: `The period "${p.periodName}" is open for ${p.unitName} to self-assess. Deadline: ${day(p.deadline)}.`,
    }),
  },
  'deadline.approaching': {
    vi: (p) => ({
      title: `Còn ${p.daysLeft} ngày đến hạn nộp tự đánh giá`,
      body: `Đơn vị ${p.unitName} chưa nộp bản tự đánh giá kỳ "${p.periodName}". Hạn nộp: ${day(p.deadline)} (còn ${p.daysLeft} ngày).`,
    }),
    en: (p) => ({
      title: `${p.daysLeft} ${p.daysLeft === 1 ? 'day' : 'days'} left to submit the self-assessment`,
      body: `${p.unitName} has not submitted its self-assessment for "${p.periodName}". Deadline: ${day(p.deadline)} (${p.daysLeft} ${p.daysLeft === 1 ? 'day' : 'days'} left).`,
    }),
  },
  'supplementation.requested': {
    vi: (p) => ({
      title: `Yêu cầu bổ sung, giải trình chỉ số ${p.indicatorCode}`,
      body: `Hội đồng thẩm định yêu cầu đơn vị ${p.unitName} bổ sung, giải trình chỉ số ${p.indicatorCode} (kỳ "${p.periodName}") trước ngày ${day(p.dueOn)}.`,
    }),
    en: (p) => ({
      title: `Supplementation requested on indicator ${p.indicatorCode}`,
      body: `The appraisal council asks ${p.unitName} to supplement indicator ${p.indicatorCode} ("${p.periodName}") by ${day(p.dueOn)}.`,
    }),
  },
  'supplementation.answered': {
    vi: (p) => ({
      title: `Đơn vị đã giải trình chỉ số ${p.indicatorCode}`,
      body: `Đơn vị ${p.unitName} đã trả lời yêu cầu bổ sung, giải trình chỉ số ${p.indicatorCode} (kỳ "${p.periodName}").`,
    }),
    en: (p) => ({
      title: `Supplementation answered on indicator ${p.indicatorCode}`,
      body: `${p.unitName} answered the supplementation request on indicator ${p.indicatorCode} ("${p.periodName}").`,
    }),
  },
  'supplementation.overdue': {
    vi: (p) => ({
      title: `Quá hạn bổ sung, giải trình chỉ số ${p.indicatorCode}`,
      body: `Yêu cầu bổ sung, giải trình chỉ số ${p.indicatorCode} của đơn vị ${p.unitName} (kỳ "${p.periodName}") đã quá hạn ngày ${day(p.dueOn)} mà chưa được trả lời.`,
    }),
    en: (p) => ({
      title: `Supplementation overdue on indicator ${p.indicatorCode}`,
      body: `The supplementation request to ${p.unitName} on indicator ${p.indicatorCode} ("${p.periodName}") was due on ${day(p.dueOn)} and is not answered.`,
    }),
  },
  'rebuttal.windowOpened': {
    vi: (p) => ({
      title: `Mở thời hạn kiến nghị kết quả thẩm định, hạn ${day(p.dueOn)}`,
      body: `Hội đồng thẩm định đã gửi kết quả cho đơn vị ${p.unitName} (kỳ "${p.periodName}"), trong đó ${p.count} chỉ số được điều chỉnh điểm. Đơn vị có thể kiến nghị đến hết ngày ${day(p.dueOn)}.`,
    }),
    en: (p) => ({
      title: `Rebuttal window open until ${day(p.dueOn)}`,
      body: `The appraisal council sent its results to ${p.unitName} ("${p.periodName}"), with ${p.count} adjusted ${p.count === 1 ? 'indicator' : 'indicators'}. The unit may contest them until the end of ${day(p.dueOn)}.`,
    }),
  },
  'rebuttal.windowClosing': {
    vi: (p) => ({
      title: `Thời hạn kiến nghị kết thúc ngày ${day(p.dueOn)}`,
      body: `Đơn vị ${p.unitName} chưa gửi kiến nghị về ${p.count} chỉ số được điều chỉnh điểm (kỳ "${p.periodName}"); thời hạn kết thúc hết ngày ${day(p.dueOn)} (còn ${p.daysLeft} ngày).`,
    }),
    en: (p) => ({
      title: `Rebuttal window closes on ${day(p.dueOn)}`,
      body: `${p.unitName} has not sent its rebuttal on ${p.count} adjusted ${p.count === 1 ? 'indicator' : 'indicators'} ("${p.periodName}"); the window closes at the end of ${day(p.dueOn)} (${p.daysLeft} ${p.daysLeft === 1 ? 'day' : 'days'} left).`,
    }),
  },
  'council.finalised': {
    vi: (p) => ({
      title: `Hội đồng đã chốt kết quả thẩm định: ${p.unitName}`,
      body: `Hội đồng thẩm định đã chốt kết quả của đơn vị ${p.unitName} (kỳ "${p.periodName}"). Kết quả chính thức được công bố khi kỳ đánh giá công bố.`,
    }),
    en: (p) => ({
      title: `Council finalised the appraisal: ${p.unitName}`,
      body: `The appraisal council finalised the results of ${p.unitName} ("${p.periodName}"). They become official when the period's results are published.`,
    }),
  },
  'results.published': {
    vi: (p) => ({
      title: `Đã công bố kết quả: ${p.periodName}`,
      body: `Kết quả kỳ đánh giá "${p.periodName}" đã được công bố.`,
    }),
    en: (p) => ({
      title: `Results published: ${p.periodName}`,
      body: `The results of "${p.periodName}" have been published.`,
    }),
  },
  'account.passwordReset': {
    vi: () => ({
      title: 'Mật khẩu của bạn đã được quản trị viên đặt lại',
      body: 'Quản trị viên đã đặt mật khẩu tạm thời cho tài khoản của bạn; bạn sẽ phải đổi mật khẩu khi đăng nhập. Nếu bạn không yêu cầu việc này, hãy báo ngay cho quản trị viên.',
    }),
    en: () => ({
      title: 'Your password was reset by an administrator',
      body: 'An administrator set a temporary password on your account; you will change it when you sign in. If you did not ask for this, tell the administrator at once.',
    }),
  },
  'account.lockedOut': {
    vi: (p) => ({
      title: 'Tài khoản của bạn bị tạm khoá do đăng nhập sai nhiều lần',
      body: `Mật khẩu của tài khoản bị nhập sai nhiều lần liên tiếp nên tài khoản bị tạm khoá ${p.minutes} phút. Nếu không phải bạn, hãy đổi mật khẩu và báo cho quản trị viên.`,
    }),
    en: (p) => ({
      title: 'Your account is locked after repeated failed sign-ins',
      body: `Your account's password was entered wrongly too many times in a row, so the account is locked for ${p.minutes} minutes. If this was not you, change your password and tell the administrator.`,
    }),
  },
};

const task = (p: NotificationParams) => `${p.taskPosition}. ${p.taskText}`;
const days = (count: number | undefined) => `${count} ${count === 1 ? 'day' : 'days'}`;

/** Improvement plans (issue 11): tasks assigned, due, overdue; report rounds open and late. */
const PLAN_TEXTS: Record<Extract<NotificationEvent, `plan.${string}`>, Texts> = {
  'plan.tasksAssigned': {
    vi: (p) => ({
      title: `Kế hoạch đã ban hành: ${p.planTitle}`,
      body: `${p.unitName} chủ trì ${p.leadCount} nhiệm vụ và phối hợp ${p.coordinatingCount} nhiệm vụ của kế hoạch "${p.planTitle}".`,
    }),
    en: (p) => ({
      title: `Plan issued: ${p.planTitle}`,
      body: `${p.unitName} leads ${p.leadCount} and coordinates ${p.coordinatingCount} tasks of the plan "${p.planTitle}".`,
    }),
  },
  'plan.taskDueSoon': {
    vi: (p) => ({
      title: `Còn ${p.daysLeft} ngày đến hạn nhiệm vụ ${p.taskPosition}`,
      body: `Nhiệm vụ ${task(p)} (kế hoạch "${p.planTitle}") do ${p.unitName} chủ trì đến hạn ngày ${day(p.dueOn)}.`,
    }),
    en: (p) => ({
      title: `${days(p.daysLeft)} left on task ${p.taskPosition}`,
      body: `Task ${task(p)} (plan "${p.planTitle}"), led by ${p.unitName}, is due on ${day(p.dueOn)}.`,
    }),
  },
  'plan.taskOverdue': {
    vi: (p) => ({
      title: `Nhiệm vụ ${p.taskPosition} đã quá hạn`,
      body: `Nhiệm vụ ${task(p)} (kế hoạch "${p.planTitle}") do ${p.unitName} chủ trì đã quá hạn ngày ${day(p.dueOn)} mà chưa hoàn thành.`,
    }),
    en: (p) => ({
      title: `Task ${p.taskPosition} is overdue`,
      body: `Task ${task(p)} (plan "${p.planTitle}"), led by ${p.unitName}, was due on ${day(p.dueOn)} and is not done.`,
    }),
  },
  'plan.tasksOverdue': {
    vi: (p) => ({
      title: `${p.count} nhiệm vụ vừa quá hạn: ${p.planTitle}`,
      body: `Kế hoạch "${p.planTitle}" có ${p.count} nhiệm vụ hạn ngày ${day(p.dueOn)} đã quá hạn mà chưa hoàn thành.`,
    }),
    en: (p) => ({
      title: `${p.count} tasks just went overdue: ${p.planTitle}`,
      body: `The plan "${p.planTitle}" has ${p.count} tasks due on ${day(p.dueOn)} that are overdue and not done.`,
    }),
  },
  'plan.reportRoundOpen': {
    vi: (p) => ({
      title: `Mở kỳ báo cáo tiến độ, hạn ${day(p.dueOn)}`,
      body: `${p.unitName} báo cáo tiến độ ${p.count} nhiệm vụ chủ trì của kế hoạch "${p.planTitle}" chậm nhất ngày ${day(p.dueOn)}.`,
    }),
    en: (p) => ({
      title: `Progress report round open, due ${day(p.dueOn)}`,
      body: `${p.unitName} reports the progress of its ${p.count} led tasks of the plan "${p.planTitle}" by ${day(p.dueOn)}.`,
    }),
  },
  'plan.reportLate': {
    vi: (p) => ({
      title: `Chưa báo cáo tiến độ kỳ hạn ${day(p.dueOn)}`,
      body: `${p.unitName} chưa gửi báo cáo tiến độ của ${p.count} nhiệm vụ (kế hoạch "${p.planTitle}"), hạn ngày ${day(p.dueOn)} đã qua.`,
    }),
    en: (p) => ({
      title: `Progress report missing, due ${day(p.dueOn)}`,
      body: `${p.unitName} has not reported on ${p.count} tasks (plan "${p.planTitle}"); the report was due on ${day(p.dueOn)}.`,
    }),
  },
  'plan.reportsLate': {
    vi: (p) => ({
      title: `${p.count} đơn vị chưa báo cáo tiến độ: ${p.planTitle}`,
      body: `Kỳ báo cáo hạn ${day(p.dueOn)} của kế hoạch "${p.planTitle}" đã qua; ${p.count} đơn vị chủ trì chưa gửi báo cáo.`,
    }),
    en: (p) => ({
      title: `${p.count} units have not reported: ${p.planTitle}`,
      body: `The report round due ${day(p.dueOn)} of the plan "${p.planTitle}" has passed; ${p.count} lead units have not reported.`,
    }),
  },
};

export function isNotificationEvent(value: unknown): value is NotificationEvent {
  return typeof value === 'string' && (NOTIFICATION_EVENTS as readonly string[]).includes(value);
}

/** The title and body of a notification in one language; an unknown event (a newer server's) says so plainly. */
export function notificationText(event: string, params: NotificationParams, locale: Locale): NotificationText {
  if (!isNotificationEvent(event))
    return locale === 'vi' ? { title: 'Thông báo', body: event } : { title: 'Notification', body: event };
  return (event.startsWith('plan.') ? PLAN_TEXTS[event as keyof typeof PLAN_TEXTS] : TEXTS[event as keyof typeof TEXTS])[locale](
    params,
  );
}

/** Days the self-assessment reminders go out before the deadline, unless the period says otherwise. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [7, 3, 1];

/**
 * Which reminder is due today, if any: the days left from today (Vietnam's calendar day) to the
 * unit's deadline, when that count is one of the period's reminder days. The deadline day itself
 * and days past it remind nobody (0 and negative are never reminder days).
 */
export function reminderDue(deadline: string, reminderDays: readonly number[], now: Date): number | undefined {
  const today = vietnamDay(now);
  for (const days of reminderDays) if (days > 0 && addDays(today, days) === deadline) return days;
  return undefined;
}

/** Reminder days as the manager sets them: whole days 1–60, no repeats, largest first; at most 5. */
export function normaliseReminderDays(days: readonly number[]): number[] | undefined {
  if (days.length > 5 || days.some((value) => !Number.isInteger(value) || value < 1 || value > 60)) return undefined;
  return [...new Set(days)].sort((a, b) => b - a);
}
