/** Import and export of the case as JSON (case-format.md). */
import * as React from 'react';
import { Body1, Button, Link, Subtitle2 } from '@fluentui/react-components';
import { useStyles } from './styles';

export interface CaseFileSectionProps {
  busy: boolean;
  onImportFile: (event: React.ChangeEvent<HTMLInputElement>) => void;
  onExport: () => void;
  download: { url: string; fileName: string } | null;
  downloadLink: React.RefObject<HTMLAnchorElement | null>;
}

export function CaseFileSection({ busy, onImportFile, onExport, download, downloadLink }: CaseFileSectionProps): React.JSX.Element {
  const styles = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  return (
    <section className={styles.section} aria-labelledby="file-heading">
      <Subtitle2 as="h2" id="file-heading">
        Case file
      </Subtitle2>
      <div className={styles.actions}>
        <Button onClick={() => fileInput.current?.click()} disabled={busy}>
          Import case JSON…
        </Button>
        <Button onClick={onExport} disabled={busy}>
          Export case JSON
        </Button>
      </div>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        onChange={onImportFile}
        className={styles.visuallyHidden}
        tabIndex={-1}
        aria-label="Case JSON file to import"
        data-testid="import-file"
      />
      {download && (
        <Body1 as="p">
          <Link ref={downloadLink} href={download.url} download={download.fileName} data-testid="download-link">
            Download {download.fileName}
          </Link>
        </Body1>
      )}
    </section>
  );
}
