import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ContactsModule } from '../contacts/contacts.module';
import { OutboxModule } from '../outbox/outbox.module';
import { defaultInboundOptions, INBOUND_OPTIONS } from './inbound.options';
import { InboundService } from './inbound.service';
import { InboundSpool } from './inbound-spool';
import { InboundMessage, InboundMessageSchema } from './schemas/inbound-message.schema';
import { DevelopmentOnlyGuard } from './simulator/development-only.guard';
import { SimulatorController } from './simulator/simulator.controller';
import { TwilioBotAdapter } from './twilio-bot.adapter';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { TwilioWebhookController } from './twilio-webhook.controller';

// The bot itself (SIRA_BOT) comes from the bot module, which must make it visible here (global export).
@Module({
  imports: [
    ContactsModule,
    OutboxModule,
    MongooseModule.forFeature([{ name: InboundMessage.name, schema: InboundMessageSchema }]),
  ],
  controllers: [TwilioWebhookController, SimulatorController],
  providers: [
    { provide: INBOUND_OPTIONS, useFactory: defaultInboundOptions },
    InboundService,
    InboundSpool,
    TwilioBotAdapter,
    TwilioSignatureGuard,
    DevelopmentOnlyGuard,
  ],
  exports: [TwilioBotAdapter, ContactsModule, OutboxModule],
})
export class ChannelsModule {}
