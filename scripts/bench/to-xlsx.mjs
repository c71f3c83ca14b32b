// Writes the XLSX layout of a generated export: one workbook, a sheet per CSV table (named as the
// table), dates as real date cells and booleans as boolean cells, as a case system's report module
// would. Usage: node scripts/bench/to-xlsx.mjs <csv dir> <workbook>
import { createReadStream, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TABLES = ['cases', 'plans', 'subgoals', 'followups'];

export async function writeWorkbook(dir, file) {
  mkdirSync(path.dirname(file), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  wb.created = wb.modified = new Date(Date.UTC(2011, 0, 1));
  for (const t of TABLES.filter((x) => readdirSync(dir).includes(`${x}.csv`))) await writeSheet(wb, dir, t);
  await wb.commit();
}

async function writeSheet(wb, dir, t) {
  const sheet = wb.addWorksheet(t);
  let header = true;
  for await (const record of createReadStream(path.join(dir, `${t}.csv`)).pipe(parse())) {
    if (header) {
      sheet.addRow(record).commit();
      header = false;
      continue;
    }
    const row = sheet.addRow(record.map((v) => (DATE.test(v) ? new Date(`${v}T00:00:00Z`) : v === 'true' ? true : v === 'false' ? false : v === '' ? null : v)));
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = 'yyyy-mm-dd';
    });
    row.commit();
  }
  sheet.commit();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await writeWorkbook(process.argv[2], process.argv[3]);
