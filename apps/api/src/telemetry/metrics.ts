import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Labels of a gauge: each name a string. */
type Labels<L extends string> = Partial<Record<L, string>>;

let processRegistry: Registry | null = null;

/**
 * Node's own figures (event-loop lag, heap, CPU, handles) belong to the process, not to one
 * application: collected once per process, so tests that start many applications start one monitor.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'lm_process_', eventLoopMonitoringPrecision: 20 });
  }
  return processRegistry;
}

/**
 * The application's Prometheus metrics, one registry per application instance. Features count what
 * happens (ingest outcomes, scheduler ticks); the operations module sets the gauges that describe the
 * stored state (queues, projection lag, cards, deliveries) when /metrics is scraped. Names: docs/operations.md.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly ingestEvents = new Counter({
    name: 'lm_ingest_events_total',
    help: 'Events received by POST /api/v1/events, by outcome (accepted, duplicate, rejected).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly ingestBatches = new Counter({
    name: 'lm_ingest_requests_total',
    help: 'Ingest requests handled (each one batch of events).',
    registers: [this.registry],
  });

  readonly schedulerTick = new Histogram({
    name: 'lm_scheduler_tick_seconds',
    help: 'Duration of one deadline-scheduler pass (due cases re-projected, cards escalated).',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly schedulerMoved = new Counter({
    name: 'lm_scheduler_rows_total',
    help: 'Rows the deadline scheduler handled: due cases re-projected, cards escalated.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  private readonly gauges = new Map<string, Gauge>();

  /** Open sockets per namespace on this node; set by the socket adapter once it exists. */
  socketCounts: () => { namespace: string; count: number }[] = () => [];

  /** A gauge set from stored state at scrape time; declared once, reset at each scrape. */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    let gauge = this.gauges.get(name);
    if (!gauge) {
      gauge = new Gauge({ name, help, labelNames: labelNames, registers: [this.registry] });
      this.gauges.set(name, gauge);
    }
    return gauge;
  }

  /** Replaces every value of a gauge (a label set that vanished is not left behind). */
  setAll<L extends string>(gauge: Gauge<L>, values: readonly { labels: Labels<L>; value: number }[]): void {
    gauge.reset();
    for (const { labels, value } of values) gauge.set(labels, value);
  }

  /** The Prometheus text exposition: this application's metrics and the process's. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([this.registry, processMetrics()]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }
}
