import { AuthUser } from '../auth/role';
import { canSee, priorityOf, visibleFilter } from './handoff-rules';

const user = (role: AuthUser['role'], regions: string[] = []): AuthUser => ({
  id: 'u1',
  email: 'u@x',
  role,
  regions,
});

describe('handoff rules', () => {
  it('ranks urgent before vulnerable before everyone else', () => {
    expect(priorityOf({ urgent: true, vulnerable: true })).toBeLessThan(
      priorityOf({ urgent: false, vulnerable: true }),
    );
    expect(priorityOf({ urgent: false, vulnerable: true })).toBeLessThan(
      priorityOf({ urgent: false }),
    );
  });

  it('shows caseworkers their regions and unrouted tickets only', () => {
    const sut = user('caseworker', ['Kayes']);
    expect(canSee(sut, { region: 'Kayes' })).toBe(true);
    expect(canSee(sut, { region: null })).toBe(true);
    expect(canSee(sut, { region: 'Mopti' })).toBe(false);
  });

  it('shows supervisors and admins every region', () => {
    expect(canSee(user('supervisor'), { region: 'Mopti' })).toBe(true);
    expect(canSee(user('admin'), { region: 'Mopti' })).toBe(true);
  });

  it('gives lists the same rule as a query filter', () => {
    expect(visibleFilter(user('caseworker', ['Kayes', 'Sikasso']))).toEqual({
      $or: [{ region: { $in: ['Kayes', 'Sikasso'] } }, { region: null }],
    });
    expect(visibleFilter(user('supervisor', ['Kayes']))).toEqual({});
    expect(visibleFilter(user('admin'))).toEqual({});
  });
});
