import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth } from '../auth/api-auth.decorator';
import { AuditPage, AuditService } from './audit.service';
import { ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiAuth('admin', 'supervisor')
  @ApiOperation({ summary: 'Audit log, newest first' })
  list(@Query() q: ListAuditQuery): Promise<AuditPage> {
    const { page, limit, ...filter } = q;
    return this.audit.list(filter, page, limit);
  }
}
