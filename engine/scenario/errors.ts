/** A problem with a scenario, located by file, line (when known) and field path. */
export class ScenarioError extends Error {
  constructor(
    readonly file: string | undefined,
    readonly path: (string | number)[],
    readonly problem: string,
    public line?: number,
  ) {
    super(problem);
    this.name = 'ScenarioError';
  }

  /** One line: "file:line: field: problem". */
  override toString(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    const field = this.path.length ? `${formatPath(this.path)}: ` : '';
    return `${where}${field}${this.problem}`;
  }
}

export function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
