import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import {
  AWS_SERVICES,
  arnNamespaceOf,
  serviceKeyOfArn,
  serviceKeyOfResourceType,
} from '../../lambdas/core/srm/services.js';

describe('Service table', () => {
  it('has one row per service key', () => {
    // Prepare
    const keys = AWS_SERVICES.map((s) => s.key);

    // Act
    const duplicates = keys.filter((key, i) => keys.indexOf(key) !== i);

    // Assess
    expect(duplicates).toEqual([]);
  });

  it("has a row for the service of every check, with the check's obligation among those it owes", () => {
    for (const check of CHECKS) {
      // Prepare
      const services = check.appliesTo ?? [check.service === 'account' ? 'iam' : check.service];

      // Act
      const rows = services.map((key) => AWS_SERVICES.find((s) => s.key === key));

      // Assess
      for (const [i, row] of rows.entries()) {
        expect(row, `${check.id}: no row for ${services[i]}`).toBeDefined();
        expect(row?.obligations, `${check.id} on ${services[i]}`).toContain(check.obligation);
      }
    }
  });

  it('maps srm-scan keys to ARN namespaces where they differ', () => {
    // Act
    const namespaces = ['opensearch', 'efs', 'account', 's3'].map(arnNamespaceOf);

    // Assess
    expect(namespaces).toEqual(['es', 'elasticfilesystem', 'iam', 's3']);
  });

  it('tells classic load balancers from the other Elastic Load Balancing resources', () => {
    // Act
    const keys = [
      serviceKeyOfArn('arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/legacy-web'),
      serviceKeyOfArn('arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/edge/1a2b'),
      serviceKeyOfArn('arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/1a2b'),
      serviceKeyOfResourceType('elasticloadbalancing:loadbalancer/classic'),
      serviceKeyOfResourceType('elasticloadbalancing:loadbalancer/app'),
    ];

    // Assess
    expect(keys).toEqual(['elb', 'elbv2', 'elbv2', 'elb', 'elbv2']);
  });

  it('keeps an unknown namespace as its own key', () => {
    // Act
    const key = serviceKeyOfResourceType('newservice:widget');

    // Assess
    expect(key).toBe('newservice');
  });
});
