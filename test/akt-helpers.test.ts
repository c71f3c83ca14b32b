import { describe, expect, it } from 'vitest';
import {
  aspirantSince,
  currentPlan,
  daysBefore,
  documentedDates,
  firstWholeMonth,
  isDocumented,
  longestGap,
  monthsFrom,
  newestPlan,
  planInForce,
  previousMonth,
  weekdaysBetween,
} from '../src/engine/akt-helpers.js';
import { addDays, daysBetween, fromEpochDay, isIsoDate, maxDate, minDate, toEpochDay } from '../src/model/dates.js';
import { akt, followUp, plan } from './helpers/akt.js';

const D = '2010-11-15';

describe('dates', () => {
  it.each([
    ['2010-11-30', true],
    ['2010-11-31', false],
    ['2010-12-32', false],
    ['2100-02-29', false],
    ['2004-02-29', true],
    ['2000-02-29', true],
    ['2010-02-29', false],
    ['2010-02-28', true],
    ['2012-04-30', true],
    ['2012-04-31', false],
    ['2012-01-31', true],
    ['2010-00-10', false],
    ['2010-01-10', true],
    ['2010-12-10', true],
    ['2010-13-10', false],
    ['2010-05-00', false],
    ['2010-05-01', true],
    ['2010-01-01x', false],
    ['x2010-01-01', false],
  ])('isIsoDate(%s) → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('counts epoch days in UTC, both ways', () => {
    expect([toEpochDay('1970-01-01'), toEpochDay('1970-01-02'), toEpochDay('2010-11-15')]).toEqual([0, 1, 14928]);
    expect([fromEpochDay(0), fromEpochDay(14928)]).toEqual(['1970-01-01', '2010-11-15']);
    expect([addDays('2010-02-28', 1), addDays('2010-03-01', -1), addDays('2010-12-31', 1)]).toEqual(['2010-03-01', '2010-02-28', '2011-01-01']);
    expect([daysBetween('2010-01-01', '2010-12-31'), daysBetween('2010-03-02', '2010-03-01')]).toEqual([364, -1]);
    expect(daysBefore(D, 365)).toBe('2009-11-15');
  });

  it('finds the earliest and latest date, skipping unknown ones', () => {
    const dates = [undefined, '2010-02-01', '2010-01-01', undefined, '2010-03-01', '2010-02-15'];
    expect([minDate(dates), maxDate(dates)]).toEqual(['2010-01-01', '2010-03-01']);
    expect([minDate([]), maxDate([]), minDate([undefined]), maxDate([undefined])]).toEqual([undefined, undefined, undefined, undefined]);
    expect([minDate(['2010-05-01']), maxDate(['2010-05-01'])]).toEqual(['2010-05-01', '2010-05-01']);
  });
});

describe('plans', () => {
  it('the current plan covers D, ends included; of several, the latest validFrom, the later of equals', () => {
    const from = plan({ planId: 'from', validFrom: D, validTo: '2011-01-01' });
    const to = plan({ planId: 'to', validFrom: '2010-01-01', validTo: D });
    expect(currentPlan(akt({ plans: [from] }), D)?.planId).toBe('from');
    expect(currentPlan(akt({ plans: [to] }), D)?.planId).toBe('to');
    expect(currentPlan(akt({ plans: [from, to] }), D)?.planId).toBe('from');
    expect(currentPlan(akt({ plans: [to, from] }), D)?.planId).toBe('from');
    expect(currentPlan(akt({ plans: [to, { ...to, planId: 'same' }] }), D)?.planId).toBe('same');
    const outside = [plan({ validFrom: '2010-11-16' }), plan({ validTo: '2010-11-14' }), plan({ validFrom: undefined }), plan({ validTo: undefined })];
    expect(currentPlan(akt({ plans: outside }), D)).toBeUndefined();
  });

  it("the built-in rules' current plan is currentPlan's, kept only while the list of plans, its length and the audit date are the same", () => {
    const from = plan({ planId: 'from', validFrom: D, validTo: '2011-01-01' });
    const to = plan({ planId: 'to', validFrom: '2010-01-01', validTo: D });
    const a = akt({ plans: [to] });
    expect(planInForce(a, D)).toBe(currentPlan(a, D));
    expect(planInForce(a, D)?.planId).toBe('to');
    // Kept: a plan changed in place (which no rule does) is not looked at again.
    to.validTo = '2010-11-14';
    expect(planInForce(a, D)?.planId).toBe('to');
    to.validTo = D;
    // Another audit date, with the same list.
    expect(planInForce(a, '2010-11-16')).toBeUndefined();
    expect(planInForce(a, D)?.planId).toBe('to');
    // Another list of the same length.
    a.plans = [from];
    expect(planInForce(a, D)?.planId).toBe('from');
    // The same list, grown.
    a.plans.push(to);
    expect(planInForce(a, D)?.planId).toBe('from');
    a.plans.length = 1;
    a.plans[0] = to;
    expect(planInForce(a, D)?.planId).toBe('to');
    // Another akt with the same list: the same answer.
    expect(planInForce(akt({ plans: a.plans }), D)?.planId).toBe('to');
    expect(planInForce(akt(), D)).toBeUndefined();
  });

  it('the newest plan: by created, else validFrom, else the later in the akt', () => {
    expect(newestPlan(akt())).toBeUndefined();
    expect(newestPlan(akt({ plans: [plan({ planId: 'b', created: '2010-02-01' }), plan({ planId: 'a', created: '2010-01-01' })] }))?.planId).toBe('b');
    expect(newestPlan(akt({ plans: [plan({ planId: 'a', created: undefined, validFrom: '2010-03-01' }), plan({ planId: 'b', created: '2010-02-01' })] }))?.planId).toBe('a');
    const undated = { created: undefined, validFrom: undefined };
    expect(newestPlan(akt({ plans: [plan({ planId: 'a', ...undated }), plan({ planId: 'b', ...undated })] }))?.planId).toBe('b');
    expect(newestPlan(akt({ plans: [plan({ planId: 'a', created: '2010-01-01' }), plan({ planId: 'b', ...undated })] }))?.planId).toBe('a');
  });
});

describe('follow-ups', () => {
  it('a documented follow-up is dated on or before D with its outcome written', () => {
    expect(isDocumented(followUp(D), D)).toBe(true);
    expect(isDocumented(followUp('2010-11-16'), D)).toBe(false);
    expect(isDocumented({ type: 'uppfoljning', outcome: 'Bra.' }, D)).toBe(false);
    expect(isDocumented(followUp(D, '-'), D)).toBe(false);
    expect(isDocumented(followUp(D, 'Enligt plan'), D, ['enligt plan'])).toBe(false);
  });

  it('documented dates, of the given types (all when none are given)', () => {
    const a = akt({ followUps: [followUp('2010-01-01'), followUp('2010-02-01', 'x'), followUp('2010-03-01', 'Klart.', { type: 'utvardering' }), { date: '2010-04-01', outcome: 'Bra.' }] });
    expect(documentedDates(a, D)).toEqual(['2010-01-01', '2010-03-01', '2010-04-01']);
    expect(documentedDates(a, D, ['utvardering'])).toEqual(['2010-03-01']);
    expect(documentedDates(a, D, [], ['klart'])).toEqual(['2010-01-01', '2010-04-01']);
  });

  it('the longest gap between start, the dates inside, and end; the first of equal gaps', () => {
    expect(longestGap('2010-01-01', '2010-01-31', [])).toEqual({ from: '2010-01-01', to: '2010-01-31', days: 30 });
    expect(longestGap('2010-01-01', '2010-01-31', ['2010-01-21', '2010-01-11'])).toEqual({ from: '2010-01-01', to: '2010-01-11', days: 10 });
    expect(longestGap('2010-01-01', '2010-01-31', ['2010-01-05', '2009-12-01', '2010-02-20'])).toEqual({ from: '2010-01-05', to: '2010-01-31', days: 26 });
    expect(longestGap('2010-01-01', '2010-01-31', ['2010-01-01', '2010-01-31'])).toEqual({ from: '2010-01-01', to: '2010-01-31', days: 30 });
    expect(longestGap('2010-01-01', '2010-01-01', [])).toEqual({ from: '2010-01-01', to: '2010-01-01', days: 0 });
  });
});

describe('jobbtorg and calendar', () => {
  it('an aspirant is enrolled on or before D and not exited before D', () => {
    expect(aspirantSince(akt(), D)).toBeUndefined();
    expect(aspirantSince(akt({ jobCenter: {} }), D)).toBeUndefined();
    expect(aspirantSince(akt({ jobCenter: { enrolled: D } }), D)).toBe(D);
    expect(aspirantSince(akt({ jobCenter: { enrolled: '2010-11-16' } }), D)).toBeUndefined();
    expect(aspirantSince(akt({ jobCenter: { enrolled: '2010-01-01', exited: D } }), D)).toBe('2010-01-01');
    expect(aspirantSince(akt({ jobCenter: { enrolled: '2010-01-01', exited: '2010-11-14' } }), D)).toBeUndefined();
  });

  it('counts Monday to Friday after the first day up to the last', () => {
    // 2010-03-05 was a Friday.
    expect(weekdaysBetween('2010-03-05', '2010-03-05')).toBe(0);
    expect(weekdaysBetween('2010-03-05', '2010-03-07')).toBe(0);
    expect(weekdaysBetween('2010-03-05', '2010-03-08')).toBe(1);
    expect(weekdaysBetween('2010-03-07', '2010-03-08')).toBe(1);
    expect(weekdaysBetween('2010-03-08', '2010-03-14')).toBe(4);
    expect(weekdaysBetween('2010-03-05', '2010-03-19')).toBe(10);
  });

  it('walks calendar months', () => {
    expect(monthsFrom('2010-11-15', '2011-02-01')).toEqual(['2010-11', '2010-12', '2011-01', '2011-02']);
    expect(monthsFrom('2010-11-15', '2010-11-30')).toEqual(['2010-11']);
    expect(monthsFrom('2010-12-01', '2010-11-30')).toEqual([]);
    expect([firstWholeMonth('2010-03-01'), firstWholeMonth('2010-03-02'), firstWholeMonth('2010-12-05'), firstWholeMonth('2010-09-10')]).toEqual(['2010-03', '2010-04', '2011-01', '2010-10']);
    expect([previousMonth('2010-01-15'), previousMonth('2010-03-01'), previousMonth('2010-11-30')]).toEqual(['2009-12', '2010-02', '2010-10']);
  });
});
