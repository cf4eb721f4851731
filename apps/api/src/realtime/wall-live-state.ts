import { Logger } from '@nestjs/common';
import { WALL_PROTOCOL_VERSION, WallDelta, WallHeartbeat, WallSnapshot } from '@app/contracts';
import { FlushThrottle } from './flush-throttle';
import { diffWallState, toSnapshot } from './wall-delta';
import { WallScope } from './wall-scope';
import { WallSnapshotService } from './wall-snapshot.service';
import { WallState } from './wall-state.assembler';

/** ≤ 2 updates per second per panel, however many events arrive. */
export const MIN_UPDATE_INTERVAL_MS = 500;

/**
 * This api node's copy of the wall for one scope, and its sequence. Snapshots and deltas are built
 * from it one at a time, so a screen's snapshot and the deltas after it always chain. Exists only
 * while a screen of that scope is connected to this node (WallLiveStates); an idle node reads nothing.
 */
export class WallLiveState {
  private readonly logger = new Logger('WallLiveState');
  private state: WallState | null = null;
  private sequence = 0;
  private work: Promise<unknown> = Promise.resolve();
  private lastFailureLoggedAt = 0;
  private readonly throttle = new FlushThrottle(MIN_UPDATE_INTERVAL_MS, () => this.refresh(), (error) => this.failed(error));

  constructor(
    readonly scope: WallScope,
    private readonly snapshots: WallSnapshotService,
    private readonly onDelta: (delta: WallDelta) => void,
  ) {}

  /** Calls `send` with the current snapshot, reading the database first if this node holds none. */
  async withSnapshot(send: (snapshot: WallSnapshot) => void): Promise<void> {
    await this.serially(async () => {
      this.state ??= await this.snapshots.read(this.scope);
      send(toSnapshot(this.state, this.sequence, WALL_PROTOCOL_VERSION));
    });
  }

  /** Something changed (or may have): re-read and send what differs, coalesced. */
  changed(): void {
    if (this.state) this.throttle.request();
  }

  heartbeat(): WallHeartbeat {
    const now = new Date().toISOString();
    return { serverTime: now, sequence: this.sequence, dataAsOf: this.state?.serverTime ?? now };
  }

  /** No screen of this scope is left on this node: stop reading, forget the state. */
  async close(): Promise<void> {
    await this.throttle.stop();
    this.state = null;
  }

  private async refresh(): Promise<void> {
    await this.serially(async () => {
      if (!this.state) return;
      const next = await this.snapshots.read(this.scope);
      const changes = diffWallState(this.state, next);
      this.state = next;
      if (!changes) return;
      this.sequence += 1;
      const delta: WallDelta = { sequence: this.sequence, serverTime: next.serverTime, ...changes };
      this.onDelta(delta);
    });
  }

  private serially(task: () => Promise<void>): Promise<void> {
    const run = this.work.then(task);
    this.work = run.catch(() => undefined);
    return run;
  }

  private failed(error: unknown): void {
    // The screens see the failure as aging data (heartbeat.dataAsOf); the log needs it once a minute.
    if (Date.now() - this.lastFailureLoggedAt < 60_000) return;
    this.lastFailureLoggedAt = Date.now();
    this.logger.warn(`wall refresh failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
