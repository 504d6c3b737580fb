import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DirectoryCoreModule } from '../directory/directory-core.module';
import { HandoffModule } from '../handoff/handoff.module';
import { OutboxModule } from '../outbox/outbox.module';
import { FollowUpJob } from './follow-up.job';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';
import { Referral, ReferralSchema } from './schemas/referral.schema';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: Referral.name, schema: ReferralSchema }]),
    DirectoryCoreModule,
    HandoffModule,
    OutboxModule,
  ],
  controllers: [ReferralsController],
  providers: [ReferralsService, FollowUpJob],
  exports: [ReferralsService],
})
export class ReferralsModule {}
