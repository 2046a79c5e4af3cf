import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { buildCoverageMap, listedResources } from '../../lambdas/core/coverage/service-coverage.js';
import { finding } from '../helpers/findings.js';

const byId = (id: string) => {
  const check = CHECKS.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check;
};

const VERSIONING = byId('s3-bucket-versioning-enabled');
const RESIDENCY = byId('account-resources-in-allowed-regions');
const BUCKET = 'arn:aws:s3:::harbor-invoices';

describe('Function: buildCoverageMap', () => {
  it('tells an obligation this selection left out from one srm-scan has no check for', () => {
    // Prepare
    const findings = [finding(VERSIONING.id, BUCKET, 'FAIL', { obligation: 'backup-recovery', service: 's3' })];

    // Act
    const map = buildCoverageMap({
      checks: [VERSIONING],
      catalogue: CHECKS,
      findings,
      listed: new Map([['s3', 1]]),
      regions: ['eu-west-1'],
    });

    // Assess
    const s3 = map.services.find((s) => s.service === 's3');
    const state = Object.fromEntries(s3?.obligations.map((o) => [o.obligation, o.state]) ?? []);
    expect(s3?.state).toBe('partly-checked');
    expect(state['backup-recovery']).toBe('checked');
    expect(state['public-exposure']).toBe('not-selected');
    expect(s3?.obligations.find((o) => o.obligation === 'backup-recovery')).toMatchObject({ checks: 1, FAIL: 1 });
  });

  it('credits an account-wide check to the service of each resource it judged', () => {
    // Prepare
    const findings = [
      finding(RESIDENCY.id, BUCKET, 'PASS', { obligation: 'data-residency', service: 'account' }),
      finding(RESIDENCY.id, 'arn:aws:dynamodb:ap-southeast-1:123456789012:table/orders', 'FAIL', {
        obligation: 'data-residency',
        service: 'account',
      }),
    ];

    // Act
    const map = buildCoverageMap({
      checks: [RESIDENCY],
      catalogue: CHECKS,
      findings,
      listed: new Map([
        ['s3', 1],
        ['dynamodb', 1],
      ]),
      regions: ['eu-west-1'],
    });

    // Assess
    const residency = (service: string) =>
      map.services.find((s) => s.service === service)?.obligations.find((o) => o.obligation === 'data-residency');
    expect(residency('s3')).toMatchObject({ state: 'checked', PASS: 1, FAIL: 0 });
    expect(residency('dynamodb')).toMatchObject({ state: 'checked', PASS: 0, FAIL: 1 });
  });

  it('lists a service only the tagging API saw as in use and not checked, with what the customer owes', () => {
    // Prepare
    const tagged = [{ region: 'eu-west-1', resourceType: 'states:stateMachine', count: 3 }];

    // Act
    const map = buildCoverageMap({
      checks: CHECKS,
      catalogue: CHECKS,
      findings: [],
      listed: new Map(),
      tagged,
      regions: ['eu-west-1'],
    });

    // Assess
    expect(map.services).toHaveLength(1);
    expect(map.services[0]).toMatchObject({
      service: 'states',
      srmClass: 'abstracted',
      taggedResources: 3,
      evidence: ['tagging-api'],
      state: 'not-checked',
    });
    expect(map.services[0]?.obligations.every((o) => o.state === 'no-check')).toBe(true);
  });

  it('keeps a namespace it does not know as in use with an unknown class', () => {
    // Prepare
    const tagged = [
      { region: 'eu-west-1', resourceType: 'quantumledger:ledger', count: 1 },
      { region: 'us-east-1', resourceType: 'quantumledger:ledger', count: 2 },
    ];

    // Act
    const map = buildCoverageMap({
      checks: [],
      catalogue: CHECKS,
      findings: [],
      listed: new Map(),
      tagged,
      regions: ['eu-west-1', 'us-east-1'],
    });

    // Assess
    expect(map.unknownServices).toEqual([
      { namespace: 'quantumledger', resourceTypes: ['quantumledger:ledger'], taggedResources: 3 },
    ]);
  });

  it('says the tagging API was not read when discovery is off', () => {
    // Act
    const map = buildCoverageMap({
      checks: [],
      catalogue: CHECKS,
      findings: [],
      listed: new Map(),
      regions: ['eu-west-1'],
    });

    // Assess
    expect(map.sources.taggingApi).toEqual({ state: 'not-collected', regions: [] });
  });

  it('lists account-wide duties that the scan checked even without resources', () => {
    // Prepare
    const rootMfa = byId('iam-root-mfa-enabled');
    const findings = [
      finding(rootMfa.id, 'arn:aws:iam::123456789012:root', 'PASS', { obligation: 'identity-mfa', service: 'iam' }),
    ];

    // Act
    const map = buildCoverageMap({
      checks: [rootMfa],
      catalogue: CHECKS,
      findings,
      listed: new Map(),
      regions: ['eu-west-1'],
    });

    // Assess
    expect(map.services.map((s) => [s.service, s.evidence])).toEqual([['iam', ['account-wide']]]);
  });
});

describe('Function: listedResources', () => {
  it('counts distinct resources per service and skips account-level settings', () => {
    // Prepare
    const slices = {
      's3.buckets': [{ arn: BUCKET }],
      's3.bucketVersioning': [{ arn: BUCKET }],
      'ec2.ebsEncryptionByDefault': [{ arn: 'arn:aws:ec2:eu-west-1:123456789012:account' }],
      'elb.loadBalancers': [{ arn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/legacy' }],
      'iam.passwordPolicy': null,
    };

    // Act
    const counts = listedResources(slices);

    // Assess
    expect([...counts]).toEqual([
      ['s3', 1],
      ['elb', 1],
    ]);
  });
});
