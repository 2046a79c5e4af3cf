import type { OpenSearchDomain } from '../../inventory/index.js';
import type { PolicyAnalysisOptions } from '../../policy/index.js';
import { publicStatements } from '../shared/resource-policy-exposure.js';

/** `OpenSearch Service domain logs (Elasticsearch_7.10)`: legacy Elasticsearch domains are OpenSearch Service domains too. */
export const domainLabel = (domain: OpenSearchDomain): string =>
  `OpenSearch Service domain ${domain.name}${domain.engineVersion ? ` (${domain.engineVersion})` : ''}`;

/** The FSBP controls for one requirement exist twice: `Opensearch.n` and, for the same domains, `ES.n`. */
export const fsbp = (...controls: string[]) => controls.map((control) => ({ framework: 'aws-fsbp' as const, control }));

/** The access policy's statements open to every AWS account (none without a policy). */
export const openStatements = (domain: OpenSearchDomain, options: PolicyAnalysisOptions): string[] =>
  domain.accessPolicy ? publicStatements(domain.accessPolicy, options) : [];

/** Fine-grained access control that authenticates every request (no anonymous access). */
export const authenticatesEveryRequest = (domain: OpenSearchDomain): boolean =>
  domain.fineGrainedAccessControl && !domain.anonymousAuthEnabled;
