/** Dialog ids, in one place. */
export const MAIN_DIALOG = 'mainDialog';
export const MAIN_WATERFALL = 'mainWaterfall';
export const CHOOSE_PROCEDURE_DIALOG = 'chooseProcedureDialog';
export const CHOOSE_WATERFALL = 'chooseProcedureWaterfall';
export const TEXT_PROMPT = 'textPrompt';
export const DOSSIER_STATUS_DIALOG = 'dossierStatusDialog';
export const DOSSIER_WATERFALL = 'dossierStatusWaterfall';
export const DOSSIER_CODE_PROMPT = 'dossierCodePrompt';
export const PHONE_DIGITS_PROMPT = 'phoneDigitsPrompt';
