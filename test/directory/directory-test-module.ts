import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import { I18nModule } from '../../src/common/i18n/i18n.module';
import { DirectoryCoreModule } from '../../src/directory/directory-core.module';
import { DirectoryStore } from '../../src/directory/directory.store';
import { DirectorySnapshot, ENTITIES } from '../../src/directory/hsds/hsds.types';
import { databaseUri, TestDatabase } from '../harness/database';

// The directory core (store, search, importer) on a fresh database of the test server, without HTTP.
export async function startDirectory(
  db: TestDatabase,
  dbName = `sira_dir_${randomBytes(4).toString('hex')}`,
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [I18nModule, MongooseModule.forRoot(databaseUri(db.uri, dbName)), DirectoryCoreModule],
  }).compile();
  return moduleRef.init();
}

// Every table sorted by id: two databases hold the same directory when these are equal.
export async function sortedSnapshot(app: INestApplicationContext): Promise<DirectorySnapshot> {
  const snapshot = await app.get(DirectoryStore).snapshot();
  for (const entity of ENTITIES)
    (snapshot[entity] as { _id: string }[]).sort((a, b) => a._id.localeCompare(b._id));
  return snapshot;
}
