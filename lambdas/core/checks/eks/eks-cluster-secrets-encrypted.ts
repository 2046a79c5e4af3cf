import { defineCheck, verdict } from '../define-check.js';

export const eksClusterSecretsEncrypted = defineCheck({
  id: 'eks-cluster-secrets-encrypted',
  title: 'EKS clusters encrypt Kubernetes secrets with a KMS key (envelope encryption)',
  service: 'eks',
  resourceType: 'AwsEksCluster',
  srmClass: 'container',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['eks.clusters'],
  compliance: [{ framework: 'aws-fsbp', control: 'EKS.3' }],
  risk:
    'Without envelope encryption, Kubernetes secrets in etcd are protected by one layer of AWS-managed ' +
    'encryption only; a KMS key of your own adds a key policy you control and CloudTrail records of every use.',
  remediation: {
    text: 'Associate a customer managed KMS key with the cluster to encrypt its secrets (this cannot be undone).',
    cli: 'aws eks associate-encryption-config --cluster-name <cluster> --encryption-config "resources=secrets,provider={keyArn=<kms-key-arn>}"',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html',
  },
  evaluate: ({ eks }) =>
    eks.clusters.map((cluster) => {
      const config = cluster.encryptionConfig.find((c) => c.resources.includes('secrets') && c.keyArn);
      return verdict(
        config !== undefined,
        cluster,
        `EKS cluster ${cluster.name} encrypts Kubernetes secrets with KMS key ${config?.keyArn}.`,
        `EKS cluster ${cluster.name} does not encrypt Kubernetes secrets with a KMS key.`,
      );
    }),
});
