import { z } from 'zod';

// Zod 4 compiles object parsers with `new Function` unless told not to; an extension's CSP forbids
// eval and Mozilla's linter flags it. Every module imports z from here so the setting is always applied.
z.config({ jitless: true });

export { z };
