/** The workbook's settings form (kept on the add-in's hidden settings sheet). */
import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Textarea } from '@fluentui/react-components';
import type { SettingsProblem } from '../../excel/workbookActions';
import type { SettingsFormErrors, SettingsFormValues } from '../settingsForm';
import { useStyles } from './styles';

export interface SettingsSectionProps {
  form: SettingsFormValues;
  errors: SettingsFormErrors;
  /** Problems found in the settings saved in the workbook (e.g. a PMMS typed 62.5 on the sheet). */
  stored: SettingsProblem[];
  busy: boolean;
  onChange: (name: keyof SettingsFormValues, value: string) => void;
  onSubmit: (event: React.FormEvent) => void;
}

export function SettingsSection({ form, errors, stored, busy, onChange, onSubmit }: SettingsSectionProps): React.JSX.Element {
  const styles = useStyles();
  const setField = (name: keyof SettingsFormValues) => (_: unknown, data: { value: string }) => onChange(name, data.value);
  return (
    <Accordion collapsible defaultOpenItems={stored.length > 0 ? ['settings'] : []}>
      <AccordionItem value="settings">
        <AccordionHeader as="h2">Settings</AccordionHeader>
        <AccordionPanel>
          <form className={styles.settingsForm} onSubmit={onSubmit} aria-label="Workbook settings" noValidate>
            {stored.length > 0 && (
              <MessageBar intent="error" data-testid="settings-problems">
                <MessageBarBody>
                  <MessageBarTitle>The settings saved in this workbook have problems</MessageBarTitle>
                  {stored.map((p) => p.message).join(' ')} Nothing is evaluated until they are fixed and saved.
                </MessageBarBody>
              </MessageBar>
            )}
            <Caption1 as="p">Saved in this workbook. When set, the posted rates below override the case&apos;s market rates in every evaluation.</Caption1>
            <Field
              label="Posted modification rate"
              hint="The GSE posted modification interest rate, e.g. 6.5% or 0.065. Empty: the case's rate."
              validationMessage={errors.modificationRate}
              validationState={errors.modificationRate ? 'error' : 'none'}
            >
              <Input value={form.modificationRate} onChange={setField('modificationRate')} inputMode="decimal" />
            </Field>
            <Field label="PMMS rate" hint="Freddie Mac PMMS 30-year rate in effect, e.g. 6.25%. Empty: the case's rate." validationMessage={errors.pmms} validationState={errors.pmms ? 'error' : 'none'}>
              <Input value={form.pmms} onChange={setField('pmms')} inputMode="decimal" />
            </Field>
            <Field label="Preparer" hint="Printed on the Case Summary.">
              <Input value={form.preparer} onChange={setField('preparer')} autoComplete="name" />
            </Field>
            <Field
              label="Rulebook overrides (JSON)"
              hint='e.g. { "GSE-FLEX": { "maxTermMonths": 480 } }. Empty: the published rulebooks.'
              validationMessage={errors.rulebookOverrides}
              validationState={errors.rulebookOverrides ? 'error' : 'none'}
            >
              <Textarea value={form.rulebookOverrides} onChange={setField('rulebookOverrides')} resize="vertical" textarea={{ className: styles.code, spellCheck: false }} />
            </Field>
            <div className={styles.actions}>
              <Button type="submit" appearance="primary" disabled={busy}>
                Save settings
              </Button>
            </div>
          </form>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
