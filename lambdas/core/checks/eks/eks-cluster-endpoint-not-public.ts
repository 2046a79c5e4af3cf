import { assessInternetExposure } from '../../network/ip-ranges.js';
import { defineCheck, fail, pass } from '../define-check.js';

export const eksClusterEndpointNotPublic = defineCheck({
  id: 'eks-cluster-endpoint-not-public',
  title: 'EKS cluster API server endpoints are not open to the whole internet',
  service: 'eks',
  resourceType: 'AwsEksCluster',
  srmClass: 'container',
  obligation: 'public-exposure',
  severity: 'high',
  requires: ['eks.clusters'],
  settings: ['internetExposurePrefix'],
  compliance: [{ framework: 'aws-fsbp', control: 'EKS.1' }],
  risk:
    'A public Kubernetes API endpoint open to any address can be probed, brute-forced and attacked through any ' +
    'authentication or API server flaw from anywhere on the internet; only IAM and RBAC stand in the way. ' +
    '(Security Hub EKS.1 fails any public endpoint; this check accepts one restricted to narrow source ranges.)',
  remediation: {
    text:
      'Turn on private endpoint access and turn public access off, or restrict it to the CIDR blocks of your ' +
      'offices and CI runners.',
    cli:
      'aws eks update-cluster-config --name <cluster> --resources-vpc-config ' +
      'endpointPrivateAccess=true,endpointPublicAccess=true,publicAccessCidrs=<office-cidr>/32',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
  },
  evaluate: ({ eks }, { internetExposurePrefix }) =>
    eks.clusters.map((cluster) => {
      const name = `EKS cluster ${cluster.name}`;
      if (!cluster.endpointPublicAccess) return pass(cluster, `${name}'s API server endpoint is private only.`);
      const exposure = assessInternetExposure(cluster.publicAccessCidrs, internetExposurePrefix);
      return exposure.exposed
        ? fail(cluster, `${name}'s API server endpoint is public and open to the internet: ${exposure.explanation}.`)
        : pass(
            cluster,
            `${name}'s API server endpoint is public but restricted to ${cluster.publicAccessCidrs.join(', ')}.`,
          );
    }),
});
