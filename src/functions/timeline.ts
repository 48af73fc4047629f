/// <reference types="custom-functions-runtime" />
/**
 * LM.REGXDATES: thin wrapper over the engine's Regulation X timeline (engine.md section 8,
 * 12 CFR 1024.39 and 1024.41; src/engine/regulationX.ts), spilled with dates as Excel serials.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cells untyped; arguments.ts validates them. */
import { toExcelSerial } from '../engine/dates';
import { computeTimelineFromDates } from '../engine/regulationX';
import type { Timeline } from '../engine/results';
import { excelFunction } from './excelErrors';
import { optionalDate, requiredDate } from './dateArguments';

/** The spilled rows, in the order a specialist works through them. */
export const REGX_ROWS: { key: keyof Timeline; label: string }[] = [
  { key: 'earlyInterventionLiveContactBy', label: 'Live contact attempt by (day 36)' },
  { key: 'earlyInterventionWrittenNoticeBy', label: 'Written early-intervention notice by (day 45)' },
  { key: 'acknowledgmentDue', label: 'Acknowledge the application by' },
  { key: 'evaluationDue', label: 'Evaluate the complete application by' },
  { key: 'appealDeadline', label: 'Appeal deadline' },
  { key: 'acceptanceDeadline', label: 'Offer acceptance deadline' },
  { key: 'earliestForeclosureReferral', label: 'Earliest foreclosure referral' },
];

/**
 * Regulation X dates (12 CFR 1024.39, 1024.41): spills what is due, the date and its status (missed, near, reached...).
 * @customfunction REGXDATES REGXDATES
 * @helpurl https://localhost:3000/help/functions.html#lmregxdates
 * @param evaluation_date The date the others are checked against (usually today or the evaluation date).
 * @param [first_missed_due_date] The first unpaid due date (day 1 of delinquency); blank: delinquency dates are left empty.
 * @param [application_received] Date the loss-mitigation application was received.
 * @param [application_complete] Date the application became complete.
 * @param [foreclosure_sale] Scheduled foreclosure sale date, if any.
 * @returns Three columns: what is due, the date as an Excel date (empty when it does not apply), and its status.
 */
export function regxdates(evaluation_date: any, first_missed_due_date?: any, application_received?: any, application_complete?: any, foreclosure_sale?: any): any[][] {
  return excelFunction(() => {
    const timeline = computeTimelineFromDates({
      evaluationDate: requiredDate(evaluation_date, 'evaluation_date', 'the evaluation date'),
      firstMissedDueDate: optionalDate(first_missed_due_date, 'first_missed_due_date'),
      applicationReceivedDate: optionalDate(application_received, 'application_received'),
      applicationCompleteDate: optionalDate(application_complete, 'application_complete'),
      foreclosureSaleDate: optionalDate(foreclosure_sale, 'foreclosure_sale'),
    });
    const flags = timeline.flags ?? [];
    return REGX_ROWS.map(({ key, label }) => {
      const date = timeline[key];
      const status = flags.find((f) => f.item === key)?.status ?? '';
      return [label, typeof date === 'string' ? toExcelSerial(date) : '', status];
    });
  });
}
