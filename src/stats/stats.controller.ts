import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth } from '../auth/api-auth.decorator';
import { Stats } from './stats.compute';
import { StatsView } from './dto/stats.response';
import { StatsService } from './stats.service';

@ApiTags('stats')
@ApiAuth('caseworker', 'supervisor', 'admin')
@Controller('api/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @ApiOperation({ summary: 'Dashboard figures: anonymous aggregates over all regions' })
  @ApiOkResponse({ type: StatsView })
  get(): Promise<Stats> {
    return this.stats.get();
  }
}
