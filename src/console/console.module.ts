import { Module } from '@nestjs/common';
import { ConsoleAssets } from './console-assets';
import { ConsoleController } from './console.controller';

@Module({ controllers: [ConsoleController], providers: [ConsoleAssets] })
export class ConsoleModule {}
