/**
 * The program registry checks itself (docs/adding-a-program.md): the waterfalls name only
 * registered programs, each program names a rulebook the catalogue has, and each rulebook's
 * versions follow one another without overlapping. evaluate.ts runs the check when it loads, so a
 * registry defect fails every evaluation at once instead of skipping an option for some cases.
 */
import { INVESTORS } from './case/types';
import { ALL_PROGRAMS, WATERFALLS } from './programs';
import { RULEBOOK_VERSIONS, findRulebook, rulebookVersions } from './rulebooks';

/** The registry's defects, in words; empty when it is sound. */
export function registryProblems(): string[] {
  const problems: string[] = [];
  const programIds = new Set<string>();
  for (const program of ALL_PROGRAMS) {
    if (programIds.has(program.id)) problems.push(`program "${program.id}" is registered twice`);
    programIds.add(program.id);
    if (!findRulebook(program.rulebookId)) problems.push(`program "${program.id}" names rulebook "${program.rulebookId}", which is not in the catalogue`);
  }
  for (const investor of INVESTORS) {
    const waterfall = WATERFALLS[investor];
    if (!waterfall || waterfall.length === 0) problems.push(`investor ${investor} has no waterfall`);
    for (const id of waterfall ?? []) if (!programIds.has(id)) problems.push(`the ${investor} waterfall names "${id}", which is not a registered program`);
  }
  for (const id of new Set(RULEBOOK_VERSIONS.map((rulebook) => rulebook.id))) {
    const versions = rulebookVersions(id);
    versions.forEach((version, i) => {
      const next = versions[i + 1];
      if (next && version.effectiveUntil === undefined) problems.push(`${id} ${version.version} has no effectiveUntil although ${next.version} replaced it`);
      if (next && version.effectiveUntil !== undefined && version.effectiveUntil >= next.effectiveDate) problems.push(`${id} ${version.version} (until ${version.effectiveUntil}) overlaps ${next.version} (from ${next.effectiveDate})`);
      if (version.effectiveUntil !== undefined && version.effectiveUntil < version.effectiveDate) problems.push(`${id} ${version.version} ends before it starts`);
      for (const programId of version.programsNotOffered ?? []) {
        const program = ALL_PROGRAMS.find((p) => p.id === programId);
        if (!program || program.rulebookId !== id) problems.push(`${id} ${version.version} lists "${programId}" as not offered, but that program does not apply ${id}`);
      }
    });
  }
  return problems;
}

/** Throws when the registry has a defect, listing every one. */
export function checkRegistry(): void {
  const problems = registryProblems();
  if (problems.length > 0) throw new Error(`the program registry is inconsistent:\n- ${problems.join('\n- ')}`);
}
