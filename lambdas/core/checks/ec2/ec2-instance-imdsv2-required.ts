import { defineCheck, fail, pass } from '../define-check.js';
import { labelOf } from './labels.js';

export const ec2InstanceImdsv2Required = defineCheck({
  id: 'ec2-instance-imdsv2-required',
  title: 'EC2 instances require IMDSv2 session tokens for instance metadata',
  service: 'ec2',
  resourceType: 'AwsEc2Instance',
  srmClass: 'infrastructure',
  obligation: 'os-and-platform',
  severity: 'high',
  requires: ['ec2.instances'],
  compliance: [
    { framework: 'aws-fsbp', control: 'EC2.8' },
    { framework: 'cis-aws-3.0', control: '5.6' },
    { framework: 'cis-aws-4.0', control: '5.7' },
  ],
  risk: 'With IMDSv1 a single server-side request forgery or open proxy on the instance is enough to read the credentials of its IAM role from the metadata service.',
  remediation: {
    text: 'Set HttpTokens to required on the instance (and in its launch template) once its software uses IMDSv2.',
    cli: 'aws ec2 modify-instance-metadata-options --instance-id <instance-id> --http-tokens required --http-endpoint enabled --region <region>',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
  },
  evaluate: ({ ec2 }) =>
    ec2.instances.map((instance) => {
      const label = labelOf(instance);
      if (instance.httpTokens === 'required') return pass(instance, `EC2 instance ${label} requires IMDSv2.`);
      // With the endpoint disabled there is no metadata service to query, so no credentials to steal.
      if (instance.httpEndpoint === 'disabled') {
        return pass(instance, `EC2 instance ${label} has its instance metadata endpoint disabled.`);
      }
      return fail(
        instance,
        `EC2 instance ${label} accepts IMDSv1 requests (HttpTokens is ${instance.httpTokens ?? 'unset'}).`,
      );
    }),
});
