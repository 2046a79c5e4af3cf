import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installInterruptHandlers, onInterrupt, SHOW_CURSOR } from '../../bin/cli/signals.js';

/** A process stand-in: signals are events, exit is recorded instead of ending the test run. */
function fakeHost(isTTY: boolean) {
  const events = new EventEmitter();
  const exits: number[] = [];
  const written: string[] = [];
  const stderr = { isTTY, write: (text: string) => written.push(text) > 0 };
  const host = {
    on: (signal: NodeJS.Signals, listener: () => void) => events.on(signal, listener),
    exit: (code: number) => exits.push(code),
  };
  installInterruptHandlers(stderr, host);
  return { events, exits, written };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Function: installInterruptHandlers', () => {
  it('restores the cursor on a terminal, runs the cleanups and exits 130 on Ctrl-C', async () => {
    // Prepare
    const { events, exits, written } = fakeHost(true);
    const stopped: string[] = [];
    const unregister = onInterrupt(async () => {
      stopped.push('moto');
    });

    // Act
    events.emit('SIGINT');
    await settled();
    unregister();

    // Assess
    expect(written[0]).toBe(SHOW_CURSOR);
    expect(stopped).toEqual(['moto']);
    expect(exits).toEqual([130]);
  });

  it('exits 143 on SIGTERM and writes no cursor sequence into a pipe', async () => {
    // Prepare
    const { events, exits, written } = fakeHost(false);

    // Act
    events.emit('SIGTERM');
    await settled();

    // Assess
    expect(written.join('')).not.toContain(SHOW_CURSOR);
    expect(exits).toEqual([143]);
  });

  it('exits at once on a second signal while cleaning up', async () => {
    // Prepare
    const { events, exits } = fakeHost(false);
    const unregister = onInterrupt(() => new Promise<void>(() => {}));

    // Act
    events.emit('SIGINT');
    events.emit('SIGINT');
    unregister();

    // Assess
    expect(exits).toEqual([130]);
  });
});
