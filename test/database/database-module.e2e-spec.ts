import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, type INestApplication } from '@nestjs/common';
import { InjectModel, MongooseModule, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import type { Model } from 'mongoose';
import { AppConfig } from '../../src/config/app-config';
import { ConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import { DatabaseService } from '../../src/database/database.service';
import { databaseUri, startTestDatabase } from '../harness/database';

@Schema({ collection: 'module_notes' })
class ModuleNote {
  @Prop({ required: true, unique: true })
  key!: string;
}
const ModuleNoteSchema = SchemaFactory.createForClass(ModuleNote);

@Injectable()
class NotesService {
  constructor(@InjectModel(ModuleNote.name) readonly notes: Model<ModuleNote>) {}
}

async function boot(env: Record<string, string>): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule,
      DatabaseModule,
      MongooseModule.forFeature([{ name: ModuleNote.name, schema: ModuleNoteSchema }]),
    ],
    providers: [NotesService],
  })
    .overrideProvider(AppConfig)
    .useValue(AppConfig.load({ NODE_ENV: 'test', ...env }))
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe('DatabaseModule', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sira-dbmodule-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the embedded database under DATA_DIR/db without MONGODB_URI and keeps data across restarts', async () => {
    const first = await boot({ DATA_DIR: dataDir });
    await first.get(NotesService).notes.create({ key: 'kept' });
    await first.get(DatabaseService).ping();
    const embedded = first.get(DatabaseService).usesEmbeddedServer;
    await first.close();

    const second = await boot({ DATA_DIR: dataDir });
    const notes = await second.get(NotesService).notes.find().lean();
    const duplicate = await second
      .get(NotesService)
      .notes.create({ key: 'kept' })
      .catch((e: unknown) => e);
    await second.close();

    expect(embedded).toBe(true);
    expect(notes.map((n) => n.key)).toEqual(['kept']);
    expect(duplicate).toMatchObject({ code: 11000 });
  });

  it('connects to MONGODB_URI when it is set', async () => {
    const db = await startTestDatabase();
    const app = await boot({
      DATA_DIR: dataDir,
      MONGODB_URI: databaseUri(db.uri, `module_${Date.now()}`),
    });

    await app.get(NotesService).notes.create({ key: 'external' });
    const count = await app.get(NotesService).notes.countDocuments();
    const embedded = app.get(DatabaseService).usesEmbeddedServer;
    await app.get(NotesService).notes.db.dropDatabase();
    await app.close();
    await db.stop();

    expect(count).toBe(1);
    expect(embedded).toBe(false);
  });
});
