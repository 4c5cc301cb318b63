import type { CauseId, Diagnosis, EvidenceRef, Finding, PathStep } from '../model/diagnosis.js';
import type { Migration } from '../model/migration.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { remediationText, whyText } from '../report/localize.js';
import { verdictTone } from './colour.js';
import { wrapBlock } from './fit-text.js';
import { commandBlock } from './render-commands.js';
import { plainView, type TextView } from './text-view.js';

/** Where a record sits in the files collected (`HV01_cluster.log line 48`), when known. */
export type EvidenceLocator = (e: EvidenceRef) => string | null;

/** A cause id for people: `unknown` reads as "cause not established" (never `unknown (unknown)`). */
function causeText(cause: string, tr: Translator = createTranslator('en')): string {
  return cause === 'unknown' ? tr.t('term.causeNotEstablished') : cause;
}

/** One evidence record for people: `events #12 HV01 2011-…: 21126: …`. Pure. */
export function evidenceLine(e: EvidenceRef, locate?: EvidenceLocator): string {
  const where = locate?.(e);
  return `${e.table} #${e.id}${where ? ` (${where})` : ''}${e.node ? ` ${e.node}` : ''}${e.time ? ` ${e.time}` : ''}: ${e.note}`;
}

function migrationTitle(
  m: Migration | undefined,
  id: number | null,
  tr: Translator = createTranslator('en'),
): string {
  if (!m) return id === null ? 'cluster' : `#${id}`;
  return tr.t('term.migrationTitle', {
    id: m.id,
    vm: m.vm,
    source: m.sourceNode ?? '?',
    destination: m.destinationNode ?? '?',
    outcome: tr.t(`outcome.${m.outcome}`),
  });
}

/**
 * The diagnosis part of the analyze summary: for each diagnosed migration the cause, the
 * verdict, one line of why and the remediation; then related causes and advisories. Pure.
 */
export function renderFindingsText(
  migrations: readonly Migration[],
  findings: readonly Finding[],
  tr: Translator = createTranslator('en'),
  view: TextView = plainView,
): string {
  const t = tr.t;
  const paint = view.paint.paint;
  // Prose is wrapped to the view's width as it is added; command blocks never are.
  const text: string[] = [];
  const lines = {
    push: (...added: string[]) => text.push(...added.map((l) => wrapBlock(l, view.width))),
  };
  const commands = (cause: CauseId) => text.push(...commandBlock(cause, tr, view.width));
  const diagnoses = findings.filter((f) => f.scope === 'migration');
  lines.push(
    paint(
      'strong',
      diagnoses.length === 0
        ? t('term.diagnosisNone')
        : t('term.diagnosisCount', { count: diagnoses.length }),
    ),
  );
  for (const d of diagnoses) {
    const m = migrations.find((x) => x.id === d.migrationId);
    lines.push(
      t('term.diagnosisLine', {
        title: migrationTitle(m, d.migrationId, tr),
        cause: causeText(d.cause, tr),
        verdict: paint(verdictTone(d.verdict), t(`verdict.${d.verdict}`)),
      }),
    );
    lines.push(t('term.why', { text: whyText(tr, d) }));
    lines.push(t('term.do', { text: remediationText(tr, d, null) }));
    commands(d.cause);
    for (const r of findings.filter(
      (f) => f.scope === 'related' && f.migrationId === d.migrationId,
    ))
      lines.push(
        t('term.also', {
          cause: r.cause,
          verdict: t(`verdict.${r.verdict}`),
          text: whyText(tr, r),
        }),
      );
  }
  const advisories = findings.filter((f) => f.scope === 'cluster');
  lines.push('');
  lines.push(
    paint(
      'strong',
      advisories.length === 0
        ? t('term.advisoriesNone')
        : t('term.advisoriesCount', { count: advisories.length }),
    ),
  );
  for (const a of advisories) {
    lines.push(
      t('term.advisoryLine', {
        cause: a.cause,
        verdict: t(`verdict.${a.verdict}`),
        text: whyText(tr, a),
      }),
    );
    lines.push(t('term.do', { text: remediationText(tr, a, null) }));
    commands(a.cause);
  }
  lines.push('');
  lines.push(t('term.explainHint'));
  return `${text.join('\n')}\n`;
}

/** One question of a path, indented, with its evidence lines. Pure. */
export function renderPathStep(step: PathStep, indent = '  ', locate?: EvidenceLocator): string[] {
  const lines = [`${indent}${step.question} ${step.answer.toUpperCase()} \u2014 ${step.summary}`];
  for (const e of step.evidence) lines.push(`${indent}    ${evidenceLine(e, locate)}`);
  if (step.missing)
    lines.push(
      `${indent}    missing: ${step.missing.input}; collect with: ${step.missing.collect}`,
    );
  return lines;
}

/** A diagnosis for `lmdoctor diagnose`; with `explain`, the whole path and evidence. Pure. */
export function renderDiagnosisText(
  m: Migration | undefined,
  d: Diagnosis,
  explain: boolean,
  locate?: EvidenceLocator,
): string {
  const lines = [
    `${migrationTitle(m, d.migrationId)}: ${causeText(d.cause)} (${d.verdict})`,
    `  why: ${d.summary}`,
    `  do: ${d.remediation}`,
    ...commandBlock(d.cause, createTranslator('en')),
  ];
  if (explain) {
    lines.push(`  path (conclusion "${d.conclusion}", source ${d.source}):`);
    for (const step of d.path) lines.push(...renderPathStep(step, '    ', locate));
  } else if (d.evidence.length > 0) {
    lines.push(
      `  evidence: ${evidenceLine(d.evidence[0]!, locate)}${d.evidence.length > 1 ? ` (+${d.evidence.length - 1} more)` : ''}`,
    );
  }
  for (const missing of d.missing)
    lines.push(`  missing: ${missing.input}; collect with: ${missing.collect}`);
  return `${lines.join('\n')}\n`;
}
