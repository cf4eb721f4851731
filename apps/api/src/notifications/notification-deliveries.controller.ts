import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../auth/access-scope';
import { CurrentPrincipal, CurrentScope, Permission } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { assertCode, parsePage } from '../common/params';
import { DeliveryLogService } from './delivery-log.service';

/** The delivery log, the dead-letter list (`?status=DEAD`) and the retry of a dead delivery. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notification-deliveries')
export class NotificationDeliveriesController {
  constructor(private readonly log: DeliveryLogService) {}

  @Get()
  @Permission('notifications.deliveries')
  @ApiQuery({ name: 'status', required: false, description: 'PENDING, QUEUED, SENDING, RETRY, SENT, DEAD (the dead-letter list) or CANCELLED' })
  @ApiQuery({ name: 'departmentCode', required: false })
  @ApiQuery({ name: 'alertId', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(@CurrentScope() scope: AccessScope, @Query() query: Record<string, string | undefined>) {
    return this.log.list(scope, {
      status: query.status || undefined,
      departmentCode: query.departmentCode ? assertCode('departmentCode', query.departmentCode) : undefined,
      alertId: query.alertId || undefined,
      page: parsePage(query.page),
      pageSize: query.pageSize ? Math.min(parsePage(query.pageSize, 'pageSize'), 500) : 50,
    });
  }

  @Get(':id')
  @Permission('notifications.deliveries')
  get(@CurrentScope() scope: AccessScope, @Param('id') id: string) {
    return this.log.get(scope, id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Permission('notifications.deliveries')
  retry(@CurrentScope() scope: AccessScope, @Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.log.retry(scope, id, principal);
  }
}
