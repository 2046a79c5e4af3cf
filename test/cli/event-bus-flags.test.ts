import { describe, expect, it } from 'vitest';
import type { ScanFlags } from '../../bin/cli/resolve-config.js';
import { assertDeliveryFlags, describeEvents } from '../../bin/cli/scan-command.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';

const flags = (overrides: Partial<ScanFlags>): ScanFlags => ({
  format: 'table',
  minAlertSeverity: 'high',
  notifyOn: 'changes',
  ...overrides,
});

describe('CLI: --event-bus', () => {
  it('needs --findings-table', () => {
    // Prepare
    const given = flags({ eventBus: 'default' });

    // Act
    const check = () => assertDeliveryFlags(given);

    // Assess
    expect(check).toThrow(ConfigurationError);
    expect(check).toThrow(/--event-bus needs --findings-table/);
  });

  it.each(['default', 'security-events', 'arn:aws:events:eu-west-1:123456789012:event-bus/security'])(
    'accepts the bus %s',
    (bus) => {
      // Prepare
      const given = flags({ eventBus: bus, findingsTable: 'findings' });

      // Act
      const check = () => assertDeliveryFlags(given);

      // Assess
      expect(check).not.toThrow();
    },
  );

  it('refuses a value that is no bus name, naming the flag', () => {
    // Prepare
    const given = flags({ eventBus: 'not a bus', findingsTable: 'findings' });

    // Act
    const check = () => assertDeliveryFlags(given);

    // Assess
    expect(check).toThrow(/--event-bus: expected "default", a bus name or an event bus ARN/);
  });

  it('refuses --alert-chat without --alert-topic-arn', () => {
    // Prepare
    const given = flags({ alertChat: true, findingsTable: 'findings' });

    // Act
    const check = () => assertDeliveryFlags(given);

    // Assess
    expect(check).toThrow(/--alert-chat needs --alert-topic-arn/);
  });

  it('says what was put in one line', () => {
    // Prepare
    const events = { bus: 'default', put: 3, findingEvents: 2, requests: 1, retried: 0 };

    // Act
    const line = describeEvents(events);

    // Assess
    expect(line).toBe('Events: 3 put on bus default (2 finding event(s) and 1 summary; 1 request(s))');
  });
});
