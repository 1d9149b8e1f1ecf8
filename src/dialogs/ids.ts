/** Dialog ids, in one place. */
export const MAIN_DIALOG = 'mainDialog';
export const MAIN_WATERFALL = 'mainWaterfall';
export const CHOOSE_PROCEDURE_DIALOG = 'chooseProcedureDialog';
export const CHOOSE_WATERFALL = 'chooseProcedureWaterfall';
export const TEXT_PROMPT = 'textPrompt';
