import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { PrivacyService } from './privacy.service';
import { RetentionJob } from './retention.job';

// Erasure, retention purge and key rotation (no HTTP: operated through the npm commands).
@Module({
  imports: [ContactsModule],
  providers: [PrivacyService, RetentionJob],
  exports: [PrivacyService],
})
export class PrivacyModule {}
