import { Command } from 'commander';
import { exportJsonSchema } from '../model/schema.js';
import { writeOutput } from './output.js';

export function schemaCommand(): Command {
  return new Command('schema')
    .description('print the JSON Schema of export format v1')
    .option('-o, --output <file>', 'write it to a file')
    .action(async (flags: { output?: string }) => {
      await writeOutput(flags.output, `${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
    });
}
