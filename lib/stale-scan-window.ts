import { ConfigurationError } from '../lambdas/core/model/errors.js';

/**
 * The longest window an alarm can watch: PutMetricAlarm refuses Period × EvaluationPeriods over
 * 604,800 s (7 days) for periods of an hour or more, and over one day for shorter periods.
 */
export const MAX_STALE_SCAN_ALARM_HOURS = 168;
export const DEFAULT_STALE_SCAN_ALARM_HOURS = 26;
/**
 * Hours added to the longest gap between runs: a run's completion lands in the hour its 15-minute
 * run ends in, which can be the hour after the one it started in, plus an hour for EMF delivery
 * and alarm evaluation.
 */
export const STALE_SCAN_MARGIN_HOURS = 2;

const MINUTES_PER_WEEK = 7 * 24 * 60;
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
const RATE_UNIT_HOURS: Record<string, number> = { minute: 1 / 60, hour: 1, day: 24 };

/** Values of one cron field (`*`, `5`, `1-5`, `MON-FRI`, `0/15`, `8-18/2`, lists); undefined for `L`, `W`, `#` or nonsense. */
function cronFieldValues(field: string, min: number, max: number, names: readonly string[] = []): number[] | undefined {
  const parse = (token: string): number | undefined => {
    const named = names.indexOf(token);
    if (named >= 0) return named + min;
    return /^\d+$/.test(token) ? Number(token) : undefined;
  };
  const values = new Set<number>();
  for (const part of field.toUpperCase().split(',')) {
    const match = /^(\*|[A-Z0-9]+)(?:-([A-Z0-9]+))?(?:\/(\d+))?$/.exec(part);
    if (!match) return undefined;
    const [, first = '', last, stepText] = match;
    const step = stepText === undefined ? 1 : Number(stepText);
    const from = first === '*' ? min : parse(first);
    // `5/15` runs from 5 to the end of the range; a bare `5` is just 5.
    const to = first === '*' ? max : last !== undefined ? parse(last) : stepText !== undefined ? max : from;
    if (from === undefined || to === undefined || step < 1 || from < min || to > max || from > to) return undefined;
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return [...values];
}

/**
 * The longest wall-clock gap between two runs of a cron expression that repeats every week (any
 * day of the month, any month, any year), in hours; undefined for any other expression.
 */
function weeklyCronGapHours(expression: string): number | undefined {
  const fields = /^cron\((.*)\)$/.exec(expression.trim())?.[1]?.trim().split(/\s+/);
  if (fields?.length !== 6) return undefined;
  const [minuteField = '', hourField = '', dayOfMonth, month, dayOfWeek = '', year] = fields;
  if (!['*', '?'].includes(dayOfMonth ?? '') || month !== '*' || year !== '*') return undefined;
  const minutes = cronFieldValues(minuteField, 0, 59);
  const hours = cronFieldValues(hourField, 0, 23);
  // EventBridge Scheduler numbers the days of the week 1 (SUN) to 7 (SAT).
  const days = ['*', '?'].includes(dayOfWeek) ? [1, 2, 3, 4, 5, 6, 7] : cronFieldValues(dayOfWeek, 1, 7, DAY_NAMES);
  if (!minutes || !hours || !days) return undefined;
  const runs = days
    .flatMap((day) => hours.flatMap((hour) => minutes.map((minute) => ((day - 1) * 24 + hour) * 60 + minute)))
    .sort((a, b) => a - b);
  const [firstRun = 0] = runs;
  const gaps = runs.map((run, i) => (runs[i + 1] ?? firstRun + MINUTES_PER_WEEK) - run);
  return Math.max(...gaps) / 60;
}

/** Whether the zone's UTC offset differs between January and July (daylight saving time). */
function observesDaylightSaving(timeZone: string): boolean {
  const offset = (month: number) =>
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(Date.UTC(new Date().getUTCFullYear(), month, 1)))
      .find((part) => part.type === 'timeZoneName')?.value;
  return offset(0) !== offset(6);
}

/**
 * The longest time between two runs of an EventBridge Scheduler expression, in hours, or undefined
 * when it cannot be worked out (`at(…)`, crons restricted by day of month, month or year, `L`, `W`, `#`).
 * A cron expression in a zone with daylight saving time gets an hour more: the night the clocks
 * go back, two runs of a daily schedule are 25 hours apart.
 */
export function longestScheduleGapHours(expression: string, timeZone: string): number | undefined {
  const rate = /^rate\(\s*(\d+)\s+(minute|hour|day)s?\s*\)$/.exec(expression.trim());
  if (rate) {
    const [, count = '0', unit = ''] = rate;
    const hours = Number(count) * (RATE_UNIT_HOURS[unit] ?? 0);
    return hours > 0 ? hours : undefined;
  }
  const gap = weeklyCronGapHours(expression);
  return gap === undefined ? undefined : gap + (observesDaylightSaving(timeZone) ? 1 : 0);
}

/** The stale-scan alarm's window, or why there is none; `warning` is for the person running `cdk synth`. */
export type StaleScanWindow = { hours: number; warning?: string } | { hours: undefined; warning: string };

const formatHours = (hours: number): string => String(Math.round(hours * 100) / 100);

/**
 * Decides how many hours without a completed scan raise the stale-scan alarm. Unset, it is 26, or
 * longer when the schedule's runs are further apart; set, it must cover the longest gap between
 * runs plus a margin, or the alarm would fire between two healthy runs.
 *
 * @throws ConfigurationError naming `staleScanAlarmHours` when the window is too short for the schedule
 */
export function staleScanWindow(schedule: string, timeZone: string, requestedHours?: number): StaleScanWindow {
  const gap = longestScheduleGapHours(schedule, timeZone);
  if (gap === undefined) {
    if (requestedHours !== undefined) return { hours: requestedHours };
    return {
      hours: DEFAULT_STALE_SCAN_ALARM_HOURS,
      warning: `srm-scan cannot tell how far apart the runs of ${schedule} are: the stale-scan alarm fires after ${DEFAULT_STALE_SCAN_ALARM_HOURS} hours without a completed scan. If runs can be further apart, set -c staleScanAlarmHours=<hours> (at most ${MAX_STALE_SCAN_ALARM_HOURS}).`,
    };
  }
  const needed = Math.ceil(gap) + STALE_SCAN_MARGIN_HOURS;
  if (needed > MAX_STALE_SCAN_ALARM_HOURS) {
    const why = `runs of ${schedule} can be ${formatHours(gap)} hours apart, and a CloudWatch alarm looks back at most ${MAX_STALE_SCAN_ALARM_HOURS} hours`;
    if (requestedHours !== undefined) {
      throw new ConfigurationError(
        `Invalid SrmScanStack settings: staleScanAlarmHours: no window works: ${why}. Scan more often, or leave staleScanAlarmHours unset.`,
      );
    }
    return {
      hours: undefined,
      warning: `No stale-scan alarm: ${why}, so nobody will be told if the schedule stops. Scan at least every ${MAX_STALE_SCAN_ALARM_HOURS - STALE_SCAN_MARGIN_HOURS} hours (e.g. rate(6 days)) to get one.`,
    };
  }
  if (requestedHours === undefined) return { hours: Math.max(DEFAULT_STALE_SCAN_ALARM_HOURS, needed) };
  if (requestedHours < needed) {
    throw new ConfigurationError(
      `Invalid SrmScanStack settings: staleScanAlarmHours: ${requestedHours} is too short for ${schedule}, whose runs can be ${formatHours(gap)} hours apart: the alarm would fire between two runs. Use at least ${needed}.`,
    );
  }
  return { hours: requestedHours };
}
