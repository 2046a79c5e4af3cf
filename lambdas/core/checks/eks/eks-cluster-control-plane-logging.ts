import { defineCheck, verdict } from '../define-check.js';
import { joinNames } from '../shared/text.js';

/** The control-plane logs that record who called the API server, what it did and who authenticated. */
const REQUIRED_LOG_TYPES = ['api', 'audit', 'authenticator'] as const;

export const eksClusterControlPlaneLogging = defineCheck({
  id: 'eks-cluster-control-plane-logging',
  title: 'EKS clusters send API server, audit and authenticator control-plane logs to CloudWatch Logs',
  service: 'eks',
  resourceType: 'AwsEksCluster',
  srmClass: 'container',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['eks.clusters'],
  compliance: [{ framework: 'aws-fsbp', control: 'EKS.8' }],
  risk:
    'The audit, API server and authenticator logs are the only record of who did what through the Kubernetes ' +
    'API; without them a stolen credential or a malicious deployment leaves nothing to investigate.',
  remediation: {
    text: 'Enable the api, audit and authenticator control-plane log types for the cluster.',
    cli:
      'aws eks update-cluster-config --name <cluster> --logging ' +
      '\'{"clusterLogging":[{"types":["api","audit","authenticator"],"enabled":true}]}\'',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
  },
  evaluate: ({ eks }) =>
    eks.clusters.map((cluster) => {
      const missing = REQUIRED_LOG_TYPES.filter((t) => !cluster.enabledLogTypes.includes(t));
      return verdict(
        missing.length === 0,
        cluster,
        `EKS cluster ${cluster.name} sends the ${joinNames([...REQUIRED_LOG_TYPES])} control-plane logs to CloudWatch Logs.`,
        `EKS cluster ${cluster.name} does not send the ${joinNames(missing)} control-plane log${missing.length === 1 ? '' : 's'} to CloudWatch Logs (enabled: ${cluster.enabledLogTypes.length > 0 ? cluster.enabledLogTypes.join(', ') : 'none'}).`,
      );
    }),
});
