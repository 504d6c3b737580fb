import { HoursLabels, localTime, WeeklyHours } from './opening-hours';

const fr: HoursLabels = {
  days: ['lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim'],
  always: '24h/24',
  unknown: 'inconnu',
};
const office = [
  { byday: 'MO,TU,WE,TH', opens_at: '08:00', closes_at: '16:00' },
  { byday: 'FR', opens_at: '08:00', closes_at: '12:30' },
];

describe('localTime', () => {
  it('reads the weekday and time in Africa/Bamako', () => {
    // 2026-11-23 is a Monday
    expect(localTime(new Date('2026-11-23T09:30:00Z'))).toEqual({
      minuteOfWeek: 9 * 60 + 30,
      date: '2026-11-23',
    });
    expect(localTime(new Date('2026-11-29T23:59:00Z'))).toEqual({
      minuteOfWeek: 6 * 1440 + 23 * 60 + 59,
      date: '2026-11-29',
    });
  });

  it('follows the zone of the formatter it is given', () => {
    const paris = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    expect(localTime(new Date('2026-11-23T23:30:00Z'), paris)).toEqual({
      minuteOfWeek: 1440 + 30,
      date: '2026-11-24',
    });
  });
});

describe('WeeklyHours', () => {
  const at = (iso: string) => localTime(new Date(iso));

  it('is open inside office hours and closed outside', () => {
    const sut = WeeklyHours.fromSchedules(office)!;
    expect(sut.isOpen(at('2026-11-23T08:00:00Z'))).toBe(true);
    expect(sut.isOpen(at('2026-11-23T15:59:00Z'))).toBe(true);
    expect(sut.isOpen(at('2026-11-23T16:00:00Z'))).toBe(false);
    expect(sut.isOpen(at('2026-11-27T13:00:00Z'))).toBe(false);
    expect(sut.isOpen(at('2026-11-27T12:00:00Z'))).toBe(true);
    expect(sut.isOpen(at('2026-11-28T10:00:00Z'))).toBe(false);
  });

  it('runs past midnight, including from Sunday into Monday', () => {
    const sut = WeeklyHours.fromSchedules([
      { byday: 'SU', opens_at: '20:00', closes_at: '06:00' },
    ])!;
    expect(sut.isOpen(at('2026-11-29T22:00:00Z'))).toBe(true);
    expect(sut.isOpen(at('2026-11-30T05:00:00Z'))).toBe(true);
    expect(sut.isOpen(at('2026-11-30T07:00:00Z'))).toBe(false);
  });

  it('honours valid_from and valid_to', () => {
    const sut = WeeklyHours.fromSchedules([
      { ...office[0], valid_from: '2026-12-01', valid_to: '2026-12-31' },
    ])!;
    expect(sut.isOpen(at('2026-11-23T10:00:00Z'))).toBe(false);
    expect(sut.isOpen(at('2026-12-07T10:00:00Z'))).toBe(true);
  });

  it('names days with the same hours together, consecutive ones as a range', () => {
    expect(WeeklyHours.fromSchedules(office)!.describe(fr)).toBe(
      'lun-jeu 08:00-16:00; ven 08:00-12:30',
    );
    expect(
      WeeklyHours.fromSchedules([
        { byday: 'MO,WE,FR', opens_at: '08:30', closes_at: '12:30' },
      ])!.describe(fr),
    ).toBe('lun,mer,ven 08:30-12:30');
    const saturday = { byday: 'SA', opens_at: '08:00', closes_at: '16:00' };
    expect(WeeklyHours.fromSchedules([...office, saturday])!.describe(fr)).toBe(
      'lun-jeu,sam 08:00-16:00; ven 08:00-12:30',
    );
  });

  it('says 24/7 for a schedule open all day every day', () => {
    const sut = WeeklyHours.fromSchedules([
      { byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '23:59' },
    ])!;
    expect(sut.describe(fr)).toBe('24h/24');
    expect(sut.isOpen(at('2026-11-25T23:59:30Z'))).toBe(true);
  });

  it('has no hours without schedules', () => {
    expect(WeeklyHours.fromSchedules([])).toBeNull();
  });
});
