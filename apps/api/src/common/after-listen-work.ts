import { Injectable, OnModuleDestroy } from '@nestjs/common';

/**
 * Work main.ts starts after listen (the demo loader and feed) registers its stop here. Nest's close
 * runs `onModuleDestroy` first and closes the HTTP server last, after the database: a stop hooked on
 * the server's close would run with the database already gone and its in-flight calls failing.
 */
@Injectable()
export class AfterListenWork implements OnModuleDestroy {
  private readonly stops: (() => Promise<void>)[] = [];

  add(stop: () => Promise<void>): void {
    this.stops.push(stop);
  }

  async onModuleDestroy(): Promise<void> {
    for (const stop of this.stops.splice(0)) await stop();
  }
}
