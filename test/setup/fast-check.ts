/**
 * Property tests run from a fixed seed, so `npm test` (and CI) is
 * deterministic: a red run is a regression, not a draw. `npm run test:fuzz`
 * runs the same properties from random seeds (FC_SEED=random), and FC_SEED=N
 * replays a seed a failure printed.
 */
import fc from 'fast-check';

const FIXED_SEED = 20261123;
const env = process.env.FC_SEED;
if (env !== 'random') fc.configureGlobal({ seed: env !== undefined && env !== '' ? Number(env) : FIXED_SEED });
