import { defineCheck, verdict } from '../define-check.js';

export const ec2AmiNotPublic = defineCheck({
  id: 'ec2-ami-not-public',
  title: 'Machine images (AMIs) owned by the account are not public',
  service: 'ec2',
  resourceType: 'AwsEc2Image',
  srmClass: 'infrastructure',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: ['ec2.images'],
  compliance: [],
  risk: 'Anyone can launch a public AMI and read everything baked into it: application code, configuration files, keys and credentials.',
  remediation: {
    text: 'Remove the `all` group from the image’s launch permission; share with named accounts or the organisation instead. Block public access for AMIs prevents new public images.',
    cli: 'aws ec2 modify-image-attribute --image-id <image-id> --launch-permission "Remove=[{Group=all}]" --region <region>',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html',
  },
  evaluate: ({ ec2 }) =>
    ec2.images.map((image) => {
      const label = `AMI ${image.id}${image.name ? ` (${image.name})` : ''}`;
      return verdict(
        !image.public,
        image,
        `${label} is private.`,
        `${label} is public: every AWS account can launch it.`,
      );
    }),
});
