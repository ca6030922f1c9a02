import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config';
import { configProblems } from '../../helpers/config-problems';

describe('reminder settings', () => {
  it('are on by default, every 15 minutes', () => {
    expect(parseConfig({}).taskReminders).toEqual({ enabled: true, intervalMs: 15 * 60_000 });
    expect(parseConfig({ TASK_REMINDERS: '', TASK_REMINDER_INTERVAL_MINUTES: '' }).taskReminders).toEqual({ enabled: true, intervalMs: 15 * 60_000 });
  });

  it('can be turned off and given another interval', () => {
    expect(parseConfig({ TASK_REMINDERS: 'off', TASK_REMINDER_INTERVAL_MINUTES: '5' }).taskReminders).toEqual({ enabled: false, intervalMs: 5 * 60_000 });
    expect(Object.isFrozen(parseConfig({}).taskReminders)).toBe(true);
  });

  it('name what is wrong with a bad value', () => {
    expect(configProblems({ TASK_REMINDERS: 'yes' })).toEqual(['TASK_REMINDERS: expected on or off']);
    for (const minutes of ['0', '1441', '1.5', 'soon']) {
      expect(configProblems({ TASK_REMINDER_INTERVAL_MINUTES: minutes })).toEqual(['TASK_REMINDER_INTERVAL_MINUTES: expected whole minutes from 1 to 1440 (a day)']);
    }
  });
});
