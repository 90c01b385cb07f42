// A failed call's sentence in the user's language: the feature table state/errorWords.ts picks, filled with the
// error's values; any other error keeps its own message. The studio's notices and the import dialogs show it.
import { withSettingName } from '../settingNames/settingName';
import { settingNameMessages } from '../settingNames/messages';
import { checkpointProblemMessages } from '../experiments/messages';
import { onnxImportErrorMessages } from '../editor/modelImportMessages';
import { imagePredictionProblemMessages } from '../imagePredictions/messages';
import {
  csvImportErrorMessages,
  csvPlaceMessages,
  imageImportErrorMessages,
  moreNamesMessages,
  systemErrorMessages,
} from '../data/importErrorMessages';
import { skipReasonMessages } from '../data/importNoteMessages';
import { wordedValues, type ValueWords } from '../data/quotedReasonText';
import { groupMessages } from '../groups/messages';
import { trainMessages } from '../training/messages';
import { language, translator } from '../lib/i18n.svelte';
import { errorWording } from './errorWords';
import { serviceErrorText } from './serviceErrorText';
import { runFailureSentence } from '../../../main/api/runFailures';
import { runFailureMessages } from './messages';

const refusalWords = translator(trainMessages);
const groupWords = translator(groupMessages);
const checkpointWords = translator(checkpointProblemMessages);
const onnxWords = translator(onnxImportErrorMessages);
const imagePredictionWords = translator(imagePredictionProblemMessages);
const imageImportWords = translator(imageImportErrorMessages);
const moreNamesWords = translator(moreNamesMessages);
const valueWords: ValueWords = {
  skip: translator(skipReasonMessages),
  system: translator(systemErrorMessages),
  more: (count) => moreNamesWords('more', { count }),
};
const csvImportWords = translator(csvImportErrorMessages);
const csvPlaceWords = translator(csvPlaceMessages);

export function errorText(error: unknown): string {
  const wording = errorWording(error);
  switch (wording.table) {
    case 'train':
      return refusalWords(wording.key, withSettingName(wording.params, settingNameMessages[language.locale]));
    case 'checkpoint':
      return checkpointWords(wording.key, wording.params);
    case 'onnx':
      return onnxWords(wording.key, wording.params);
    case 'group':
      return groupWords(wording.key, withSettingName(wording.params, settingNameMessages[language.locale]));
    case 'imagePrediction':
      return imagePredictionWords(wording.key, wordedValues(wording.params, valueWords));
    case 'imageImport':
      return imageImportWords(wording.key, wordedValues(wording.params, valueWords));
    case 'csvImport': {
      const problem = csvImportWords(wording.key, wording.params);
      const { file, line } = wording.params;
      return line === undefined
        ? csvPlaceWords('inFile', { file, problem })
        : csvPlaceWords('onLine', { file, line, problem });
    }
    case 'service':
      return serviceErrorText(wording.key, wording.params, language.locale);
    case 'failure':
      return runFailureSentence(wording.key, wording.params, runFailureMessages[language.locale]);
    case null:
      return wording.text;
    default:
      throw new Error(`no words for the table of ${JSON.stringify(wording satisfies never)}`);
  }
}
