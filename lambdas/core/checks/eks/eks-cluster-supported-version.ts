import { defineCheck, notEvaluated, verdict } from '../define-check.js';

/** `1.34` → [1, 34]; undefined for anything else. */
const minorVersion = (version: string | undefined): [number, number] | undefined => {
  const match = /^(\d+)\.(\d+)/.exec(version ?? '');
  return match ? [Number(match[1]), Number(match[2])] : undefined;
};

const atLeast = (version: [number, number], minimum: [number, number]): boolean =>
  version[0] > minimum[0] || (version[0] === minimum[0] && version[1] >= minimum[1]);

export const eksClusterSupportedVersion = defineCheck({
  id: 'eks-cluster-supported-version',
  title: 'EKS clusters run a Kubernetes version in standard support',
  service: 'eks',
  resourceType: 'AwsEksCluster',
  srmClass: 'container',
  obligation: 'os-and-platform',
  severity: 'high',
  requires: ['eks.clusters'],
  settings: ['eksMinimumKubernetesVersion'],
  compliance: [{ framework: 'aws-fsbp', control: 'EKS.2' }],
  risk:
    'Past standard support, a Kubernetes version gets only critical fixes at extended-support prices, and when ' +
    'extended support ends EKS upgrades the control plane for you, possibly breaking workloads at a time you did not choose.',
  remediation: {
    text:
      'Upgrade the control plane one minor version at a time to a version in standard support, after checking ' +
      'deprecated APIs and add-on compatibility; then upgrade the node groups.',
    cli: 'aws eks update-cluster-version --name <cluster> --kubernetes-version <next-minor-version>',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html',
  },
  evaluate: ({ eks }, { eksMinimumKubernetesVersion }) => {
    const minimum = minorVersion(eksMinimumKubernetesVersion);
    return eks.clusters.map((cluster) => {
      const version = minorVersion(cluster.version);
      if (!version || !minimum) {
        return notEvaluated(
          cluster,
          `EKS cluster ${cluster.name}'s Kubernetes version (${cluster.version ?? 'unknown'}) could not be compared with ${eksMinimumKubernetesVersion}.`,
        );
      }
      return verdict(
        atLeast(version, minimum),
        cluster,
        `EKS cluster ${cluster.name} runs Kubernetes ${cluster.version}, in standard support (oldest supported: ${eksMinimumKubernetesVersion}).`,
        `EKS cluster ${cluster.name} runs Kubernetes ${cluster.version}, older than ${eksMinimumKubernetesVersion}, the oldest version in standard support.`,
      );
    });
  },
});
