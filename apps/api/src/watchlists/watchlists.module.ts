import { Module } from '@nestjs/common';
import { WatchListsController } from './watch-lists.controller';
import { WatchListsService } from './watch-lists.service';

/** Watch-lists (跟踪) of cases, personal or shared within the owner's scope (api roles). */
@Module({ providers: [WatchListsService], controllers: [WatchListsController] })
export class WatchListsHttpModule {}
