/**
 * A dated run (issue 17.6): with NODE_ENV=test and TEST_NOW set (an ISO instant, e.g.
 * 2026-02-16T09:30:00+08:00), every clock read of this process — `new Date()` and `Date.now()`, in
 * the application and in the tests alike — starts from TEST_NOW and then runs at the real pace (so
 * timeouts, leases and waits still behave). Nothing else honours TEST_NOW: outside tests it is
 * ignored, so a production process can never be put on a false clock by its environment.
 *
 * Reads the clock only through the replaced `Date`; PostgreSQL's own now() is not shifted, which is
 * why the statements that compare stored instants with "now" take the application's clock as a
 * parameter.
 */
export function installTestClock(env: NodeJS.ProcessEnv = process.env, target: { Date: DateConstructor } = globalThis): number | null {
  const requested = env.TEST_NOW;
  if (env.NODE_ENV !== 'test' || !requested) return null;
  const at = Date.parse(requested);
  if (Number.isNaN(at)) throw new Error(`TEST_NOW: must be an ISO date-time, got ${JSON.stringify(requested)}`);
  const RealDate = target.Date;
  if ((RealDate as unknown as { shiftedBy?: number }).shiftedBy !== undefined) return (RealDate as unknown as { shiftedBy: number }).shiftedBy;
  const offset = at - RealDate.now();
  class ShiftedDate extends RealDate {
    static readonly shiftedBy = offset;
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  target.Date = ShiftedDate as unknown as DateConstructor;
  return offset;
}
