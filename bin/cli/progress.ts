import cliProgress from 'cli-progress';
import type { CollectProgress } from '../../lambdas/core/engine/collect.js';

export interface ProgressReporter {
  start(scope: { accountId: string; regions: readonly string[]; slices: number }): void;
  update(progress: CollectProgress): void;
  stop(): void;
}

/**
 * Collection progress on stderr: a bar on a terminal; otherwise a line at each 10% step,
 * so CI logs show progress without one line per service×region.
 */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'collecting {bar} {value}/{total} service×region  {slice} {region}',
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      start: ({ accountId, regions }) => {
        stream.write(`Scanning account ${accountId} in ${regions.length} region(s): ${regions.join(', ')}\n`);
      },
      update: (p) => {
        if (!started) {
          bar.start(p.total, 0, { slice: '', region: '' });
          started = true;
        }
        bar.update(p.done, { slice: p.slice, region: p.region });
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let lastStep = -1;
  return {
    start: ({ accountId, regions, slices }) => {
      stream.write(
        `Scanning account ${accountId}: ${slices} inventory slices in ${regions.length} region(s) (${regions.join(', ')})\n`,
      );
    },
    update: (p) => {
      const step = Math.floor((p.done / p.total) * 10);
      if (step > lastStep) {
        lastStep = step;
        stream.write(`  collected ${p.done}/${p.total} service×region (last: ${p.slice} in ${p.region})\n`);
      }
    },
    stop: () => {},
  };
}
