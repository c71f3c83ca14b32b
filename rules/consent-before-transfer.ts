import { z } from 'zod';
import { minDate } from '../src/engine/akt-helpers.js';
import { NOT_REFERRED } from '../src/engine/common-reasons.js';
import { defineRule } from '../src/engine/types.js';
import { foldText } from '../src/engine/text.js';

export default defineRule({
  id: 'consent-before-transfer',
  title: { sv: 'Samtycke före informationsöverföring', en: 'Consent before information is shared' },
  criterion: {
    sv: 'Innan uppgifter om den enskilde lämnas till jobbtorget ska den enskilde ha samtyckt till det, och samtycket ska vara dokumenterat.',
    en: 'Before information about the client is passed to the job centre, the client has consented, and the consent is documented.',
    source: 'Offentlighets- och sekretesslagen (2009:400) 26 kap. 1 § och 12 kap. 2 §; Socialtjänst- och arbetsmarknadsnämndens svar på revisionsrapport 4-2010 Jobbtorg Stockholm (2010), punkt 2',
  },
  theme: 'cooperation',
  defaultSeverity: 'error',
  requires: ['jobCenter', 'consents'],
  fields: ['jobCenter.referred'],
  options: z.strictObject({
    scopes: z
      .array(z.string().min(1))
      .default(['jobbtorg'])
      .describe('Scope words: a consent covers sharing with the jobbtorg when its scope, folded, contains one ("Jobbtorg Stockholm", "JOBBTORGET KISTA")'),
    acceptGeneral: z.boolean().default(true).describe('Whether a consent with no scope counts'),
  }),
  reasons: {
    'no-consent': {
      sv: 'Akten remitterades till jobbtorget ({referred}) utan dokumenterat samtycke.',
      en: 'The case was referred to the job centre ({referred}) with no documented consent.',
    },
    'consent-after-referral': {
      sv: 'Samtycket ({consented}) är daterat efter remissen till jobbtorget ({referred}).',
      en: 'The consent ({consented}) is dated after the referral to the job centre ({referred}).',
    },
  },
  notApplicable: NOT_REFERRED,
  observation: {
    sv: 'I {failed} av {applicable} akter som remitterats till jobbtorg saknas ett samtycke som getts före remissen.',
    en: 'In {failed} of {applicable} case files referred to a job centre there is no consent given before the referral.',
  },
  recommendation: {
    sv: 'Stadsdelsnämnden bör säkerställa att den enskildes samtycke inhämtas och dokumenteras innan uppgifter lämnas till jobbtorget.',
    en: "The district committee should ensure that the client's consent is obtained and documented before information is passed to the job centre.",
  },
  check(akt, ctx, options) {
    const referred = akt.jobCenter?.referred;
    if (referred === undefined || referred > ctx.asOf) return { status: 'not-applicable', reason: { code: 'not-referred' } };
    const words = options.scopes.map(foldText);
    const covers = (scope: string) => {
      const f = foldText(scope);
      return words.some((w) => w !== '' && f.includes(w));
    };
    const covering = akt.consents.filter((c) => (c.date === undefined || c.date <= ctx.asOf) && (c.scope === undefined ? options.acceptGeneral : covers(c.scope)));
    if (covering.length === 0) return { status: 'fail', reasons: [{ code: 'no-consent', data: { referred } }] };
    const consented = minDate(covering.map((c) => c.date));
    if (consented !== undefined && consented > referred) {
      return { status: 'fail', reasons: [{ code: 'consent-after-referral', data: { consented, referred } }] };
    }
    return { status: 'pass', evidence: { consented: consented ?? '–' } };
  },
});
