import { Module } from '@nestjs/common';
import { HandoffModule } from '../handoff/handoff.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';

@Module({
  imports: [HandoffModule, ReferralsModule],
  controllers: [StatsController],
  providers: [StatsService],
})
export class StatsModule {}
