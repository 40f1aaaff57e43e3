import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadRunFiles } from './load-run-files.js';
import { renderReport } from './render-report.js';
import { resolveRunFolder } from './resolve-run-folder.js';

/** File name of the report inside a run folder. */
export const REPORT_FILE_NAME = 'report.html';

/** Options of {@link writeRunReport}. */
export interface WriteRunReportOptions {
  /** A folder inside the repository whose run it is (default: the current directory). */
  workspace?: string;
  signal?: AbortSignal;
}

/** What {@link writeRunReport} wrote. */
export interface RunReportResult {
  runId: string;
  runDir: string;
  /** `<runDir>/report.html`. */
  reportPath: string;
  bytes: number;
  /** Files of the run folder that were missing or damaged; their sections say so. */
  problems: string[];
}

/**
 * Writes `report.html` into the folder of run `run` (a run id or `last`) of the repository
 * containing `workspace`: one self-contained page, nothing loaded at view time. The file is
 * written whole or not at all (a temporary file renamed over it). Throws `BAD_INPUT` for an
 * unknown run (see `resolveRunFolder`).
 */
export async function writeRunReport(
  run: string,
  options: WriteRunReportOptions = {},
): Promise<RunReportResult> {
  const signal = options.signal;
  const folder = await resolveRunFolder(
    options.workspace ?? process.cwd(),
    run,
    signal ? { signal } : {},
  );
  const files = await loadRunFiles(folder.runDir, signal ? { signal } : {});
  const html = renderReport(files);
  signal?.throwIfAborted();
  const reportPath = path.join(folder.runDir, REPORT_FILE_NAME);
  const temporary = `${reportPath}.${process.pid}.tmp`;
  await writeFile(temporary, html);
  await rename(temporary, reportPath);
  return {
    runId: folder.runId,
    runDir: folder.runDir,
    reportPath,
    bytes: Buffer.byteLength(html),
    problems: files.problems,
  };
}
