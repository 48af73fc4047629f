/**
 * Text from a case file is data, never terminal commands: ANSI CSI / OSC escape sequences and the
 * other C0 and C1 control characters (tab and newline aside) are removed before it is printed.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?|\u001b[@-_]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function stripControlSequences(text: string): string {
  return text.replace(CONTROL_SEQUENCES, '');
}
