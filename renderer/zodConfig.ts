import { z } from 'zod';

// The page's policy forbids eval. Without this, zod probes `new Function` when it builds object
// schemas and the browser reports a CSP violation (zod then falls back to its interpreted
// parser, which is what this asks for up front). Schemas read the flag when they are created,
// so this module must be evaluated before any module that defines one: main.tsx imports it first.
z.config({ jitless: true });
