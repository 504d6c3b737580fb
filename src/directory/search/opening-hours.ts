import type { ScheduleRecord } from '../hsds/hsds.types';
import { WEEKDAYS } from '../hsds/hsds.types';

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

export const DIRECTORY_TIME_ZONE = 'Africa/Bamako';

// Local time in Bamako as the opening-hours check needs it.
export interface LocalTime {
  // 0 = Monday 00:00
  minuteOfWeek: number;
  // YYYY-MM-DD
  date: string;
}

export interface HoursLabels {
  // Short day names, Monday first.
  days: readonly string[];
  always: string;
  unknown: string;
}

interface Interval {
  start: number;
  end: number;
  validFrom?: string;
  validTo?: string;
}

type ScheduleLike = Pick<
  ScheduleRecord,
  'byday' | 'opens_at' | 'closes_at' | 'valid_from' | 'valid_to'
>;

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: DIRECTORY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAY_INDEX: Record<string, number> = {
  Mon: 0,
  Tue: 1,
  Wed: 2,
  Thu: 3,
  Fri: 4,
  Sat: 5,
  Sun: 6,
};

// Through the tz database rather than assuming UTC+0, so a future change of Mali's offset is honoured.
// Searches in the same minute share one conversion (the formatter is the slow part).
let lastMinute = NaN;
let lastTime: LocalTime | null = null;

export function localTime(at: Date, formatterFor: Intl.DateTimeFormat = formatter): LocalTime {
  const minute = Math.floor(at.getTime() / 60_000);
  if (formatterFor === formatter && minute === lastMinute && lastTime) return lastTime;
  const parts: Record<string, string> = {};
  for (const part of formatterFor.formatToParts(at)) parts[part.type] = part.value;
  const minuteOfDay = Number(parts.hour) * 60 + Number(parts.minute);
  const time = {
    minuteOfWeek: WEEKDAY_INDEX[parts.weekday] * MINUTES_PER_DAY + minuteOfDay,
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
  if (formatterFor === formatter) {
    lastMinute = minute;
    lastTime = time;
  }
  return time;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

// A week of opening intervals built from HSDS weekly schedules.
export class WeeklyHours {
  private constructor(
    private readonly intervals: Interval[],
    private readonly regular: ScheduleLike[],
  ) {}

  static fromSchedules(schedules: ScheduleLike[]): WeeklyHours | null {
    if (!schedules.length) return null;
    const intervals: Interval[] = [];
    for (const schedule of schedules) {
      const opens = minutes(schedule.opens_at);
      let closes = minutes(schedule.closes_at);
      // 23:59 is HSDS's way to say "until midnight"; closing before opening runs past midnight.
      if (schedule.closes_at === '23:59') closes = MINUTES_PER_DAY;
      if (closes <= opens) closes += MINUTES_PER_DAY;
      for (const day of schedule.byday.split(',')) {
        const index = (WEEKDAYS as readonly string[]).indexOf(day);
        if (index < 0) continue;
        intervals.push({
          start: index * MINUTES_PER_DAY + opens,
          end: index * MINUTES_PER_DAY + closes,
          validFrom: schedule.valid_from,
          validTo: schedule.valid_to,
        });
      }
    }
    // Seasonal schedules count for "open now" but the regular ones describe the hours.
    const regular = schedules.filter((s) => !s.valid_from && !s.valid_to);
    return new WeeklyHours(intervals, regular.length ? regular : schedules);
  }

  isOpen(at: LocalTime): boolean {
    for (const interval of this.intervals) {
      if (interval.validFrom && at.date < interval.validFrom) continue;
      if (interval.validTo && at.date > interval.validTo) continue;
      const m = at.minuteOfWeek;
      if (m >= interval.start && m < interval.end) return true;
      // an interval running past Sunday midnight continues on Monday
      if (interval.end > MINUTES_PER_WEEK && m < interval.end - MINUTES_PER_WEEK) return true;
    }
    return false;
  }

  // Short enough for an SMS: "lun-jeu 08:00-16:00; ven 08:00-12:30", "lun,mer,ven 08:30-12:30".
  describe(labels: HoursLabels): string {
    const perDay: string[][] = WEEKDAYS.map(() => []);
    for (const schedule of this.regular) {
      const span = `${schedule.opens_at}-${schedule.closes_at}`;
      for (const day of schedule.byday.split(',')) {
        const index = (WEEKDAYS as readonly string[]).indexOf(day);
        if (index >= 0 && !perDay[index].includes(span)) perDay[index].push(span);
      }
    }
    const texts = perDay.map((spans) => spans.sort().join(', '));
    if (texts.every((t) => t === '00:00-23:59' || t === '00:00-24:00' || t === '00:00-00:00'))
      return labels.always;
    // Days sharing the same hours are named together, runs of days as ranges.
    const groups: string[] = [];
    const done = new Set<string>();
    for (let day = 0; day < 7; day++) {
      const text = texts[day];
      if (!text || done.has(text)) continue;
      done.add(text);
      const runs: string[] = [];
      for (let first = day; first < 7; first++) {
        if (texts[first] !== text) continue;
        let last = first;
        while (last + 1 < 7 && texts[last + 1] === text) last++;
        runs.push(
          last === first ? labels.days[first] : `${labels.days[first]}-${labels.days[last]}`,
        );
        first = last;
      }
      groups.push(`${runs.join(',')} ${text}`);
    }
    return groups.length ? groups.join('; ') : labels.unknown;
  }
}

export function describeHours(hours: WeeklyHours | null, labels: HoursLabels): string {
  return hours ? hours.describe(labels) : labels.unknown;
}
