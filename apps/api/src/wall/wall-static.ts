import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Gives replies `sendFile` (safe against path traversal: files are resolved under a root) without
 * serving any folder by itself; WallController decides what /wall/ serves.
 */
export async function registerWallStatic(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyStatic, { serve: false, decorateReply: true });
}
