/** The account's own custom-integration product in a region: where Security Hub accepts its findings. */
export const productArn = (partition: string, region: string, accountId: string): string =>
  `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
