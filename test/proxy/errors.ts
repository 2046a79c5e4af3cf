import { randomUUID } from 'node:crypto';
import type { ClassifiedRequest, WireFormat } from './classify.js';

export type ErrorKind = 'throttle' | 'accessDenied' | 'serverError';

export interface WireError {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The code AWS answers with, per kind of error and wire format (and, for REST JSON, service). */
function errorCode(kind: ErrorKind, request: ClassifiedRequest): { code: string; status: number; message: string } {
  const { format, service } = request;
  if (kind === 'throttle') {
    switch (format) {
      case 'ec2':
        return { code: 'RequestLimitExceeded', status: 503, message: 'Request limit exceeded.' };
      case 'query':
        return { code: 'Throttling', status: 400, message: 'Rate exceeded' };
      case 's3':
        return { code: 'SlowDown', status: 503, message: 'Please reduce your request rate.' };
      case 'json':
        return { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' };
      case 'rest-json':
        return service === 'lambda' || service === 'apigateway'
          ? { code: 'TooManyRequestsException', status: 429, message: 'Rate exceeded' }
          : { code: 'ThrottlingException', status: 429, message: 'Rate exceeded' };
    }
  }
  if (kind === 'accessDenied') {
    const message = `User is not authorized to perform: ${request.service}:${request.operation}`;
    switch (format) {
      case 'ec2':
        return { code: 'UnauthorizedOperation', status: 403, message };
      case 'query':
        return { code: service === 'sns' ? 'AuthorizationError' : 'AccessDenied', status: 403, message };
      case 's3':
        return { code: 'AccessDenied', status: 403, message: 'Access Denied' };
      case 'json':
      case 'rest-json':
        return { code: 'AccessDeniedException', status: format === 'json' ? 400 : 403, message };
    }
  }
  switch (format) {
    case 'ec2':
    case 's3':
      return { code: 'InternalError', status: 500, message: 'We encountered an internal error. Please try again.' };
    default:
      return { code: 'InternalFailure', status: 500, message: 'The request processing has failed.' };
  }
}

const xmlEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The error AWS sends for `kind`, in the request's wire format: EC2 `<Response><Errors>`, query `<ErrorResponse>`,
 * S3 `<Error>`, JSON `__type`, REST JSON `x-amzn-ErrorType`.
 */
export function wireError(kind: ErrorKind, request: ClassifiedRequest): WireError {
  const { code, status, message } = errorCode(kind, request);
  const requestId = randomUUID();
  const xml = { 'content-type': 'text/xml', 'x-amzn-requestid': requestId };
  switch (request.format) {
    case 'ec2':
      return {
        status,
        headers: xml,
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      };
    case 'query':
      return {
        status,
        headers: xml,
        body: `<ErrorResponse xmlns="https://aws.amazon.com/api/"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case 's3':
      return {
        status,
        headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><RequestId>${requestId}</RequestId><HostId>proxy</HostId></Error>`,
      };
    case 'json':
      return {
        status,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
        body: JSON.stringify({ __type: code, message }),
      };
    case 'rest-json':
      return {
        status,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': requestId },
        body: JSON.stringify({ message, Type: status >= 500 ? 'Service' : 'User' }),
      };
  }
}

/** The wire formats, for tests that go through each. */
export const WIRE_FORMATS: readonly WireFormat[] = ['ec2', 'query', 's3', 'json', 'rest-json'];
