import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuth } from '../auth/api-auth.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser } from '../auth/role';
import { ListReferralsQuery } from './dto/list-referrals.query';
import { ReferralViewDto } from './dto/referral.response';
import { UpdateReferralStatusDto } from './dto/update-referral-status.dto';
import { ReferralView, ReferralsService } from './referrals.service';

@ApiTags('referrals')
@ApiAuth('caseworker', 'supervisor', 'admin')
@Controller('api/referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @ApiOperation({ summary: 'Referrals, newest first; caseworkers see their regions' })
  @ApiOkResponse({ type: [ReferralViewDto] })
  list(@CurrentUser() user: AuthUser, @Query() query: ListReferralsQuery): Promise<ReferralView[]> {
    return this.referrals.list(user, query);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Move a referral to its next status (timestamped, attributed)' })
  @ApiOkResponse({ type: ReferralViewDto })
  @ApiNotFoundResponse({ description: 'REFERRAL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'REFERRAL_INVALID_TRANSITION, with the reason' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateReferralStatusDto,
  ): Promise<ReferralView> {
    return this.referrals.changeStatus(user, id, body.status);
  }
}
