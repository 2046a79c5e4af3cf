import { describe, expect, it } from 'vitest';
import { rdsInstanceLogsExported } from '../../../lambdas/core/checks/rds/index.js';
import { auroraMember, dbCluster, dbInstance, evaluate } from '../../fixtures/rds.js';

describe('Check: rds-instance-logs-exported', () => {
  it('fails when an instance publishes no logs', () => {
    // Prepare
    const db = dbInstance('legacy-db', { engine: 'mysql', enabledCloudwatchLogsExports: [] });

    // Act
    const results = evaluate(rdsInstanceLogsExported, { 'rds.instances': [db], 'rds.clusters': [] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: db,
        message:
          'RDS DB instance legacy-db (mysql) does not publish audit, error, general, slowquery logs to CloudWatch Logs (published: none).',
      },
    ]);
  });

  it('fails when some of the engine’s log types are missing', () => {
    // Prepare
    const db = dbInstance('analytics-db', { engine: 'mysql', enabledCloudwatchLogsExports: ['error', 'slowquery'] });

    // Act
    const [result] = evaluate(rdsInstanceLogsExported, { 'rds.instances': [db], 'rds.clusters': [] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'RDS DB instance analytics-db (mysql) does not publish audit, general logs to CloudWatch Logs (published: error, slowquery).',
    );
  });

  it('passes when the engine’s log types are all published', () => {
    // Prepare
    const postgres = dbInstance('orders-db');
    const oracle = dbInstance('billing-db', {
      engine: 'oracle-se2',
      enabledCloudwatchLogsExports: ['alert', 'audit', 'listener', 'trace'],
    });

    // Act
    const results = evaluate(rdsInstanceLogsExported, { 'rds.instances': [postgres, oracle], 'rds.clusters': [] });

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: postgres,
        message: 'RDS DB instance orders-db (postgres) publishes postgresql, upgrade logs to CloudWatch Logs.',
      },
      {
        status: 'PASS',
        resource: oracle,
        message:
          'RDS DB instance billing-db (oracle-se2) publishes alert, audit, listener, trace logs to CloudWatch Logs.',
      },
    ]);
  });

  it('requires only the error log from SQL Server Express, which has no SQL Server Agent, and error and agent from other editions', () => {
    // Prepare
    const express = dbInstance('kiosk-db', { engine: 'sqlserver-ex', enabledCloudwatchLogsExports: ['error'] });
    const standard = dbInstance('erp-db', { engine: 'sqlserver-se', enabledCloudwatchLogsExports: ['error'] });

    // Act
    const results = evaluate(rdsInstanceLogsExported, { 'rds.instances': [express, standard], 'rds.clusters': [] });

    // Assess
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([
      ['kiosk-db', 'PASS'],
      ['erp-db', 'FAIL'],
    ]);
    expect(results[1]?.message).toBe(
      'RDS DB instance erp-db (sqlserver-se) does not publish agent logs to CloudWatch Logs (published: error).',
    );
  });

  it('requires at least one log type for an engine without a list', () => {
    // Prepare
    const exporting = dbInstance('warehouse-db', { engine: 'db2-se', enabledCloudwatchLogsExports: ['diag.log'] });
    const silent = dbInstance('archive-db', { engine: 'db2-se', enabledCloudwatchLogsExports: [] });

    // Act
    const results = evaluate(rdsInstanceLogsExported, { 'rds.instances': [exporting, silent], 'rds.clusters': [] });

    // Assess
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([
      ['warehouse-db', 'PASS'],
      ['archive-db', 'FAIL'],
    ]);
    expect(results[1]?.message).toBe('RDS DB instance archive-db (db2-se) publishes no logs to CloudWatch Logs.');
  });

  it('does not evaluate RDS Custom instances, which cannot publish logs', () => {
    // Prepare
    const custom = dbInstance('custom-erp', { engine: 'custom-oracle-ee', enabledCloudwatchLogsExports: [] });

    // Act
    const results = evaluate(rdsInstanceLogsExported, { 'rds.instances': [custom], 'rds.clusters': [] });

    // Assess
    expect(results).toEqual([]);
  });

  it('judges an Aurora instance by its cluster’s log exports', () => {
    // Prepare
    const cluster = dbCluster('ledger', { enabledCloudwatchLogsExports: ['postgresql'] });
    const member = auroraMember('ledger-1', cluster, { enabledCloudwatchLogsExports: [] });

    // Act
    const [result] = evaluate(rdsInstanceLogsExported, { 'rds.instances': [member], 'rds.clusters': [cluster] });

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: member,
      message:
        'RDS DB instance ledger-1 (aurora-postgresql) is in cluster ledger, which publishes postgresql logs to CloudWatch Logs.',
    });
  });
});
