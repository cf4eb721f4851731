/** The part of smtp-server (no published types) the tests use. */
declare module 'smtp-server' {
  import { AddressInfo, Server } from 'node:net';
  import { Readable } from 'node:stream';

  export interface SMTPSession {
    envelope: { mailFrom: { address: string } | false; rcptTo: { address: string }[] };
  }

  export interface SMTPServerOptions {
    authOptional?: boolean;
    disabledCommands?: string[];
    logger?: boolean;
    onData?(stream: Readable, session: SMTPSession, callback: (error?: Error | null) => void): void;
  }

  export class SMTPServer {
    constructor(options: SMTPServerOptions);
    server: Server & { address(): AddressInfo | string | null };
    listen(port: number, host: string, callback?: () => void): void;
    close(callback?: () => void): void;
  }
}
