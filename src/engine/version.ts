/**
 * The engine's version, printed with every evaluation so a workbook says which engine computed it.
 * 0.2.0: Regulation X dates counted as days delinquent (referral due + 121, early intervention
 * due + 36 / + 45), holidays on their own dates, the appeal deadline from the decision notice,
 * and rulebooks chosen by the evaluation date.
 */
export const ENGINE_VERSION = '0.2.0';
