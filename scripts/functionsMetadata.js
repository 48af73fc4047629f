/**
 * What the build adds to the functions.json that custom-functions-metadata generates from the
 * JSDoc, and the per-function help page the metadata's helpUrl points at. Plain CommonJS: the
 * webpack config and the tests (test/support/lmAllFunctions.ts) run the same code.
 *
 * - `allowErrorForDataTypeAny: true`: Excel passes an error cell to an `any` parameter instead of
 *   failing the call, so LM.PORTFOLIO can show a bad tape cell in its own row (Microsoft Learn,
 *   "Manually create JSON metadata for custom functions", custom-functions-json: the metadata's
 *   allowErrorForDataTypeAny). Every other LM function passes such an error on with its own code.
 *   The generator already sets `allowCustomDataForDataTypeAny` (data types reach `any` parameters).
 * - helpUrl: written in the JSDoc as https://localhost:3000/help/functions.html#lm-NAME, the
 *   development URL of the manifest; the production build rewrites it to LM_PUBLIC_URL as it
 *   rewrites the manifest, so each function's "Help on this function" opens the page the add-in
 *   itself serves.
 * - help/functions.html: docs/functions.md as HTML (headings keep GitHub's anchors, so
 *   #lm-dti works in the repository and on the served page).
 */
'use strict';

/** The generated metadata JSON with the build's additions; `baseUrl` replaces the development URL in help URLs. */
function finishFunctionsMetadata(metadataJson, devUrl, baseUrl) {
  const metadata = JSON.parse(metadataJson);
  const out = { ...metadata, allowErrorForDataTypeAny: true };
  if (baseUrl && devUrl && baseUrl !== devUrl) {
    for (const fn of out.functions) if (typeof fn.helpUrl === 'string') fn.helpUrl = fn.helpUrl.split(devUrl).join(baseUrl);
  }
  return JSON.stringify(out, null, 4);
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens ("LM.DTI: ..." -> "lmdti-..."). */
function headingAnchor(text) {
  return text
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text) {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (all, label, href) => (/^(https:|#|[\w./-]+$)/.test(href) ? `<a href="${href}">${label}</a>` : all));
}

/**
 * docs/functions.md as a standalone HTML page: headings (with anchors), paragraphs, lists, tables
 * and code blocks, the subset the page uses. Every text is escaped; no script, no external resource.
 */
function helpPageHtml(markdown, title) {
  const lines = markdown.split(/\r?\n/);
  const html = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.startsWith('```')) {
      const code = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
      i++;
      html.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
    } else if (/^#{1,6} /.test(line)) {
      const level = line.indexOf(' ');
      const text = line.slice(level + 1);
      html.push(`<h${level} id="${headingAnchor(text)}">${inline(text)}</h${level}>`);
      i++;
    } else if (line.startsWith('|')) {
      const rows = [];
      for (; i < lines.length && lines[i].startsWith('|'); i++) {
        if (/^\|[\s:|-]+\|\s*$/.test(lines[i])) continue;
        rows.push(lines[i].replace(/^\||\|\s*$/g, '').split(/(?<!\\)\|/).map((cell) => inline(cell.trim().replace(/\\\|/g, '|'))));
      }
      const [head, ...body] = rows;
      html.push(`<table><thead><tr>${head.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    } else if (/^\s*- /.test(line)) {
      const items = [];
      for (; i < lines.length && /^\s*- /.test(lines[i]); i++) {
        let item = lines[i].replace(/^\s*- /, '');
        while (i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]) && !/^\s*- /.test(lines[i + 1])) item += ` ${lines[++i].trim()}`;
        items.push(`<li>${inline(item)}</li>`);
      }
      html.push(`<ul>${items.join('')}</ul>`);
    } else if (line.trim() === '') {
      i++;
    } else {
      const paragraph = [];
      for (; i < lines.length && lines[i].trim() !== '' && !/^(#{1,6} |\||```|\s*- )/.test(lines[i]); i++) paragraph.push(lines[i]);
      html.push(`<p>${inline(paragraph.join(' '))}</p>`);
    }
  }
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:"Segoe UI",sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.45}',
    'table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}code{font-family:Consolas,monospace}</style>',
    '</head><body>',
    ...html,
    '</body></html>',
    '',
  ].join('\n');
}

module.exports = { finishFunctionsMetadata, helpPageHtml, headingAnchor };
