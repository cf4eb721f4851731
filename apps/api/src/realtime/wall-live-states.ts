import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { WallDelta } from '@app/contracts';
import { WallLiveState } from './wall-live-state';
import { WallScope, wallScopeKey } from './wall-scope';
import { WallSnapshotService } from './wall-snapshot.service';

/**
 * This node's live states, one per scope that has a screen here, counted by connection: the first
 * screen of a scope creates its state, the last one to leave closes it.
 */
@Injectable()
export class WallLiveStates implements OnModuleDestroy {
  private readonly states = new Map<string, { live: WallLiveState; screens: number }>();
  private deltaSink: (scopeKey: string, delta: WallDelta) => void = () => undefined;

  constructor(private readonly snapshots: WallSnapshotService) {}

  /** Where deltas go (the gateway sends them to the scope's room on this node). */
  sendDeltasTo(sink: (scopeKey: string, delta: WallDelta) => void): void {
    this.deltaSink = sink;
  }

  attach(scope: WallScope): WallLiveState {
    const key = wallScopeKey(scope);
    let entry = this.states.get(key);
    if (!entry) {
      entry = { live: new WallLiveState(scope, this.snapshots, (delta) => this.deltaSink(key, delta)), screens: 0 };
      this.states.set(key, entry);
    }
    entry.screens++;
    return entry.live;
  }

  detach(scope: WallScope): void {
    const key = wallScopeKey(scope);
    const entry = this.states.get(key);
    if (!entry || --entry.screens > 0) return;
    this.states.delete(key);
    void entry.live.close();
  }

  /** Something changed: every scope re-reads (coalesced per scope). */
  changed(): void {
    for (const { live } of this.states.values()) live.changed();
  }

  each(visit: (scopeKey: string, live: WallLiveState) => void): void {
    for (const [key, { live }] of this.states) visit(key, live);
  }

  get size(): number {
    return this.states.size;
  }

  async onModuleDestroy(): Promise<void> {
    const entries = [...this.states.values()];
    this.states.clear();
    await Promise.all(entries.map(({ live }) => live.close()));
  }
}
