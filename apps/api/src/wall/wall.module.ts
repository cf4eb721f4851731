import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller';
import { WallController } from './wall.controller';

/** Serves the built wall screen and the console (api roles). */
@Module({ controllers: [WallController, ConsoleController] })
export class WallHttpModule {}
