// What every area builder of the composition root (main.ts) is given: config, store, logger, clock, event bus.
import type { Config } from '../config';
import type { Db } from '../db/sqlite';
import type { Logger } from '../log';
import type { EventBus } from '../services/event-bus';

export type Base = { config: Config; db: Db; log: Logger; clock: () => number; bus: EventBus };
