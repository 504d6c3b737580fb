import { Module } from '@nestjs/common';
import { DirectoryAdminController } from './directory-admin.controller';
import { DirectoryAdminService } from './directory-admin.service';
import { DirectoryCoreModule } from './directory-core.module';
import { DirectorySeeder } from './directory-seeder';
import { DirectoryController } from './directory.controller';

// The service directory: HSDS storage, in-memory search, admin API and the demo seed.
@Module({
  imports: [DirectoryCoreModule],
  controllers: [DirectoryController, DirectoryAdminController],
  providers: [DirectoryAdminService, DirectorySeeder],
  exports: [DirectoryCoreModule],
})
export class DirectoryModule {}
