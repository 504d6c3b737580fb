import {
  Body,
  Controller,
  Get,
  HttpCode,
  MessageEvent,
  Param,
  Post,
  Query,
  Sse,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { AllowQueryToken, ApiAuth } from '../auth/api-auth.decorator';
import { CurrentAccessToken, CurrentUser } from '../auth/current-user.decorator';
import { AuthUser } from '../auth/role';
import { CloseHandoffDto } from './dto/close-handoff.dto';
import { HandoffDetailView, HandoffSummaryView, ReplyResultView } from './dto/handoff.response';
import { ListHandoffsQuery } from './dto/list-handoffs.query';
import { ReplyDto } from './dto/reply.dto';
import { TransferHandoffDto } from './dto/transfer-handoff.dto';
import { HandoffService } from './handoff.service';
import { HandoffDetail, HandoffSummary, ReplyResult } from './handoff.types';
import { QueueStream } from './queue-stream';

@ApiTags('handoffs')
@ApiAuth('caseworker', 'supervisor', 'admin')
@Controller('api/handoffs')
export class HandoffController {
  constructor(
    private readonly handoffs: HandoffService,
    private readonly queueStream: QueueStream,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Queue by status; caseworkers see their regions and unrouted tickets' })
  @ApiOkResponse({ type: [HandoffSummaryView] })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListHandoffsQuery,
  ): Promise<HandoffSummary[]> {
    return this.handoffs.list(user, query.status ?? 'waiting');
  }

  // Declared before ':id' so "events" is not taken for an id. Data: HandoffQueueEvent as JSON,
  // {"type":"ping"} every 25 s to keep proxies from closing an idle stream, and last
  // {"type":"ended","reason":CODE} when the account or token no longer allows it (see QueueStream).
  @Sse('events')
  @AllowQueryToken()
  @ApiOperation({ summary: 'Server-sent events: queue changes visible to the caller' })
  stream(
    @CurrentUser() user: AuthUser,
    @CurrentAccessToken() token: string,
  ): Observable<MessageEvent> {
    return this.queueStream.open(token, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One ticket with its decrypted transcript (audited)' })
  @ApiOkResponse({ type: HandoffDetailView })
  @ApiNotFoundResponse({ description: 'HANDOFF_NOT_FOUND' })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<HandoffDetail> {
    return this.handoffs.get(user, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take a waiting ticket; exactly one of several simultaneous claims wins',
  })
  @ApiOkResponse({ type: HandoffDetailView })
  @ApiConflictResponse({
    description: 'HANDOFF_ALREADY_CLAIMED ("already claimed by X") or HANDOFF_CLOSED',
  })
  claim(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<HandoffDetail> {
    return this.handoffs.claim(user, id);
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a claimed ticket back in the queue' })
  @ApiOkResponse({ type: HandoffSummaryView })
  @ApiConflictResponse({
    description: 'HANDOFF_NOT_CLAIMED_BY_YOU, HANDOFF_NOT_WAITING or HANDOFF_CLOSED',
  })
  release(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<HandoffSummary> {
    return this.handoffs.release(user, id);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand a ticket to a colleague or to another region' })
  @ApiOkResponse({ type: HandoffSummaryView })
  @ApiBadRequestResponse({ description: 'HANDOFF_INVALID_TRANSFER or HANDOFF_UNKNOWN_USER' })
  transfer(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: TransferHandoffDto,
  ): Promise<HandoffSummary> {
    return this.handoffs.transfer(user, id, body);
  }

  @Post(':id/messages')
  @ApiOperation({ summary: 'Reply to the person on their channel (through the outbox)' })
  @ApiOkResponse({ type: ReplyResultView })
  @ApiConflictResponse({
    description: 'HANDOFF_NOT_CLAIMED_BY_YOU, HANDOFF_NOT_WAITING or HANDOFF_CLOSED',
  })
  reply(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: ReplyDto,
  ): Promise<ReplyResult> {
    return this.handoffs.reply(user, id, body.text);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close with an outcome; the person goes back to the bot' })
  @ApiOkResponse({ type: HandoffSummaryView })
  @ApiConflictResponse({ description: 'HANDOFF_NOT_CLAIMED_BY_YOU or HANDOFF_CLOSED' })
  close(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: CloseHandoffDto,
  ): Promise<HandoffSummary> {
    return this.handoffs.close(user, id, body);
  }
}
