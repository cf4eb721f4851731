import { Provider, Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController } from './audit.controller';
import { UnstorableTextInterceptor } from '../common/unstorable-text.interceptor';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthenticationService } from './authentication.service';
import { CredentialChangeBus } from './credential-changes';
import { DisplaysController } from './displays/displays.controller';
import { DisplayTokenService } from './displays/display-token.service';
import { resolveJwtSecret } from './jwt-secret';
import { LiveSocketCredentials } from './live-socket-credentials';
import { PasswordHasher } from './password-hasher';
import { ScopeService } from './scope.service';
import { SessionController } from './session.controller';
import { SessionTokenService } from './session-token.service';
import { SocketAuthenticator } from './socket-authenticator';
import { UserService } from './users/user.service';
import { UsersController } from './users/users.controller';

/** Identity, access and audit: the API role's controllers. */
export const IDENTITY_CONTROLLERS: Type[] = [SessionController, UsersController, DisplaysController, AuditController];

/** Identity and access services (every role: the guard needs them). The audit chain is audit/audit.module.ts. */
export const IDENTITY_PROVIDERS: Provider[] = [
  { provide: PasswordHasher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new PasswordHasher(config.passwordHashRounds) },
  {
    provide: SessionTokenService,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new SessionTokenService(resolveJwtSecret(config), config.jwtTtlSeconds),
  },
  {
    provide: CredentialChangeBus,
    inject: [APP_CONFIG],
    // A worker changes no credentials and holds no sockets: it needs no Redis connection for this.
    useFactory: (config: AppConfig) =>
      config.mode === 'server' && config.redisUrl && config.role !== 'worker'
        ? CredentialChangeBus.redis(config.redisUrl, `${config.queuePrefix}:credential-changes`)
        : CredentialChangeBus.inProcess(),
  },
  UserService,
  DisplayTokenService,
  ScopeService,
  AuthenticationService,
  SocketAuthenticator,
  LiveSocketCredentials,
  { provide: APP_INTERCEPTOR, useClass: UnstorableTextInterceptor },
];
