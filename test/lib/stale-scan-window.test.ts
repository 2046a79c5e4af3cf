import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import { longestScheduleGapHours, staleScanWindow } from '../../lib/stale-scan-window.js';

describe('Function: longestScheduleGapHours', () => {
  it.each([
    ['cron(0 3 * * ? *)', 'UTC', 24],
    ['cron(0 3 ? * * *)', 'UTC', 24],
    ['cron(0 3 * * ? *)', 'Asia/Tokyo', 24],
    ['cron(0 3 * * ? *)', 'Europe/Paris', 25],
    ['cron(0 */6 * * ? *)', 'UTC', 6],
    ['cron(0/15 * * * ? *)', 'UTC', 0.25],
    ['cron(30 8-18/2 * * ? *)', 'UTC', 14],
    ['cron(0 3 ? * MON-FRI *)', 'UTC', 72],
    ['cron(0 3 ? * 2-6 *)', 'UTC', 72],
    ['cron(0 8,20 ? * MON-FRI *)', 'UTC', 60],
    ['cron(0 3 ? * mon,thu *)', 'UTC', 96],
    ['cron(0 3 ? * SUN *)', 'UTC', 168],
    ['rate(1 minute)', 'Europe/Paris', 1 / 60],
    ['rate(12 hours)', 'UTC', 12],
    ['rate(7 days)', 'Europe/Paris', 168],
  ])('finds the longest gap between runs of %s in %s: %d hours', (expression, timeZone, hours) => {
    // Prepare, Act
    const gap = longestScheduleGapHours(expression, timeZone);

    // Assess
    expect(gap).toBeCloseTo(hours, 6);
  });

  it.each([
    'cron(0 3 1 * ? *)',
    'cron(0 3 ? JAN-JUN MON *)',
    'cron(0 3 * * ? 2027)',
    'cron(0 3 ? * 6L *)',
    'cron(0 3 ? * MON#1 *)',
    'cron(0 3 L * ? *)',
    'cron(0 25 * * ? *)',
    'at(2026-12-01T03:00:00)',
    'rate(0 days)',
  ])('cannot tell for %s', (expression) => {
    // Prepare, Act
    const gap = longestScheduleGapHours(expression, 'UTC');

    // Assess
    expect(gap).toBeUndefined();
  });
});

describe('Function: staleScanWindow', () => {
  it.each([
    ['a nightly run', 'cron(0 3 * * ? *)', 'UTC', 26],
    ['runs every 6 hours (never shorter than 26)', 'rate(6 hours)', 'UTC', 26],
    ['a nightly run in a zone with daylight saving time', 'cron(0 3 * * ? *)', 'Europe/Paris', 27],
    ['weekday runs', 'cron(30 6 ? * MON-FRI *)', 'Europe/Paris', 75],
    ['runs every 6 days', 'rate(6 days)', 'UTC', 146],
  ])('defaults to the longest gap plus 2 hours, at least 26, for %s', (_case, schedule, timeZone, hours) => {
    // Prepare, Act
    const window = staleScanWindow(schedule, timeZone);

    // Assess
    expect(window).toEqual({ hours });
  });

  it('takes a requested window that covers the schedule, even one shorter than the default', () => {
    // Prepare, Act
    const window = staleScanWindow('rate(1 hour)', 'UTC', 3);

    // Assess
    expect(window).toEqual({ hours: 3 });
  });

  it('refuses a requested window the schedule would breach between two healthy runs, naming the field', () => {
    // Prepare, Act
    const resolve = () => staleScanWindow('cron(0 3 ? * MON-FRI *)', 'UTC', 73);

    // Assess
    expect(resolve).toThrow(ConfigurationError);
    expect(resolve).toThrow(
      'staleScanAlarmHours: 73 is too short for cron(0 3 ? * MON-FRI *), whose runs can be 72 hours apart',
    );
  });

  it('has no window, and says why, when runs are further apart than a CloudWatch alarm can look back', () => {
    // Prepare, Act
    const window = staleScanWindow('rate(7 days)', 'UTC');

    // Assess
    expect(window.hours).toBeUndefined();
    expect(window.warning).toMatch(
      /^No stale-scan alarm: runs of rate\(7 days\) can be 168 hours apart.*rate\(6 days\)/,
    );
  });

  it('refuses any requested window when runs are further apart than an alarm can look back', () => {
    // Prepare, Act
    const resolve = () => staleScanWindow('cron(0 3 ? * SUN *)', 'UTC', 168);

    // Assess
    expect(resolve).toThrow('staleScanAlarmHours: no window works');
  });

  it('falls back to 26 hours with a warning when it cannot tell how far apart runs are', () => {
    // Prepare, Act
    const window = staleScanWindow('cron(0 3 1 * ? *)', 'UTC');

    // Assess
    expect(window.hours).toBe(26);
    expect(window.warning).toContain('-c staleScanAlarmHours=<hours>');
  });

  it('trusts a requested window, without a warning, when it cannot tell how far apart runs are', () => {
    // Prepare, Act
    const window = staleScanWindow('cron(0 3 ? * MON#1 *)', 'UTC', 168);

    // Assess
    expect(window).toEqual({ hours: 168 });
  });
});
