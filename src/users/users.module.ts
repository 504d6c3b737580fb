import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { GeographyModule } from '../geography/geography.module';
import { User, UserSchema } from './schemas/user.schema';
import { RegionsController } from './regions.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [GeographyModule, MongooseModule.forFeature([{ name: User.name, schema: UserSchema }])],
  controllers: [UsersController, RegionsController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
