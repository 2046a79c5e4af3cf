/**
 * Scans the benchmark account in a process of its own, so that its peak memory and CPU time are the scanner's alone
 * (not the seeder's or a proxy's). Usage: `tsx test/bench/scan-process.ts <endpoint>`; prints the measure as JSON on
 * its last line.
 */
import { scanAccount } from './large-account.js';

const endpoint = process.argv[2];
if (!endpoint) throw new Error('usage: scan-process.ts <endpoint>');
const measure = await scanAccount(endpoint);
process.stdout.write(`${JSON.stringify(measure)}\n`);
