/**
 * Job progress for the command line: one line on stderr, redrawn in place, only when stderr is
 * a terminal (pipes and CI logs get nothing, so stdout and stderr stay clean to parse).
 */
export interface ProgressStep {
  phase: string;
  done: number;
  total: number;
}

export interface ProgressLine {
  update(step: ProgressStep): void;
  /** Clears the line; call before printing the result. */
  finish(): void;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function formatProgress(step: ProgressStep, width = 80): string {
  const phase = step.phase.replace(CONTROL, '?');
  const count = step.total > 0 ? ` ${step.done}/${step.total} (${Math.floor((100 * step.done) / step.total)}%)` : '';
  const text = `${phase}${count}`;
  return text.length > width - 1 ? text.slice(0, width - 2) + '…' : text;
}

/**
 * ASSAY_PROGRESS=lines: where stderr is not a terminal, each change of phase or whole percent is
 * written as its own line (`progress: replay 1/4 (25%)`), for pipelines and tests that watch a job.
 */
export function progressLine(
  stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY' | 'columns'> = process.stderr,
  asLines = process.env.ASSAY_PROGRESS === 'lines',
): ProgressLine {
  if (!stream.isTTY) return asLines ? progressLines(stream) : { update() {}, finish() {} };
  let shown = '';
  return {
    update(step) {
      const text = formatProgress(step, stream.columns || 80);
      if (text === shown) return;
      shown = text;
      stream.write(`\r\u001b[2K${text}`);
    },
    finish() {
      if (shown) stream.write('\r\u001b[2K');
      shown = '';
    },
  };
}

function progressLines(stream: Pick<NodeJS.WriteStream, 'write'>): ProgressLine {
  let shown = '';
  return {
    update(step) {
      const percent = step.total > 0 ? Math.floor((100 * step.done) / step.total) : -1;
      const key = `${step.phase}\u0000${percent}`;
      if (key === shown) return;
      shown = key;
      stream.write(`progress: ${formatProgress(step, 200)}\n`);
    },
    finish() {},
  };
}
