import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ContactsModule } from '../contacts/contacts.module';
import { OUTBOX_OPTIONS, defaultOutboxOptions } from './outbox.options';
import { OutboxSender } from './outbox.sender';
import { OutboxService } from './outbox.service';
import { OutboundMessage, OutboundMessageSchema } from './schemas/outbound-message.schema';
import { OutboundPacing, OutboundPacingSchema } from './schemas/outbound-pacing.schema';
import { TwilioRestClient } from './twilio-rest.client';

@Module({
  imports: [
    ContactsModule,
    MongooseModule.forFeature([
      { name: OutboundMessage.name, schema: OutboundMessageSchema },
      { name: OutboundPacing.name, schema: OutboundPacingSchema },
    ]),
  ],
  providers: [
    { provide: OUTBOX_OPTIONS, useFactory: defaultOutboxOptions },
    OutboxService,
    OutboxSender,
    TwilioRestClient,
  ],
  exports: [OutboxService, OutboxSender, OUTBOX_OPTIONS],
})
export class OutboxModule {}
