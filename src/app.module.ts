import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { I18nModule } from './common/i18n/i18n.module';
import { LoggingModule } from './common/logging.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { UsersModule } from './users/users.module';
import { ConsoleModule } from './console/console.module';
import { HandoffModule } from './handoff/handoff.module';
import { DirectoryModule } from './directory/directory.module';
import { ChannelsModule } from './channels/channels.module';
import { ReferralsModule } from './referrals/referrals.module';
import { StatsModule } from './stats/stats.module';
import { BotModule } from './bot/bot.module';
import { PrivacyModule } from './privacy/privacy.module';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    CryptoModule,
    I18nModule,
    DatabaseModule,
    HealthModule,
    AuditModule,
    UsersModule,
    AuthModule,
    ConsoleModule,
    HandoffModule,
    DirectoryModule,
    ChannelsModule,
    ReferralsModule,
    StatsModule,
    BotModule,
    PrivacyModule,
  ],
})
export class AppModule {}
