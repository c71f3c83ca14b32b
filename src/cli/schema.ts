import { Command, Option } from 'commander';
import { exportJsonSchema } from '../model/schema.js';
import { reportJsonSchema } from '../report/schema.js';
import { writeOutput } from './output.js';

export function schemaCommand(): Command {
  return new Command('schema')
    .description('print the JSON Schema of export format v1, or with --report that of the JSON report')
    .option('--report', 'the schema of `check --format json` instead')
    .option('-o, --output <file>', 'write it to a file')
    // Only the help and the error lines have words to translate; the schema itself is English.
    .addOption(new Option('--lang <lang>', 'language').choices(['sv', 'en']))
    .action(async (flags: { output?: string; report?: boolean }) => {
      const schema = flags.report ? reportJsonSchema() : exportJsonSchema();
      await writeOutput(flags.output, `${JSON.stringify(schema, null, 2)}\n`);
    });
}
