import { Body, Controller, Get, HttpCode, Logger, Post, Req, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service';
import { assertValid } from '../common/schema-validator';
import { AccessScope, describeScope } from './access-scope';
import { permissionsOf } from './access-policy';
import { CurrentPrincipal, CurrentScope, Permission, Public } from './auth.decorators';
import { isUserPrincipal, Principal, UserPrincipal } from './principal';
import { SessionTokenService } from './session-token.service';
import { loginInputSchema } from './users/user-input';
import { UserService } from './users/user.service';

/** Rate-limited more tightly than the rest (security/rate-limits.ts). */
export const LOGIN_PATH = '/api/v1/auth/login';

@ApiTags('identity')
@Controller('api/v1')
export class SessionController {
  private readonly logger = new Logger('Login');

  constructor(
    private readonly users: UserService,
    private readonly sessions: SessionTokenService,
    private readonly audit: AuditService,
  ) {}

  /** Username + password → a short-lived session token (`Authorization: Bearer <accessToken>`). */
  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiBody({ schema: loginInputSchema })
  async login(@Body() body: unknown, @Req() request: { ip: string }) {
    const input = assertValid<{ username: string; password: string }>(loginInputSchema, body);
    const user = await this.users.checkCredentials(input.username, input.password);
    if (!user) {
      // The username is logged as sent (JSON-escaped, clipped); the password never is.
      this.logger.warn(`failed login for ${JSON.stringify(input.username.slice(0, 64))} from ${request.ip}`);
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'wrong username or password',
        errors: [{ path: 'password', message: 'does not match the username (or the user is unknown or disabled)' }],
      });
    }
    const principal: UserPrincipal = {
      kind: user.role,
      username: user.username,
      departmentCode: user.departmentCode,
      regionCode: user.regionCode,
      officerId: user.officerId,
      bodyCode: user.bodyCode,
      via: 'password',
    };
    await this.audit.record({ actor: principal, action: 'auth.login', target: `user:${user.username}`, after: { ip: request.ip } });
    return { accessToken: this.sessions.issue(user.username, user.tokenVersion), tokenType: 'Bearer', expiresIn: this.sessions.ttlSeconds };
  }

  /** Who the token belongs to, what it may see and do. */
  @Get('me')
  @ApiBearerAuth()
  @Permission('session.self')
  me(@CurrentPrincipal() principal: Principal, @CurrentScope() scope: AccessScope) {
    const identity = isUserPrincipal(principal)
      ? { username: principal.username, departmentCode: principal.departmentCode, regionCode: principal.regionCode, officerId: principal.officerId, bodyCode: principal.bodyCode ?? null }
      : principal.kind === 'display'
        ? { displayId: principal.displayId, name: principal.name, departmentCode: principal.departmentCode, regionCode: principal.regionCode }
        : {};
    return { kind: principal.kind, ...identity, scope: describeScope(scope), permissions: permissionsOf(principal.kind) };
  }
}
