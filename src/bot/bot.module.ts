import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SIRA_BOT } from '../channels/bot.token';
import { ContactsModule } from '../contacts/contacts.module';
import { DirectoryCoreModule } from '../directory/directory-core.module';
import { GeographyModule } from '../geography/geography.module';
import { HandoffModule } from '../handoff/handoff.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { UnderstandingModule } from '../understanding/understanding.module';
import { MongoStorage } from './mongo-storage';
import { NestDialogPorts } from './nest-dialog-ports';
import { BotStateRecord, BotStateSchema } from './schemas/bot-state.schema';
import { DIALOG_PORTS, SiraBot } from './sira-bot';

// Global so the channels module (which the bot's services also depend on) sees SIRA_BOT without an import cycle.
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([{ name: BotStateRecord.name, schema: BotStateSchema }]),
    ContactsModule,
    DirectoryCoreModule,
    GeographyModule,
    HandoffModule,
    ReferralsModule,
    UnderstandingModule,
  ],
  providers: [
    MongoStorage,
    { provide: DIALOG_PORTS, useClass: NestDialogPorts },
    SiraBot,
    { provide: SIRA_BOT, useExisting: SiraBot },
  ],
  exports: [SIRA_BOT, SiraBot, MongoStorage],
})
export class BotModule {}
