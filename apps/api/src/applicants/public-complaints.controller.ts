import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { QUERY_CODE_PATTERN } from '@app/contracts';
import { Public } from '../auth/auth.decorators';
import { assertValid } from '../common/schema-validator';
import { ProofOfWork } from './proof-of-work';
import { PublicComplaintInput, PublicComplaintsService } from './public-complaints.service';
import { PublicDirectoryService } from './public-directory.service';

const text = (min: number, max: number) => ({ type: 'string', minLength: min, maxLength: max, pattern: '\\S' });

export const publicComplaintSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['departmentCode', 'contact', 'content', 'proof'],
  properties: {
    departmentCode: { type: 'string', minLength: 1, maxLength: 32 },
    name: { type: 'string', maxLength: 50 },
    contact: { ...text(5, 100), description: 'a phone number or e-mail address for the answer' },
    caseId: { type: 'string', minLength: 1, maxLength: 64, description: 'the case complained about, if any' },
    queryCode: { type: 'string', pattern: QUERY_CODE_PATTERN, description: 'with the case number: links the complaint to the case' },
    content: { ...text(10, 4000), description: 'what happened' },
    proof: {
      type: 'object',
      additionalProperties: false,
      required: ['token', 'nonce'],
      description: 'a solved challenge from GET /api/v1/public/challenge',
      properties: { token: { type: 'string', minLength: 1, maxLength: 300 }, nonce: { type: 'string', minLength: 1, maxLength: 32 } },
    },
  },
};

/** The public's complaints and the directory of where to complain; no login, rate limited per client. */
@ApiTags('public')
@Controller('api/v1/public')
export class PublicComplaintsController {
  constructor(
    private readonly complaints: PublicComplaintsService,
    private readonly proofOfWork: ProofOfWork,
    private readonly directory: PublicDirectoryService,
  ) {}

  @Get('directory')
  @Public()
  listDirectory() {
    return this.directory.list();
  }

  @Get('challenge')
  @Public()
  challenge(@Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.proofOfWork.issue(new Date());
  }

  @Post('complaints')
  @Public()
  @ApiBody({ schema: publicComplaintSchema })
  submit(@Body() body: unknown) {
    return this.complaints.submit(assertValid<PublicComplaintInput>(publicComplaintSchema, body), new Date());
  }
}
