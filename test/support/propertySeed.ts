import fc from 'fast-check';

// The property tests' seed. `npm test` (scripts/test.mjs) fixes it, so CI on a commit is reproducible
// and a red run is the commit's doing, not the dice's; `npm run fuzz` leaves it unset, so fast-check
// draws a fresh one each run, with ten times the cases, to find what the fixed sample misses. A failure
// prints its seed: ITAKU_PROPERTY_SEED=<seed> replays it. Every property test imports this module.
if (process.env.ITAKU_PROPERTY_SEED) fc.configureGlobal({ seed: Number(process.env.ITAKU_PROPERTY_SEED) });

/**
 * How many cases a property test runs: ITAKU_PROPERTY_RUNS if set (as each test reads it), else its
 * own count times ITAKU_PROPERTY_SCALE (`npm run fuzz` sets 10).
 */
export function propertyRuns(count: number): number {
  if (process.env.ITAKU_PROPERTY_RUNS) return Number(process.env.ITAKU_PROPERTY_RUNS);
  return Math.ceil(count * Math.max(1, Number(process.env.ITAKU_PROPERTY_SCALE ?? 1) || 1));
}
