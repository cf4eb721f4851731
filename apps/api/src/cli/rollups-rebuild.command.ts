import { connectionFlags, parseFlags } from './cli-options';
import { AdminClient } from '../demo/admin-client';

interface RebuildAnswer {
  dryRun: boolean;
  departments: number;
  cases: number;
  differenceCount: number;
  results: { departmentCode: string; cases: number; days: number; differenceCount: number; differences: { day: string; counter: string; stored: number; recomputed: number }[]; ms: number }[];
}

/**
 * `reports:rebuild-rollups [--department CODE] [--verify]`: has the running centre recompute the
 * daily report rollups from its stored cases and events, one department per request. `--verify`
 * only compares and exits 1 when the kept rollup disagrees with the recomputation.
 */
export async function rollupsRebuildCommand(argv: string[]): Promise<void> {
  const { values } = parseFlags(argv, {
    url: { type: 'string' },
    token: { type: 'string' },
    department: { type: 'string' },
    verify: { type: 'boolean' },
  });
  const { url, token } = connectionFlags(values);
  const client = new AdminClient(url, token);
  const departments = values.department ? [values.department] : await client.departmentCodes();
  const dryRun = values.verify === true;
  let differences = 0;
  let cases = 0;
  for (const departmentCode of departments) {
    const answer = await client.call<RebuildAnswer>('POST', '/api/v1/reports/rollups/rebuild', { departmentCode, dryRun });
    for (const r of answer.results) {
      cases += r.cases;
      differences += r.differenceCount;
      console.log(`${r.departmentCode}: ${r.cases} cases, ${r.days} days, ${r.differenceCount} difference(s)${dryRun ? '' : ' fixed'} (${r.ms} ms)`);
      for (const d of r.differences) console.log(`  ${d.day} ${d.counter}: kept ${d.stored}, recomputed ${d.recomputed}`);
    }
  }
  console.log(`${dryRun ? 'verified' : 'rebuilt'} ${departments.length} department(s), ${cases} cases, ${differences} difference(s)`);
  if (dryRun && differences > 0) throw new Error('the kept rollup disagrees with the stored data: run reports:rebuild-rollups');
}
