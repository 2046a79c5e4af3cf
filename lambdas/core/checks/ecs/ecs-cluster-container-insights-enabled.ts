import { defineCheck, verdict } from '../define-check.js';

/** `enabled` and `enhanced` (Container Insights with enhanced observability) both turn it on. */
const ON = new Set(['enabled', 'enhanced']);

export const ecsClusterContainerInsightsEnabled = defineCheck({
  id: 'ecs-cluster-container-insights-enabled',
  title: 'ECS clusters have CloudWatch Container Insights enabled',
  service: 'ecs',
  resourceType: 'AwsEcsCluster',
  srmClass: 'container',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['ecs.clusters'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECS.12' }],
  risk:
    'Without Container Insights there are no per-task and per-container metrics or diagnostic events (restarts, ' +
    'resource exhaustion) to alarm on, so abuse such as crypto-mining or a crash loop goes unnoticed.',
  remediation: {
    text: 'Turn Container Insights on for the cluster (enabled, or enhanced for container-level observability).',
    cli: 'aws ecs update-cluster-settings --cluster <cluster> --settings name=containerInsights,value=enhanced',
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/deploy-container-insights-ECS-cluster.html',
  },
  evaluate: ({ ecs }) =>
    ecs.clusters.map((cluster) =>
      verdict(
        cluster.containerInsights !== undefined && ON.has(cluster.containerInsights),
        cluster,
        `ECS cluster ${cluster.name} has Container Insights ${cluster.containerInsights}.`,
        `ECS cluster ${cluster.name} has Container Insights ${cluster.containerInsights ?? 'not configured'}.`,
      ),
    ),
});
