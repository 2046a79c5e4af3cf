export { eksClusterControlPlaneLogging } from './eks-cluster-control-plane-logging.js';
export { eksClusterEndpointNotPublic } from './eks-cluster-endpoint-not-public.js';
export { eksClusterSecretsEncrypted } from './eks-cluster-secrets-encrypted.js';
export { eksClusterSupportedVersion } from './eks-cluster-supported-version.js';
export { eksNodegroupNoPublicSsh } from './eks-nodegroup-no-public-ssh.js';
