// What the studio's services refuse (a run still training, a dataset runs still use, an export with no checkpoint,
// an upload that is gone…), by code: English from main/api/serviceErrors.ts, Chinese from
// main/api/serviceErrorsZh.ts, the tables the command line words the same codes with.
import { SERVICE_ERRORS, type ServiceErrorCode } from '../../../main/api/serviceErrors';
import { SERVICE_ERRORS_ZH } from '../../../main/api/serviceErrorsZh';
import { RUN_FAILURES } from '../../../main/api/runFailures';
import { RUN_FAILURES_ZH } from '../../../main/api/runFailuresZh';
import type { RunFailureCode } from '../../../engine/core/train/runFailure';
import type { Messages } from '../lib/i18n.svelte';

export const serviceErrorMessages: Messages<ServiceErrorCode> = {
  en: { ...SERVICE_ERRORS },
  'zh-CN': SERVICE_ERRORS_ZH,
};

// Why a run failed, by code (engine/core/train/runFailure.ts): English from main/api/runFailures.ts, Chinese from
// main/api/runFailuresZh.ts, the tables the command line words the same failures with.
export const runFailureMessages: Messages<RunFailureCode> = {
  en: { ...RUN_FAILURES },
  'zh-CN': RUN_FAILURES_ZH,
};
