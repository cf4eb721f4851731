import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthenticationService } from './authentication.service';
import { DepartmentKeyService } from './department-key.service';
import { DisplayTokenService } from './displays/display-token.service';
import { IDENTITY_CONTROLLERS, IDENTITY_PROVIDERS } from './identity.providers';
import { LiveSocketCredentials } from './live-socket-credentials';
import { ScopeService } from './scope.service';
import { SessionTokenService } from './session-token.service';
import { SocketAuthenticator } from './socket-authenticator';
import { UserService } from './users/user.service';

/** Identity and access (every role: the guard and the socket admission need them). */
@Module({
  imports: [AuditModule],
  providers: [...IDENTITY_PROVIDERS, DepartmentKeyService],
  exports: [AuthenticationService, ScopeService, SocketAuthenticator, LiveSocketCredentials, DepartmentKeyService, UserService, SessionTokenService, DisplayTokenService],
})
export class IdentityModule {}

/** Sessions, users, displays and the audit view: api roles only. */
@Module({ imports: [IdentityModule, AuditModule], controllers: IDENTITY_CONTROLLERS })
export class IdentityHttpModule {}
