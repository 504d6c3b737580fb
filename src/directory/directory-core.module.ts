import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { GeographyModule } from '../geography/geography.module';
import { DirectoryService } from './directory.service';
import { DirectoryStore } from './directory.store';
import { DirectoryImporter } from './import/directory-importer';
import { DirectoryState, DirectoryStateSchema } from './schemas/directory-state.schema';
import { Location, LocationSchema } from './schemas/location.schema';
import { Organization, OrganizationSchema } from './schemas/organization.schema';
import { Phone, PhoneSchema } from './schemas/phone.schema';
import { Schedule, ScheduleSchema } from './schemas/schedule.schema';
import { ServiceAtLocation, ServiceAtLocationSchema } from './schemas/service-at-location.schema';
import { Service, ServiceSchema } from './schemas/service.schema';

// Storage, search and import without HTTP: what the CLIs boot, and what DirectoryModule builds on.
@Module({
  imports: [
    GeographyModule,
    MongooseModule.forFeature([
      { name: Organization.name, schema: OrganizationSchema },
      { name: Location.name, schema: LocationSchema },
      { name: Service.name, schema: ServiceSchema },
      { name: ServiceAtLocation.name, schema: ServiceAtLocationSchema },
      { name: Phone.name, schema: PhoneSchema },
      { name: Schedule.name, schema: ScheduleSchema },
      { name: DirectoryState.name, schema: DirectoryStateSchema },
    ]),
  ],
  providers: [DirectoryStore, DirectoryService, DirectoryImporter],
  exports: [DirectoryStore, DirectoryService, DirectoryImporter, GeographyModule],
})
export class DirectoryCoreModule {}
