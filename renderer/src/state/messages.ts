// What the studio's services refuse (a run still training, a dataset runs still use, an export with no checkpoint,
// an upload that is gone…), by code: English from main/api/serviceErrors.ts, Chinese from
// main/api/serviceErrorsZh.ts, the tables the command line words the same codes with.
import { SERVICE_ERRORS, type ServiceErrorCode } from '../../../main/api/serviceErrors';
import { SERVICE_ERRORS_ZH } from '../../../main/api/serviceErrorsZh';
import type { Messages } from '../lib/i18n.svelte';

export const serviceErrorMessages: Messages<ServiceErrorCode> = {
  en: { ...SERVICE_ERRORS },
  'zh-CN': SERVICE_ERRORS_ZH,
};
