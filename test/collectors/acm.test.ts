import { ACMClient, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { acmCollectors } from '../../lambdas/core/collectors/acm.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const acmMock = mockClient(ACMClient);

const arnOf = (id: string) => `arn:aws:acm:eu-west-1:123456789012:certificate/${id}`;

beforeEach(() => {
  acmMock.reset();
});

describe('Collector: acm.certificates', () => {
  it('asks for every key type, pages through the list and normalises each summary', async () => {
    // Prepare
    acmMock
      .on(ListCertificatesCommand)
      .resolvesOnce({
        CertificateSummaryList: [
          {
            CertificateArn: arnOf('c1'),
            DomainName: 'shop.harbor.example',
            Status: 'ISSUED',
            Type: 'IMPORTED',
            KeyAlgorithm: 'RSA_1024',
            NotAfter: new Date('2027-01-01T00:00:00Z'),
            InUse: true,
            RenewalEligibility: 'INELIGIBLE',
          },
        ],
        NextToken: 'n2',
      })
      .resolvesOnce({ CertificateSummaryList: [{ CertificateArn: arnOf('c2'), Status: 'PENDING_VALIDATION' }] });

    // Act
    const { value } = await runCollector(acmCollectors['acm.certificates'], { region: 'eu-west-1' });

    // Assess
    expect(acmMock).toHaveReceivedNthCommandWith(ListCertificatesCommand, 2, {
      Includes: {
        keyTypes: ['EC_prime256v1', 'EC_secp384r1', 'EC_secp521r1', 'RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096'],
      },
      MaxItems: 1000,
      NextToken: 'n2',
    });
    expect(value).toEqual([
      {
        arn: arnOf('c1'),
        id: 'c1',
        region: 'eu-west-1',
        accountId: '123456789012',
        domainName: 'shop.harbor.example',
        status: 'ISSUED',
        type: 'IMPORTED',
        keyAlgorithm: 'RSA_1024',
        notAfter: new Date('2027-01-01T00:00:00Z'),
        inUse: true,
        renewalEligibility: 'INELIGIBLE',
      },
      {
        arn: arnOf('c2'),
        id: 'c2',
        region: 'eu-west-1',
        accountId: '123456789012',
        status: 'PENDING_VALIDATION',
        inUse: false,
      },
    ]);
  });

  it('lets an AccessDenied on ListCertificates throw', async () => {
    // Prepare
    acmMock.on(ListCertificatesCommand).rejects(awsError('json', 'AccessDeniedException', { status: 400 }));

    // Act
    const collecting = runCollector(acmCollectors['acm.certificates']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});
