import { describe, expect, it } from 'vitest';
import { NOTIFICATION_EVENTS, normaliseReminderDays, notificationText, reminderDue } from './notification-events.js';

describe('notification texts', () => {
  it.each(NOTIFICATION_EVENTS)('%s has a title and body in both languages', (event) => {
    const params = {
      periodName: 'Kỳ 2025',
      unitName: 'Sở Y tế',
      indicatorCode: '1.2',
      deadline: '2026-01-30',
      dueOn: '2025-12-20',
      daysLeft: 3,
      planTitle: 'Kế hoạch nâng cao chỉ số năm 2026',
      taskPosition: 4,
      taskText: 'Ban hành kế hoạch chuyển đổi số',
      leadCount: 2,
      coordinatingCount: 1,
      count: 3,
      minutes: 15,
    };
    for (const locale of ['vi', 'en'] as const) {
      const text = notificationText(event, params, locale);
      expect(text.title.length).toBeGreaterThan(0);
      expect(text.body).not.toContain('undefined');
    }
  });
  it('writes dates dd/mm/yyyy', () => {
    expect(
      notificationText('deadline.approaching', { periodName: 'P', unitName: 'U', deadline: '2026-01-30', daysLeft: 1 }, 'en')
        .body,
    ).toContain('30/01/2026 (1 day left)');
  });
});

describe('plan notification texts', () => {
  it('names the task by its STT and text, the unit, the plan and the day, in both languages', () => {
    const params = {
      planTitle: 'KH 2026',
      unitName: 'Sở Y tế',
      taskPosition: 4,
      taskText: 'Số hoá hồ sơ',
      dueOn: '2026-09-30',
      daysLeft: 1,
    };
    expect(notificationText('plan.taskDueSoon', params, 'vi')).toEqual({
      title: 'Còn 1 ngày đến hạn nhiệm vụ 4',
      body: 'Nhiệm vụ 4. Số hoá hồ sơ (kế hoạch "KH 2026") do Sở Y tế chủ trì đến hạn ngày 30/09/2026.',
    });
    expect(notificationText('plan.taskDueSoon', params, 'en').title).toBe('1 day left on task 4');
  });
});

describe('reminderDue', () => {
  // 23:30 UTC on 22 January is 06:30 on the 23rd in Vietnam: 7 days before the 30th.
  it.each([
    ['2026-01-22T23:30:00Z', 7],
    ['2026-01-22T17:00:00Z', 7],
    ['2026-01-22T16:59:59Z', undefined],
    ['2026-01-26T20:00:00Z', 3],
    ['2026-01-29T01:00:00Z', 1],
    ['2026-01-30T01:00:00Z', undefined],
    ['2026-02-02T01:00:00Z', undefined],
  ])('at %s → %s', (now, expected) => {
    expect(reminderDue('2026-01-30', [7, 3, 1], new Date(now))).toBe(expected);
  });
  it('follows the period’s own days', () => {
    expect(reminderDue('2026-01-30', [10], new Date('2026-01-20T01:00:00Z'))).toBe(10);
    expect(reminderDue('2026-01-30', [10], new Date('2026-01-23T01:00:00Z'))).toBeUndefined();
  });
});

describe('normaliseReminderDays', () => {
  it('sorts and de-duplicates', () => expect(normaliseReminderDays([1, 7, 3, 7])).toEqual([7, 3, 1]));
  it('accepts none (reminders off)', () => expect(normaliseReminderDays([])).toEqual([]));
  it.each([[[0]], [[61]], [[1.5]], [[1, 2, 3, 4, 5, 6]]])('refuses %j', (days) =>
    expect(normaliseReminderDays(days)).toBeUndefined(),
  );
});
