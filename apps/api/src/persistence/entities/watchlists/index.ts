import { WatchListCaseEntity } from './watch-list-case.entity';
import { WatchListEntity } from './watch-list.entity';

export { WatchListCaseEntity, WatchListEntity };

/** The tables of the watch-lists (listed in persistence/entities/index.ts). */
export const WATCHLIST_ENTITIES = [WatchListEntity, WatchListCaseEntity];
