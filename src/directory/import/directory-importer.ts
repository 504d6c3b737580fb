import { Injectable, Logger } from '@nestjs/common';
import { GeographyService } from '../../geography/geography.service';
import { DirectoryStore, UpsertCounts } from '../directory.store';
import { readImportSource } from '../hsds/hsds-files';
import { ImportIssue, RawTable, tablesFromDocument } from '../hsds/hsds-json';
import { validateRow } from '../hsds/hsds-rows';
import { Entity, EntityRecords, ENTITIES } from '../hsds/hsds.types';

// Report lines kept in full; beyond that only counted (5 MB of garbage must not make a 5 MB report).
export const MAX_REPORTED_ISSUES = 1000;

export interface EntityCounts extends UpsertCounts {
  read: number;
  rejected: number;
}

export interface ImportReport {
  sources: string[];
  counts: Record<Entity, EntityCounts>;
  issues: ImportIssue[];
  issueCount: number;
  changed: boolean;
}

export interface ImportOptions {
  onProgress?: (done: number, total: number) => void;
}

// Foreign keys checked per table: field → table it points to.
const REFERENCES: { [E in Entity]: Partial<Record<keyof EntityRecords[E] & string, Entity>> } = {
  organizations: {},
  locations: { organization_id: 'organizations' },
  services: { organization_id: 'organizations' },
  service_at_locations: { service_id: 'services', location_id: 'locations' },
  phones: {
    organization_id: 'organizations',
    service_id: 'services',
    location_id: 'locations',
    service_at_location_id: 'service_at_locations',
  },
  schedules: {
    service_id: 'services',
    location_id: 'locations',
    service_at_location_id: 'service_at_locations',
  },
};

// Validates every row, keeps the good ones even when others are bad, and upserts them by HSDS id.
@Injectable()
export class DirectoryImporter {
  private readonly logger = new Logger(DirectoryImporter.name);

  constructor(
    private readonly store: DirectoryStore,
    private readonly geography: GeographyService,
  ) {}

  async importPaths(paths: string[], options: ImportOptions = {}): Promise<ImportReport> {
    const read = paths.map((p) => readImportSource(p));
    return this.importTables(
      read.flatMap((r) => r.tables),
      read.flatMap((r) => r.issues),
      paths,
      options,
    );
  }

  async importDocument(
    doc: unknown,
    source: string,
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    const { tables, issues } = tablesFromDocument(doc, source);
    return this.importTables(tables, issues, [source], options);
  }

  async importTables(
    tables: RawTable[],
    readIssues: ImportIssue[],
    sources: string[],
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    const report = new ReportBuilder(sources);
    for (const issue of readIssues) report.issue(issue);
    const total = tables.reduce((n, t) => n + t.rows.length, 0);
    let done = 0;
    const tick = (n: number) => {
      done += n;
      options.onProgress?.(done, total);
    };
    const valid = new Map<Entity, Set<string>>();
    for (const entity of ENTITIES) {
      const records = await this.validateEntity(
        entity,
        tables.filter((t) => t.entity === entity),
        report,
        valid,
        tick,
      );
      const counts = await this.store.upsert(entity, records, tick);
      report.add(entity, counts);
    }
    const result = report.build();
    if (result.changed) await this.store.changed();
    this.logger.log(
      `Directory import: ${ENTITIES.map((e) => `${e} +${result.counts[e].inserted}/~${result.counts[e].updated}/=${result.counts[e].unchanged}/x${result.counts[e].rejected}`).join(' ')}, ${result.issueCount} issue(s)`,
    );
    return result;
  }

  private async validateEntity<E extends Entity>(
    entity: E,
    tables: RawTable[],
    report: ReportBuilder,
    valid: Map<Entity, Set<string>>,
    tick: (n: number) => void,
  ): Promise<EntityRecords[E][]> {
    const candidates: { record: EntityRecords[E]; file: string; row: number }[] = [];
    const seen = new Map<string, string>();
    for (const table of tables) {
      for (const { row, data } of table.rows) {
        report.read(entity);
        const result = validateRow(entity, data, { places: this.geography });
        if (!result.record) {
          report.reject(entity, table.file, row, result.issues);
          tick(1);
          continue;
        }
        const first = seen.get(result.record._id);
        if (first) {
          report.reject(entity, table.file, row, [
            { field: 'id', reason: `duplicate id "${result.record._id}" (first at ${first})` },
          ]);
          tick(1);
          continue;
        }
        seen.set(result.record._id, `${table.file} row ${row}`);
        candidates.push({ record: result.record, file: table.file, row });
      }
    }
    const refs = Object.entries(REFERENCES[entity]) as [string, Entity][];
    const known = new Map<string, Set<string>>();
    for (const [field, target] of refs) {
      const inImport = valid.get(target) ?? new Set<string>();
      const missing = new Set<string>();
      for (const { record } of candidates) {
        const id = (record as unknown as Record<string, unknown>)[field];
        if (typeof id === 'string' && !inImport.has(id)) missing.add(id);
      }
      const stored = await this.store.existingIds(target, [...missing]);
      known.set(field, new Set([...inImport, ...stored]));
    }
    const accepted: EntityRecords[E][] = [];
    for (const { record, file, row } of candidates) {
      const issues = refs
        .map(([field]) => ({ field, id: (record as unknown as Record<string, unknown>)[field] }))
        .filter(({ field, id }) => typeof id === 'string' && !known.get(field)?.has(id))
        .map(({ field, id }) => ({
          field,
          reason: `unknown ${field.replace(/_id$/, '')} "${String(id)}"`,
        }));
      if (issues.length) {
        report.reject(entity, file, row, issues);
        tick(1);
      } else {
        accepted.push(record);
      }
    }
    valid.set(entity, new Set(accepted.map((r) => r._id)));
    return accepted;
  }
}

class ReportBuilder {
  private readonly counts = Object.fromEntries(
    ENTITIES.map((e) => [e, { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 }]),
  ) as Record<Entity, EntityCounts>;
  private readonly issues: ImportIssue[] = [];
  private issueCount = 0;

  constructor(private readonly sources: string[]) {}

  issue(issue: ImportIssue): void {
    this.issueCount++;
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push(issue);
  }

  read(entity: Entity): void {
    this.counts[entity].read++;
  }

  reject(
    entity: Entity,
    file: string,
    row: number,
    reasons: { field: string; reason: string }[],
  ): void {
    this.counts[entity].rejected++;
    for (const { field, reason } of reasons) this.issue({ file, row, field, reason });
  }

  add(entity: Entity, counts: UpsertCounts): void {
    Object.assign(this.counts[entity], counts);
  }

  build(): ImportReport {
    const changed = ENTITIES.some((e) => this.counts[e].inserted + this.counts[e].updated > 0);
    return {
      sources: this.sources,
      counts: this.counts,
      issues: this.issues,
      issueCount: this.issueCount,
      changed,
    };
  }
}

// The report as printed by the CLI: one line per table, then one per issue.
export function formatReport(report: ImportReport): string {
  const lines = [`Import of ${report.sources.join(', ')}`];
  for (const entity of ENTITIES) {
    const c = report.counts[entity];
    if (!c.read) continue;
    lines.push(
      `  ${entity}: ${c.read} read, ${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected`,
    );
  }
  if (report.issueCount) {
    lines.push(`${report.issueCount} problem(s):`);
    for (const i of report.issues)
      lines.push(
        `  ${i.file}${i.row ? ` row ${i.row}` : ''}${i.field ? ` [${i.field}]` : ''}: ${i.reason}`,
      );
    if (report.issueCount > report.issues.length)
      lines.push(`  ... and ${report.issueCount - report.issues.length} more`);
  } else {
    lines.push('No problems.');
  }
  return lines.join('\n');
}
