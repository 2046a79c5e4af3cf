import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import { parseScanEvent, SCHEDULED_RUN_EVENT } from '../../lambdas/scanner/event.js';

describe('Function: parseScanEvent', () => {
  it('recognises the fixed scheduled-run event', () => {
    // Prepare
    const event = { ...SCHEDULED_RUN_EVENT };

    // Act
    const request = parseScanEvent(event);

    // Assess
    expect(request).toEqual({ trigger: 'schedule' });
  });

  it('accepts the console test event from the documentation', () => {
    // Prepare
    const event = { checks: ['s3-*'], regions: ['eu-west-1'], notify: 'always', dryRun: true };

    // Act
    const request = parseScanEvent(event);

    // Assess
    expect(request).toEqual({
      trigger: 'on-demand',
      checks: ['s3-*'],
      regions: ['eu-west-1'],
      notify: 'always',
      dryRun: true,
    });
  });

  it.each([[{}], [null], [undefined]])('treats %j as an on-demand run of the deployed configuration', (event) => {
    // Prepare, Act
    const request = parseScanEvent(event);

    // Assess
    expect(request).toEqual({ trigger: 'on-demand', dryRun: false });
  });

  it.each([
    [{ regions: ['moon-1'] }, 'regions.0: must be an AWS region name'],
    [{ regions: [] }, 'regions:'],
    [{ checks: 's3-*' }, 'checks:'],
    [{ checks: [''] }, 'checks.0:'],
    [{ notify: 'sometimes' }, 'notify:'],
    [{ dryRun: 'yes' }, 'dryRun:'],
    [{ region: ['eu-west-1'] }, '"region"'],
    [{ source: SCHEDULED_RUN_EVENT.source, run: 'manual' }, 'run:'],
  ])('rejects %j with a message naming the bad field', (event, field) => {
    // Prepare, Act
    const parse = () => parseScanEvent(event);

    // Assess
    expect(parse).toThrow(ConfigurationError);
    expect(parse).toThrow(field);
  });

  it('rejects an event that is not an object', () => {
    // Prepare, Act
    const parse = () => parseScanEvent(['s3-*']);

    // Assess
    expect(parse).toThrow(/Invalid event: expected a JSON object .* got an array/);
  });
});
