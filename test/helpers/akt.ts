import type { Akt, FollowUp, Plan } from '../../src/model/schema.js';

export function plan(p: Partial<Plan> = {}): Plan {
  return { planId: 'P1', created: '2010-06-01', validFrom: '2010-06-01', validTo: '2011-05-31', goal: 'x', nextFollowUp: '2010-12-01', subGoals: [], ...p };
}

export function followUp(date: string, outcome = 'Uppföljning hållen, planen står fast.', extra: Partial<FollowUp> = {}): FollowUp {
  return { date, type: 'trepartssamtal', outcome, ...extra };
}

export function akt(a: Partial<Akt> = {}): Akt {
  return { caseId: 'T-0001', district: 'Testområdet', supportReason: 'arbetsloshet', plans: [], followUps: [], investigations: [], consents: [], placements: [], ...a };
}
