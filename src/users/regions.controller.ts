import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth } from '../auth/api-auth.decorator';
import { GeographyService } from '../geography/geography.service';

@ApiTags('users')
@Controller('api/regions')
export class RegionsController {
  constructor(private readonly geography: GeographyService) {}

  @Get()
  @ApiAuth()
  @ApiOperation({ summary: 'Region names as accounts and tickets use them' })
  @ApiOkResponse({ type: [String] })
  list(): string[] {
    return this.geography.regions();
  }
}
