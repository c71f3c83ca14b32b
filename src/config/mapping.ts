import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { CSV_TABLES } from '../model/datasets.js';
import { DELIMITERS } from '../load/delimiter.js';
import { encodingName } from '../load/text.js';
import { TABLE_COLUMNS } from '../model/columns.js';
import { fieldNames, kindsForKey, type FieldKind } from '../model/fields.js';
import type { ExportMapping } from '../ingest/options.js';
import { datePatternProblem } from '../model/values.js';
import { readUserJson } from './read-json.js';
import { issuePath, issueText, unknownKeys } from './issue.js';
import { didYouMean, suggestion } from './suggest.js';

const Table = z.enum(CSV_TABLES);

function fits(kind: FieldKind, target: string | boolean): boolean {
  if (kind.kind === 'boolean') return typeof target === 'boolean';
  return typeof target === 'string' && (kind.kind !== 'enum' || kind.values.includes(target));
}

export const MappingSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    encoding: z
      .string()
      .refine((e) => {
        try {
          encodingName(e);
          return true;
        } catch {
          return false;
        }
      }, { message: 'unknown encoding; use e.g. utf-8, windows-1252 or utf-16le', params: { sv: 'okänd teckenkodning; använd t.ex. utf-8, windows-1252 eller utf-16le' } })
      .optional(),
    delimiter: z.enum(DELIMITERS).optional(),
    files: z.record(z.string(), Table.nullable()).optional(),
    sheets: z.record(z.string(), Table.nullable()).optional(),
    archive: z
      .strictObject({
        maxMembers: z.number().int().positive().optional(),
        maxMemberBytes: z.number().int().positive().optional(),
        maxTotalBytes: z.number().int().positive().optional(),
        maxRatio: z.number().positive().optional(),
      })
      .optional(),
    columns: z.partialRecord(Table, z.record(z.string(), z.string().nullable())).optional(),
    values: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.boolean(), z.null()]))).optional(),
    dateFormats: z.array(z.string().min(1)).optional(),
  })
  .superRefine((m, ctx) => {
    (m.dateFormats ?? []).forEach((pattern, i) => {
      const problem = datePatternProblem(pattern);
      if (problem) ctx.addIssue({ code: 'custom', path: ['dateFormats', i], message: problem.en, params: { sv: problem.sv } });
    });
    for (const [table, columns] of Object.entries(m.columns ?? {})) {
      const known = TABLE_COLUMNS[table as keyof typeof TABLE_COLUMNS];
      for (const [header, target] of Object.entries(columns ?? {})) {
        if (target !== null && !known.includes(target)) {
          ctx.addIssue({
            code: 'custom',
            path: ['columns', table, header],
            message: `"${target}" is not a column of ${table}${didYouMean(target, known)}; use one of ${known.join(', ')}, or null`,
            params: { sv: `"${target}" är ingen kolumn i ${table}${suggestion(target, known).sv}; använd någon av ${known.join(', ')}, eller null` },
          });
        }
      }
    }
    for (const [field, table] of Object.entries(m.values ?? {})) {
      const kinds = kindsForKey(field);
      if (kinds.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['values', field], message: `no field "${field}" in format v1${didYouMean(field, fieldNames())}`, params: { sv: `inget fält "${field}" i format v1${suggestion(field, fieldNames()).sv}` } });
        continue;
      }
      for (const [code, target] of Object.entries(table)) {
        if (target === null || kinds.some((k) => fits(k, target))) continue;
        const expected = (or: string, bool: string, str: string) => kinds.map((k) => (k.kind === 'enum' ? k.values.join(', ') : k.kind === 'boolean' ? bool : str)).join(`; ${or} `);
        ctx.addIssue({ code: 'custom', path: ['values', field, code], message: `must be ${expected('or', 'true or false', 'a string')}, or null`, params: { sv: `ska vara ${expected('eller', 'true eller false', 'en sträng')}, eller null` } });
      }
    }
  });

/** Checks a mapping (inline in the config or from its own file); `where` names it in errors. */
export function parseMapping(raw: unknown, where: string): ExportMapping {
  const r = MappingSchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const at = issuePath(issue);
  if (issue.code === 'unrecognized_keys') throw new UserError('unknown-key', { file: where, keys: unknownKeys(issue.keys, Object.keys(MappingSchema.shape)), where: at });
  throw new UserError('invalid-setting', { file: where, where: at, message: issueText(MappingSchema, raw, issue) });
}

/** Reads a mapping file; a relative path is taken from `base` (the config file's folder). */
export async function loadMapping(file: string, base = '.'): Promise<ExportMapping> {
  const shown = path.relative('.', path.resolve(base, file)) || file;
  return parseMapping(await readUserJson(path.resolve(base, file), { sv: 'mappningsfilen', en: 'mapping file' }), shown);
}
