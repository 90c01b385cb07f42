// A service's refusal in `locale`: its table's sentence filled with its values, the coded ones (a run's status, the
// kind of record) worded in that language too. Pure, so it is tested without the app's runes (errorText.ts uses it).
import { fillMessage } from '../../../engine/core/spec/problemText';
import { serviceErrorValues, type ServiceErrorCode } from '../../../main/api/serviceErrors';
import { SERVICE_VALUES_ZH } from '../../../main/api/serviceErrorsZh';
import type { Locale } from '../lib/i18n.svelte';
import { serviceErrorMessages } from './messages';

export function serviceErrorText(
  key: ServiceErrorCode,
  params: Readonly<Record<string, string | number>>,
  locale: Locale,
): string {
  const values = serviceErrorValues(key, params, locale === 'zh-CN' ? SERVICE_VALUES_ZH : null);
  return fillMessage(serviceErrorMessages[locale][key], values);
}
