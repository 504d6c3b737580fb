import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ContactsModule } from '../contacts/contacts.module';
import { GeographyModule } from '../geography/geography.module';
import { OutboxModule } from '../outbox/outbox.module';
import { UsersModule } from '../users/users.module';
import { Clock, SystemClock } from './clock';
import { HandoffEvents } from './handoff-events';
import { HandoffSlaJob } from './handoff-sla.job';
import { HandoffController } from './handoff.controller';
import { HandoffService } from './handoff.service';
import { DEFAULT_QUEUE_STREAM_OPTIONS, QUEUE_STREAM_OPTIONS, QueueStream } from './queue-stream';
import { Handoff, HandoffSchema } from './schemas/handoff.schema';
import {
  HandoffEventRecord,
  HandoffEventRecordSchema,
  HandoffEventSeq,
  HandoffEventSeqSchema,
} from './schemas/handoff-event.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Handoff.name, schema: HandoffSchema },
      { name: HandoffEventRecord.name, schema: HandoffEventRecordSchema },
      { name: HandoffEventSeq.name, schema: HandoffEventSeqSchema },
    ]),
    ContactsModule,
    GeographyModule,
    OutboxModule,
    UsersModule,
  ],
  controllers: [HandoffController],
  providers: [
    HandoffService,
    HandoffEvents,
    HandoffSlaJob,
    QueueStream,
    { provide: QUEUE_STREAM_OPTIONS, useValue: DEFAULT_QUEUE_STREAM_OPTIONS },
    { provide: Clock, useClass: SystemClock },
  ],
  exports: [HandoffService, HandoffEvents, Clock],
})
export class HandoffModule {}
