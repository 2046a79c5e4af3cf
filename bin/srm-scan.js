#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so a fresh `npm ci` is all the set-up it needs.
import { register } from 'tsx/esm/api';

register();
await import('./srm-scan.ts');
