import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_DIFF_LINES, renderDiff } from '../../../src/report/render-diff.js';
import { renderReport } from '../../../src/report/render-report.js';
import { REPORT_SCRIPT } from '../../../src/report/report-script.js';
import { FIXTURE_DIFF, fixtureResult, fixtureRunFiles } from '../../helpers/run-folder-fixture.js';

describe('renderReport', () => {
  it('is one page with every section, no external reference, and a policy that loads nothing', () => {
    const html = renderReport(fixtureRunFiles());
    for (const id of ['timeline', 'tokens', 'blast-radius', 'memory', 'dag', 'diff'])
      expect(html).toContain(`<section id="${id}">`);
    expect(html).not.toMatch(/\s(src|href)="(?!#)/);
    const hash = createHash('sha256').update(REPORT_SCRIPT).digest('base64');
    expect(html).toContain(`script-src &#39;sha256-${hash}&#39;`);
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
    expect(html).toContain('default-src &#39;none&#39;');
  });

  it('is the same page for the same files', () => {
    expect(renderReport(fixtureRunFiles())).toBe(renderReport(fixtureRunFiles()));
  });

  it('escapes the command, the error and the diff', () => {
    const html = renderReport(
      fixtureRunFiles({
        result: fixtureResult({
          command: 'rename </title><script>alert(1)</script> to x',
          success: false,
          error: { code: 'TESTS_FAILED', message: '<b>2 failed</b>' },
        }),
      }),
    );
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(1)');
    expect(html).toContain('&lt;b&gt;2 failed&lt;/b&gt;');
    expect(html).toContain('// &lt;b&gt;not markup&lt;/b&gt;');
    expect(html).toContain('<span class="badge failed">failed</span>');
  });

  it('still renders a run that left almost nothing, saying what is missing in each section', () => {
    const html = renderReport({
      runDir: '/x',
      result: null,
      plan: null,
      diff: null,
      trace: [],
      memory: [],
      problems: ['result.json: not in the run folder.'],
    });
    expect(html).toContain('No trace.jsonl in the run folder');
    expect(html).toContain('No plan.json in the run folder');
    expect(html).toContain('No memory.jsonl in the run folder');
    expect(html).toContain('MONTE CARLO did not run');
    expect(html).toContain('No diff.patch in the run folder');
    expect(html).toContain('<li>result.json: not in the run folder.</li>');
  });
});

describe('renderDiff', () => {
  it('leaves out lines past the limit and says where the whole diff is', () => {
    const long = `${FIXTURE_DIFF}${'+x\n'.repeat(MAX_DIFF_LINES)}`;
    const html = renderDiff(long, null);
    expect(html).toContain(`${FIXTURE_DIFF.split('\n').length - 1} more lines are left out here`);
    expect(html.match(/<span class="add">/g)?.length).toBeLessThanOrEqual(MAX_DIFF_LINES);
  });
});
