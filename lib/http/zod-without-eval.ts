/**
 * zod for code that runs in the browser. zod compiles object parsers with
 * `new Function` when it may; its probe for that is blocked by the console's CSP
 * (script-src has no 'unsafe-eval', lib/http/security-headers.ts) and reported
 * as a violation. Jitless parsing gives the same results, uncompiled.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
