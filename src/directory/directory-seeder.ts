import { join } from 'node:path';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DirectoryStore } from './directory.store';
import { DirectoryImporter } from './import/directory-importer';

// Fictional organisations ("[DEMO]" names, +223 0000 xxxx numbers, a range no Malian operator uses).
export const DEMO_DIRECTORY_FILE = join(__dirname, 'demo', 'demo-directory.hsds.json');

// On first start against an empty directory, loads the demo file through the normal importer.
@Injectable()
export class DirectorySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DirectorySeeder.name);

  constructor(
    private readonly config: AppConfig,
    private readonly store: DirectoryStore,
    private readonly importer: DirectoryImporter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // auto: development only; fictional services must never reach real people or the tests' data
    const mode = this.config.directoryDemoSeed;
    if (mode === 'off' || (mode === 'auto' && this.config.nodeEnv !== 'development')) return;
    if ((await this.store.count('services')) > 0) return;
    const report = await this.importer.importPaths([DEMO_DIRECTORY_FILE]);
    const services = report.counts.services.inserted;
    this.logger.log(
      `Seeded the demo directory: ${services} services, ${report.issueCount} issue(s)`,
    );
  }
}
