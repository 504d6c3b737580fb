import { ApiProperty } from '@nestjs/swagger';
import { NEED_CODES, NeedCode } from '../../common/needs';
import type { SearchReason, SearchResult } from '../directory.types';

// OpenAPI description of one search result (the shape is SearchResult).
export class SearchResultDto implements SearchResult {
  @ApiProperty({ example: 'demo-svc-001' })
  serviceId!: string;

  @ApiProperty({ example: 'Guichet emploi jeunes' })
  name!: string;

  @ApiProperty({ example: '[DEMO] Agence Nationale Emploi Jeunesse' })
  organization!: string;

  @ApiProperty({ enum: NEED_CODES })
  need!: NeedCode;

  @ApiProperty({
    example: 'Kayes',
    description: 'Commune (else cercle, else region) of the site, "Mali" when national',
  })
  place!: string;

  @ApiProperty({ example: 'Kayes' })
  region!: string;

  @ApiProperty({ type: String, nullable: true, example: '+22300000001' })
  phone!: string | null;

  @ApiProperty({
    example: 'lun-jeu 08:00-16:00; ven 08:00-12:30',
    description: 'Opening hours in the requested language',
  })
  hours!: string;

  @ApiProperty({ enum: ['commune', 'cercle', 'region', 'nearest', 'national'] })
  reason!: SearchReason;

  @ApiProperty({ type: Number, nullable: true, example: 2.4 })
  distanceKm!: number | null;

  @ApiProperty({ description: 'Higher ranks first' })
  score!: number;
}
