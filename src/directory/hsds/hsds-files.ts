import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import AdmZip from 'adm-zip';
import { parse } from 'csv-parse/sync';
import { Entity, isEntity } from './hsds.types';
import { ImportIssue, RawRow, RawTable, tablesFromDocument } from './hsds-json';

const MAX_FILE_BYTES = 100 * 1024 * 1024;

export interface ReadResult {
  tables: RawTable[];
  issues: ImportIssue[];
}

// Reads an HSDS JSON document, one HSDS-style CSV per table (organizations.csv or organization.csv...),
// a .zip of those, or a folder of them. Problems become report lines, never exceptions.
export function readImportSource(path: string): ReadResult {
  const name = basename(path);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return fileIssue(name, 'cannot be read (no such file)');
  }
  if (stat.isDirectory()) {
    return merge(
      readdirSync(path)
        .filter((f) => /\.(csv|json)$/i.test(f))
        .sort()
        .map((f) => readImportSource(join(path, f))),
    );
  }
  if (stat.size > MAX_FILE_BYTES)
    return fileIssue(name, `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const ext = extname(name).toLowerCase();
  if (ext === '.zip') return readZip(name, readFileSync(path));
  return readBuffer(name, readFileSync(path));
}

export function readBuffer(name: string, buffer: Buffer): ReadResult {
  const ext = extname(name).toLowerCase();
  if (ext !== '.json' && ext !== '.csv') return fileIssue(name, 'is neither .json, .csv nor .zip');
  if (buffer.subarray(0, 8192).includes(0)) return fileIssue(name, 'is not a text file');
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  if (ext === '.json') {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      return fileIssue(name, `is not valid JSON (${(error as Error).message.slice(0, 120)})`);
    }
    return tablesFromDocument(doc, name);
  }
  const entity = entityOfCsv(name);
  if (!entity)
    return fileIssue(
      name,
      'is not named after an HSDS table (organizations, services, locations, service_at_locations, phones, schedules)',
    );
  return readCsv(name, entity, text);
}

function readZip(name: string, buffer: Buffer): ReadResult {
  let zip: AdmZip;
  try {
    zip = new AdmZip(buffer);
  } catch {
    return fileIssue(name, 'is not a valid zip archive');
  }
  const results: ReadResult[] = [];
  for (const entry of zip.getEntries()) {
    if (entry.isDirectory || basename(entry.entryName).startsWith('.')) continue;
    const entryName = `${name}/${entry.entryName}`;
    if (!/\.(csv|json)$/i.test(entry.entryName)) {
      results.push(fileIssue(entryName, 'was ignored (not .csv or .json)'));
    } else if (entry.header.size > MAX_FILE_BYTES) {
      results.push(fileIssue(entryName, `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`));
    } else {
      results.push(readBuffer(entryName, entry.getData()));
    }
  }
  return merge(results);
}

interface ParsedRecord {
  record: Record<string, string>;
  info: { lines: number };
  raw: string;
}

function readCsv(file: string, entity: Entity, text: string): ReadResult {
  const issues: ImportIssue[] = [];
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      info: true,
      raw: true,
      bom: true,
      skip_empty_lines: true,
      relax_quotes: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        issues.push({
          file,
          row: Number(error?.lines ?? 0),
          field: '',
          reason: `malformed CSV record (${error?.code ?? 'unknown'})`,
        });
        return undefined;
      },
    }) as ParsedRecord[];
  } catch (error) {
    return fileIssue(file, `is not valid CSV (${(error as Error).message.slice(0, 120)})`);
  }
  // `lines` counts to the record's end: step back over line breaks inside quoted fields.
  const rows: RawRow[] = records.map(({ record, info, raw }) => ({
    row: info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0),
    data: record,
  }));
  return { tables: [{ entity, file, rows }], issues };
}

function entityOfCsv(name: string): Entity | null {
  const stem = basename(name, extname(name)).toLowerCase();
  if (isEntity(stem)) return stem;
  const plural = `${stem}s`;
  return isEntity(plural) ? plural : null;
}

function fileIssue(file: string, reason: string): ReadResult {
  return { tables: [], issues: [{ file, row: 0, field: '', reason }] };
}

function merge(results: ReadResult[]): ReadResult {
  return { tables: results.flatMap((r) => r.tables), issues: results.flatMap((r) => r.issues) };
}
