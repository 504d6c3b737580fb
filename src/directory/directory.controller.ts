import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuth } from '../auth/api-auth.decorator';
import { I18nService } from '../common/i18n/i18n.service';
import { DirectoryException, DirectoryExceptionCode } from './directory.exception';
import { DirectoryService } from './directory.service';
import type { SearchResult, ServiceDetails } from './directory.types';
import { SearchQueryDto, ServiceQueryDto } from './dto/search-query.dto';
import { SearchResultDto } from './dto/search-result.dto';

@ApiTags('directory')
@Controller('api/services')
export class DirectoryController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly i18n: I18nService,
  ) {}

  @Get('search')
  @ApiAuth()
  @ApiOperation({
    summary: 'Services for a need near a place, ranked, with the reason of each result',
  })
  @ApiOkResponse({
    type: [SearchResultDto],
    description: 'Ranked: commune > cercle > region > nearest > national',
  })
  @ApiBadRequestResponse({ description: 'Unknown need or place, limit out of range' })
  search(@Query() q: SearchQueryDto): Promise<SearchResult[]> {
    const person =
      q.sex !== undefined || q.age !== undefined || q.returnee !== undefined
        ? { sex: q.sex, age: q.age, returnee: q.returnee }
        : undefined;
    return this.directory.search({
      needs: q.need,
      place: q.place,
      lang: q.lang,
      person,
      openNow: q.openNow,
      at: q.at ? new Date(q.at) : undefined,
      limit: q.limit,
    });
  }

  @Get(':id')
  @ApiAuth()
  @ApiOperation({ summary: 'One service with its sites, hours and provider phone' })
  @ApiNotFoundResponse({ description: 'No such service' })
  async get(@Param('id') id: string, @Query() q: ServiceQueryDto): Promise<ServiceDetails> {
    const service = await this.directory.getService(id, q.lang);
    if (!service) {
      throw new DirectoryException(
        DirectoryExceptionCode.NOT_FOUND,
        this.i18n.t(q.lang ?? 'fr', 'directory:errors.notFound', { entity: 'service', id }),
        { id },
      );
    }
    return service;
  }
}
