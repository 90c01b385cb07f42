// The error a service's refusal becomes (a run still training, a dataset runs still use, an export with no
// checkpoint, an upload that is gone…): a code and its values (main/api/serviceErrors.ts), with the English sentence
// as its message for logs, tests and the CLI in English.
import { CodedError } from '../../engine/core/errors/coded';
import { fillMessage } from '../../engine/core/spec/problemText';
import { SERVICE_ERROR_PREFIX, SERVICE_ERRORS, serviceErrorValues, type ServiceErrorCode } from '../api/serviceErrors';

export class ServiceError extends CodedError<ServiceErrorCode, Record<string, string | number>> {
  constructor(code: ServiceErrorCode, params: Readonly<Record<string, string | number>> = {}, options?: ErrorOptions) {
    super(code, params, fillMessage(SERVICE_ERRORS[code], serviceErrorValues(code, params, null)));
    if (options?.cause !== undefined) this.cause = options.cause;
  }

  override get tableCode(): string {
    return `${SERVICE_ERROR_PREFIX}${this.code}`;
  }
}
