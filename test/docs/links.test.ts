/**
 * Every relative link of README.md and docs/*.md leads somewhere: the file exists, and an anchor
 * (#section) names a heading of that file, slugged as GitHub slugs headings (lower case; spaces to
 * hyphens; punctuation other than hyphens and underscores dropped; a repeated heading gets -1, -2).
 * Moving a section between files must move its links too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FILES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** GitHub's heading anchors of a Markdown file. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1].replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** The relative links of a Markdown file, outside code: [text](target) and ![alt](target). */
function linksOf(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]).filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

test('the slugs follow GitHub: punctuation dropped, spaces to hyphens, repeats numbered', () => {
  expect([...anchorsOf('# The `lm` command line\n## A whole book: `lm portfolio`\n## Tests\n## Tests\n```\n# not a heading\n```')]).toEqual([
    'the-lm-command-line',
    'a-whole-book-lm-portfolio',
    'tests',
    'tests-1',
  ]);
});

test.each(FILES)('%s: every relative link resolves to a file, and every anchor to a heading', (file) => {
  const source = join(ROOT, file);
  const broken: string[] = [];
  for (const target of linksOf(readFileSync(source, 'utf8'))) {
    const [path, anchor] = target.split('#');
    const linked = path === '' ? source : resolve(dirname(source), decodeURIComponent(path));
    if (!existsSync(linked)) {
      broken.push(`${target}: no file ${relative(ROOT, linked)}`);
      continue;
    }
    if (anchor && linked.endsWith('.md') && !anchorsOf(readFileSync(linked, 'utf8')).has(anchor)) broken.push(`${target}: no heading #${anchor}`);
  }
  expect(broken).toEqual([]);
});
