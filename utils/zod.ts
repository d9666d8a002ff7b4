/**
 * The one place zod is imported from. Zod 4 compiles parsers with `new Function`,
 * which MV3's CSP forbids; the probe fires CSP reports and once threw EvalError in
 * an injected script (colinhacks/zod discussion #6671). `jitless` must be set before
 * any schema is created, so every module imports `z` from here, never from 'zod'.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
