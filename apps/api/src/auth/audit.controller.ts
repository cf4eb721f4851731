import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission } from './auth.decorators';
import { InvalidInputException } from '../common/invalid-input.exception';
import { parsePage } from '../common/params';
import { AuditEntryEntity } from '../persistence/entities';
import { DataSource } from 'typeorm';
import { toView } from '../audit/audit.service';
import { AuditVerifierService, ChainAnchor } from '../audit/audit-verifier.service';

const TEXT_FILTER = /^[\w.:/@-]{1,300}$/;

function textFilter(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!TEXT_FILTER.test(raw)) throw new InvalidInputException([{ path: name, message: 'must be 1–300 letters, digits or . : / @ _ -' }]);
  return raw;
}

function parseAnchor(raw: string | undefined): ChainAnchor | undefined {
  if (raw === undefined || raw === '') return undefined;
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(raw);
  if (!match || Number(match[1]) < 1) throw new InvalidInputException([{ path: 'anchor', message: 'must be <seq>:<64 hex digits of that row’s hash>' }]);
  return { seq: Number(match[1]), hash: match[2] };
}

@ApiTags('audit')
@ApiBearerAuth()
@Permission('audit.read')
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly verifier: AuditVerifierService,
  ) {}

  /** Newest first. */
  @Get()
  @ApiQuery({ name: 'action', required: false })
  @ApiQuery({ name: 'actorId', required: false })
  @ApiQuery({ name: 'target', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  async list(
    @Query('action') action?: string,
    @Query('actorId') actorId?: string,
    @Query('target') target?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ) {
    const filter = {
      ...(textFilter('action', action) ? { action } : {}),
      ...(textFilter('actorId', actorId) ? { actorId } : {}),
      ...(textFilter('target', target) ? { target } : {}),
    };
    const pageNumber = parsePage(page);
    const size = pageSize ? Math.min(parsePage(pageSize, 'pageSize'), 500) : 50;
    const [rows, total] = await this.dataSource.getRepository(AuditEntryEntity).findAndCount({
      where: filter,
      order: { seq: 'DESC' },
      skip: (pageNumber - 1) * size,
      take: size,
    });
    return { page: pageNumber, pageSize: size, total, items: rows.map(toView) };
  }

  /** Re-hashes the whole chain; `ok: false` names the first broken row. */
  @Get('verify')
  @ApiQuery({ name: 'anchor', required: false, description: '<seq>:<hash> of a head recorded earlier' })
  verify(@Query('anchor') anchor?: string) {
    return this.verifier.verify(parseAnchor(anchor));
  }
}
