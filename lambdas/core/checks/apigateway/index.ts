export { apigatewayHttpStageAccessLoggingEnabled } from './apigateway-http-stage-access-logging-enabled.js';
export { apigatewayRestStageAccessLoggingEnabled } from './apigateway-rest-stage-access-logging-enabled.js';
export { apigatewayRestStageBackendCertificate } from './apigateway-rest-stage-backend-certificate.js';
export { apigatewayRestStageCacheEncrypted } from './apigateway-rest-stage-cache-encrypted.js';
export { apigatewayRestStageWafAssociated } from './apigateway-rest-stage-waf-associated.js';
export { apigatewayStageExecutionLoggingEnabled } from './apigateway-stage-execution-logging-enabled.js';
