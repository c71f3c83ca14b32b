import { z } from 'zod';
import { isIsoDate } from './dates.js';

/**
 * Export format v1: the contract. These schemas are the single source for validation, for the
 * TypeScript types a rule sees, and for the JSON Schema in docs/ (`aktgranskning schema`).
 * Error messages are problem codes, so that validation yields data, not prose; the readers state
 * each field's code explicitly (kindCheck) and test/field-checks.test.ts holds the two equal.
 */
export const FORMAT_VERSION = 1;

const text = () => z.string({ error: 'wrong-type' }).trim();
const isoDate = () =>
  z
    .string({ error: 'wrong-type' })
    .trim()
    .refine(isIsoDate, { message: 'invalid-date' })
    .meta({ format: 'date', description: 'ISO date YYYY-MM-DD' });

export const SUPPORT_REASONS = ['arbetsloshet', 'sociala-medicinska', 'ovrigt'] as const;
export const FOLLOW_UP_TYPES = [
  'uppfoljning',
  'trepartssamtal',
  'narvarokontroll',
  'arendegenomgang',
  'utvardering',
  'annat',
] as const;

export const SubGoalSchema = z.strictObject({
  text: text().optional().describe('The delmål as written in the plan'),
  due: isoDate().optional().describe('When the delmål is to be reached'),
});

export const PlanSchema = z.strictObject({
  planId: text().optional().describe('Unique within the akt; child rows and follow-ups refer to it'),
  created: isoDate().optional().describe('Date the arbetsplan was drawn up (upprättad)'),
  validFrom: isoDate().optional().describe('First day the plan is in force'),
  validTo: isoDate().optional().describe('Last day the plan is in force'),
  goal: text().optional().describe('The goal (mål) of the plan, free text'),
  subGoals: z.array(SubGoalSchema, { error: 'wrong-type' }).optional().describe('Delmål'),
  activities: text().optional().describe('Planned activities, free text'),
  requirements: text().optional().describe('Krav på motprestation, free text'),
  clientView: text().optional().describe("The client's own view, free text"),
  nextFollowUp: isoDate().optional().describe('Date of the next planned follow-up'),
  replaces: text().optional().describe('planId of the plan this one replaces'),
});

export const FollowUpSchema = z.strictObject({
  date: isoDate().optional().describe('Date the follow-up was held'),
  planId: text().optional().describe('The plan followed up'),
  type: z.enum(FOLLOW_UP_TYPES, { error: 'invalid-value' }).optional().describe('Kind of follow-up'),
  outcome: text().optional().describe('What the follow-up found (the journal note)'),
  goalsRevised: z.boolean({ error: 'wrong-type' }).optional().describe('Whether the goals were revised'),
});

export const PLACEMENT_TYPES = ['praktik', 'arbetstraning', 'kompetenshojande', 'annat'] as const;

export const InvestigationSchema = z.strictObject({
  date: isoDate().optional().describe('Date the grundutredning was completed'),
  type: text().optional().describe('Kind of investigation, e.g. grundutredning, fördjupad utredning'),
});

export const ConsentSchema = z.strictObject({
  date: isoDate().optional().describe('Date the samtycke was given'),
  scope: text().optional().describe('Whom the samtycke lets the district share with, e.g. jobbtorg, arbetsformedlingen, region; empty = general'),
});

export const JobCenterSchema = z.strictObject({
  referred: isoDate().optional().describe('Date the district referred the client to the jobbtorg'),
  firstMeeting: isoDate().optional().describe('First meeting at the jobbtorg'),
  enrolled: isoDate().optional().describe('Date the client was enrolled as aspirant'),
  jobPlanCreated: isoDate().optional().describe('Date the jobbtorg wrote the first jobbplan'),
  jobPlanReceived: isoDate().optional().describe('Date the district received the jobbplan'),
  exited: isoDate().optional().describe('Date the aspirant left the jobbtorg'),
});

export const PlacementSchema = z.strictObject({
  start: isoDate().optional().describe('First day of the activity the client is anvisad to'),
  type: z.enum(PLACEMENT_TYPES, { error: 'invalid-value' }).optional().describe('Kind of activity'),
  afConsulted: isoDate().optional().describe('Date Arbetsförmedlingen was consulted (samråd) about the placement'),
});

export const AktSchema = z.strictObject({
  caseId: text().min(1, { message: 'missing-required' }).describe('Unique within the export'),
  district: text().min(1, { message: 'missing-required' }).describe('Stadsdel'),
  personId: text().optional().describe('Personnummer: personal data, never printed'),
  caseworker: text().optional().describe('Handläggare'),
  supportReason: z.enum(SUPPORT_REASONS, { error: 'invalid-value' }).optional().describe('Försörjningshinder'),
  supportStart: isoDate().optional().describe('Start of the current period of ekonomiskt bistånd'),
  plans: z.array(PlanSchema, { error: 'wrong-type' }).optional().describe('Arbetsplaner'),
  followUps: z.array(FollowUpSchema, { error: 'wrong-type' }).optional().describe('Uppföljningar'),
  investigations: z.array(InvestigationSchema, { error: 'wrong-type' }).optional().describe('Utredningar (grundutredning)'),
  consents: z.array(ConsentSchema, { error: 'wrong-type' }).optional().describe('Samtycken'),
  jobCenter: JobCenterSchema.optional().describe('The akt at the jobbtorg'),
  placements: z.array(PlacementSchema, { error: 'wrong-type' }).optional().describe('Anvisningar to activities'),
});

export type SubGoal = z.infer<typeof SubGoalSchema>;
export type FollowUp = z.infer<typeof FollowUpSchema>;
export type Investigation = z.infer<typeof InvestigationSchema>;
export type Consent = z.infer<typeof ConsentSchema>;
export type JobCenter = z.infer<typeof JobCenterSchema>;
export type Placement = z.infer<typeof PlacementSchema>;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];
export type SupportReason = (typeof SUPPORT_REASONS)[number];
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

/** An akt as the rules see it: invalid fields already removed, lists always present. */
export interface Plan extends Omit<z.infer<typeof PlanSchema>, 'subGoals'> {
  subGoals: SubGoal[];
}
export interface Akt {
  caseId: string;
  district: string | undefined;
  personId?: string;
  caseworker?: string;
  supportReason?: SupportReason;
  supportStart?: string;
  plans: Plan[];
  followUps: FollowUp[];
  investigations: Investigation[];
  consents: Consent[];
  jobCenter?: JobCenter;
  placements: Placement[];
}

/** One JSON Schema document for format v1 (an akt, or an array of akter). */
export function exportJsonSchema(): Record<string, unknown> {
  const akt = z.toJSONSchema(AktSchema, { target: 'draft-2020-12', io: 'input' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://aktgranskning.example/schema/export-format-v1.json',
    title: 'aktgranskning export format v1',
    description: 'One akt, or an array of akter. NDJSON files hold one akt per line.',
    oneOf: [{ $ref: '#/$defs/akt' }, { type: 'array', items: { $ref: '#/$defs/akt' } }],
    $defs: { akt: { ...akt, $schema: undefined } },
  };
}
